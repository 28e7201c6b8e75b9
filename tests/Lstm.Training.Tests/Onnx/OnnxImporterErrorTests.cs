using Google.Protobuf;
using Lstm.Training.Onnx;
using Lstm.Training.Onnx.Proto;
using Lstm.Training.Text;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Tests.Onnx;

/// <summary>Broken, hostile or foreign files get an <see cref="InvalidDataException"/> that says what was expected and found.</summary>
public sealed class OnnxImporterErrorTests
{
    private static readonly byte[] Exported = OnnxExporter.ExportToBytes(TestNetworks.Create(TestNetworks.Small, seed: 31), Vocabulary.FromWords(TestNetworks.Words(300), 300), new OnnxExportOptions { Layout = OnnxGraphLayout.Padded });

    private static ModelProto Parse() => ModelProto.Parser.ParseFrom(Exported);

    private static InvalidDataException ImportFails(byte[] bytes, string source = "model.onnx")
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxImporter.Import(bytes, source));
        Assert.Contains(source, error.Message);
        return error;
    }

    [Fact]
    public void TruncatedFile_NamesTheFile()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "truncated.onnx");
        File.WriteAllBytes(path, Exported[..(Exported.Length / 2)]);
        var error = Assert.Throws<InvalidDataException>(() => OnnxImporter.ImportFile(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated or not protobuf", error.Message);
        Assert.Throws<InvalidDataException>(() => OnnxModelMetadata.ReadFile(path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void GarbageOrEmpty_IsRejected(int kind)
    {
        byte[] bytes = kind switch
        {
            0 => [],
            1 => "This is not an ONNX model, just some text.\n"u8.ToArray(),
            _ => [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))],
        };
        ImportFails(bytes);
    }

    [Fact]
    public void PlainOnnxModelFromAnotherProducer_IsRejected()
    {
        var foreign = new ModelProto { IrVersion = 8, ProducerName = "pytorch", ProducerVersion = "2.1", Graph = new GraphProto { Name = "torch_jit" } };
        foreign.OpsetImport.Add(new OperatorSetIdProto { Version = 17 });
        foreign.Graph.Node.Add(new NodeProto { OpType = "Relu", Input = { "x" }, Output = { "y" } });
        var error = ImportFails(foreign.ToByteArray());
        Assert.Contains("was not written by Lstm.MLNet", error.Message);
        Assert.Contains("'pytorch'", error.Message);
    }

    [Fact]
    public void MissingMetadata_NamesTheKey()
    {
        var proto = Parse();
        proto.MetadataProps.Remove(proto.MetadataProps.Single(p => p.Key == OnnxMetadataKeys.MaxLength));
        var error = ImportFails(proto.ToByteArray());
        Assert.Contains("was not written by Lstm.MLNet: metadata key 'lstm_mlnet.max_len' is missing", error.Message);
        Assert.Throws<InvalidDataException>(() => OnnxModelMetadata.Read(proto.ToByteArray()));
    }

    [Fact]
    public void MalformedMetadataValue_SaysWhatWasExpected()
    {
        var proto = Parse();
        proto.MetadataProps.Single(p => p.Key == OnnxMetadataKeys.Padding).Value = "left";
        Assert.Contains("'lstm_mlnet.padding' is 'left'; expected 'pre' or 'post'", ImportFails(proto.ToByteArray()).Message);
    }

    [Fact]
    public void WrongOpset_SaysWhichWasExpected()
    {
        var proto = Parse();
        proto.OpsetImport.Single(o => o.Domain == "").Version = 13;
        Assert.Contains("imports ai.onnx opset 13; Lstm.MLNet writes the text variant with opset 20", ImportFails(proto.ToByteArray()).Message);
    }

    [Fact]
    public void WrongInitializerShape_NamesInitializerAndShapes()
    {
        var proto = Parse();
        var w = proto.Graph.Initializer.Single(t => t.Name == "lstm_W");
        proto.Graph.Initializer[proto.Graph.Initializer.IndexOf(w)] = OnnxTensors.Float("lstm_W", [1, 24, 9], new float[24 * 9]);
        var message = ImportFails(proto.ToByteArray()).Message;
        Assert.Contains("initializer 'lstm_W' has shape [1, 24, 9]; expected [1, 24, 8] for vocabulary_size 300, embedding_dim 8, units 6 (from the metadata).", message);
    }

    [Fact]
    public void ShapeMatchesButDataIsShort_IsRejected()
    {
        var proto = Parse();
        var r = proto.Graph.Initializer.Single(t => t.Name == "lstm_R");
        r.RawData = ByteString.CopyFrom(r.RawData.Span[..^4]);
        Assert.Contains("initializer 'lstm_R' has 572 bytes of raw data; its shape [1, 24, 6] needs 576.", ImportFails(proto.ToByteArray()).Message);
    }

    [Fact]
    public void MissingInitializer_IsNamed()
    {
        var proto = Parse();
        proto.Graph.Initializer.Remove(proto.Graph.Initializer.Single(t => t.Name == "dense_kernel"));
        Assert.Contains("initializer 'dense_kernel' is missing; expected a float tensor of shape [6, 1]", ImportFails(proto.ToByteArray()).Message);
    }

    [Fact]
    public void MetadataThatDisagreesWithTheWeights_IsRejected()
    {
        var proto = Parse();
        proto.MetadataProps.Single(p => p.Key == OnnxMetadataKeys.Units).Value = "7";
        Assert.Contains("initializer 'lstm_W' has shape [1, 24, 8]; expected [1, 28, 8]", ImportFails(proto.ToByteArray()).Message);
    }

    [Fact]
    public void WrongInitializerType_IsRejected()
    {
        var proto = Parse();
        var bias = proto.Graph.Initializer.Single(t => t.Name == "dense_bias");
        bias.DataType = (int)DataType.Double;
        Assert.Contains("initializer 'dense_bias' has data type Double; expected Float", ImportFails(proto.ToByteArray()).Message);
    }

    [Fact]
    public void TamperedVocabulary_IsRejected()
    {
        var proto = Parse();
        var encoder = proto.Graph.Node.Single(n => n.OpType == "LabelEncoder");
        encoder.Attribute.Single(a => a.Name == "values_int64s").Ints[5] = 99;
        Assert.Contains("LabelEncoder word 5 maps to id 99; expected 9", ImportFails(proto.ToByteArray()).Message);
    }

    [Fact]
    public void LstmWithExtraInputs_IsRejected()
    {
        var proto = Parse();
        proto.Graph.Node.Single(n => n.OpType == "LSTM").Input.Add("sequence_lens");
        Assert.Contains("the LSTM node's inputs are", ImportFails(proto.ToByteArray()).Message);
    }

    [Fact]
    public void MetadataFromOnnxRuntime_ReadsTheSameRecord()
    {
        using var session = new OnnxSession(Exported);
        var metadata = OnnxModelMetadata.FromProperties(
            session.Session.ModelMetadata.ProducerName,
            session.Session.ModelMetadata.CustomMetadataMap.ToDictionary(),
            "session");
        Assert.Equal(OnnxModelMetadata.Read(Exported), metadata);
        Assert.Equal(TestNetworks.Small, metadata.Config);
    }

    [Fact]
    public void AModelWithoutIrVersionOrGraph_IsNotAnOnnxModel()
    {
        var noVersion = Parse();
        noVersion.IrVersion = 0;
        Assert.Contains("is not an ONNX model: it has no ir_version or no graph", ImportFails(noVersion.ToByteArray()).Message);
        var noGraph = Parse();
        noGraph.Graph = null;
        Assert.Contains("is not an ONNX model: it has no ir_version or no graph", ImportFails(noGraph.ToByteArray()).Message);
    }

    [Theory]
    [InlineData(OnnxMetadataKeys.MaxLength, "0", "metadata key 'lstm_mlnet.max_len' is '0'; expected an integer from 1 to 100000.")]
    [InlineData(OnnxMetadataKeys.MaxLength, "-5", "metadata key 'lstm_mlnet.max_len' is '-5'; expected an integer from 1 to 100000.")]
    [InlineData(OnnxMetadataKeys.Units, "0", "metadata key 'lstm_mlnet.units' is '0'; expected an integer ≥ 1.")]
    [InlineData(OnnxMetadataKeys.Dropout, "NaN", "metadata key 'lstm_mlnet.dropout' is 'NaN'; expected a number.")]
    [InlineData(OnnxMetadataKeys.Dropout, "1.5", "invalid network configuration in metadata: Dropout must be in [0, 1).")]
    [InlineData(OnnxMetadataKeys.Variant, "onnx", "metadata key 'lstm_mlnet.variant' is 'onnx'; expected 'text' or 'ids'.")]
    [InlineData(OnnxMetadataKeys.InputName, "", "metadata key 'lstm_mlnet.input' is empty.")]
    [InlineData(OnnxMetadataKeys.StartId, "5", "uses special ids (padding, start, oov, index_from) = (0, 5, 2, 3); Lstm.MLNet's vocabulary uses (0, 1, 2, 3).")]
    [InlineData(OnnxMetadataKeys.NumWords, "301", "metadata key 'lstm_mlnet.num_words' is 301, more than the embedding's 300 rows.")]
    public void MetadataOutOfRange_IsRefusedSayingWhatWasExpected(string key, string value, string expected)
    {
        var proto = Parse();
        proto.MetadataProps.Single(p => p.Key == key).Value = value;
        Assert.Contains(expected, ImportFails(proto.ToByteArray()).Message);
    }

    [Fact]
    public void AnEmptyNormalizerRule_IsAccepted()
    {
        // The rule is documentation for reimplementations; only the normaliser's name and version are checked.
        var proto = Parse();
        proto.MetadataProps.Single(p => p.Key == OnnxMetadataKeys.NormalizerRule).Value = "";
        Assert.Equal("", OnnxImporter.Import(proto.ToByteArray()).Metadata.NormalizerRule);
    }

    [Fact]
    public void ADuplicatedMetadataKey_IsRefused()
    {
        var proto = Parse();
        proto.MetadataProps.Add(new StringStringEntryProto { Key = OnnxMetadataKeys.MaxLength, Value = "500" });
        Assert.Contains("metadata key 'lstm_mlnet.max_len' appears more than once", ImportFails(proto.ToByteArray()).Message);
    }

    [Fact]
    public void GraphInputsOtherThanTheMetadatasInput_AreRefused()
    {
        var renamed = Parse();
        renamed.Graph.Input[0].Name = "sentence";
        Assert.Contains("the graph's inputs are [sentence]; expected the single input 'text'", ImportFails(renamed.ToByteArray()).Message);
        var extra = Parse();
        extra.Graph.Input.Add(new ValueInfoProto { Name = "extra" });
        Assert.Contains("the graph's inputs are [text, extra]; expected the single input 'text'", ImportFails(extra.ToByteArray()).Message);
    }

    [Fact]
    public void TheMlOpset_IsChecked_AndTheDefaultDomainMayBeSpelledAiOnnx()
    {
        var wrong = Parse();
        wrong.OpsetImport.Single(o => o.Domain == "ai.onnx.ml").Version = 2;
        Assert.Contains("imports ai.onnx.ml opset 2; Lstm.MLNet writes the text variant with opset 3", ImportFails(wrong.ToByteArray()).Message);
        var missing = Parse();
        missing.OpsetImport.Remove(missing.OpsetImport.Single(o => o.Domain == "ai.onnx.ml"));
        Assert.Contains("imports ai.onnx.ml opset 0", ImportFails(missing.ToByteArray()).Message);

        // "ai.onnx" is another name of the default domain ("").
        var spelled = Parse();
        spelled.OpsetImport.Single(o => o.Domain == "").Domain = "ai.onnx";
        Assert.Equal(OnnxModelMetadata.Read(Exported), OnnxImporter.Import(spelled.ToByteArray()).Metadata);
    }

    [Fact]
    public void AnLstmNodeReadingItsWeightsInAnotherOrder_IsRefused()
    {
        var proto = Parse();
        var lstm = proto.Graph.Node.Single(n => n.OpType == "LSTM");
        (lstm.Input[1], lstm.Input[2]) = (lstm.Input[2], lstm.Input[1]);
        Assert.Contains(
            $"the LSTM node's inputs are [{lstm.Input[0]}, lstm_R, lstm_W, lstm_B]; expected [X, lstm_W, lstm_R, lstm_B] without sequence_lens or initial states.",
            ImportFails(proto.ToByteArray()).Message);
    }

    [Fact]
    public void LstmAttributes_AreThoseTheExporterWrites()
    {
        // The exporter leaves direction at its default; written explicitly as "forward" it means the same.
        var forward = Parse();
        forward.Graph.Node.Single(n => n.OpType == "LSTM").Attribute.Add(new AttributeProto { Name = "direction", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("forward") });
        Assert.Equal(OnnxModelMetadata.Read(Exported), OnnxImporter.Import(forward.ToByteArray()).Metadata);

        var reverse = Parse();
        reverse.Graph.Node.Single(n => n.OpType == "LSTM").Attribute.Add(new AttributeProto { Name = "direction", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("reverse") });
        Assert.Contains("the LSTM node's attribute 'direction' is not what Lstm.MLNet writes", ImportFails(reverse.ToByteArray()).Message);

        var clipped = Parse();
        clipped.Graph.Node.Single(n => n.OpType == "LSTM").Attribute.Add(new AttributeProto { Name = "clip", Type = AttributeProto.Types.AttributeType.Float, F = 3 });
        Assert.Contains("the LSTM node's attribute 'clip' is not what Lstm.MLNet writes", ImportFails(clipped.ToByteArray()).Message);

        var none = Parse();
        none.Graph.Node.Remove(none.Graph.Node.Single(n => n.OpType == "LSTM"));
        Assert.Contains("the graph has 0 LSTM nodes; expected exactly one.", ImportFails(none.ToByteArray()).Message);
    }

    [Fact]
    public void ALabelEncoderThatIsNotTheVocabulary_IsRefused()
    {
        static (ModelProto Proto, NodeProto Encoder) Edited()
        {
            var proto = Parse();
            return (proto, proto.Graph.Node.Single(n => n.OpType == "LabelEncoder"));
        }

        var (noDefault, encoder) = Edited();
        encoder.Attribute.Remove(encoder.Attribute.Single(a => a.Name == "default_int64"));
        Assert.Contains("the LabelEncoder's default_int64 is -1; expected the OOV id 2.", ImportFails(noDefault.ToByteArray()).Message);

        var (shortValues, shortEncoder) = Edited();
        shortEncoder.Attribute.Single(a => a.Name == "values_int64s").Ints.RemoveAt(0);
        Assert.Contains("the LabelEncoder maps 296 words to 295 ids; the metadata says 296 words.", ImportFails(shortValues.ToByteArray()).Message);

        var (noKeys, keysEncoder) = Edited();
        keysEncoder.Attribute.Remove(keysEncoder.Attribute.Single(a => a.Name == "keys_strings"));
        Assert.Contains("the LabelEncoder has no keys_strings/values_int64s", ImportFails(noKeys.ToByteArray()).Message);

        var (badUtf8, utf8Encoder) = Edited();
        utf8Encoder.Attribute.Single(a => a.Name == "keys_strings").Strings[3] = ByteString.CopyFrom(0x77, 0xFF, 0x30);
        Assert.Contains("a LabelEncoder key is not valid UTF-8.", ImportFails(badUtf8.ToByteArray()).Message);
    }

    [Fact]
    public void TheIdsVariantsWordList_IsChecked()
    {
        var ids = ModelProto.Parser.ParseFrom(OnnxExporter.ExportToBytes(
            TestNetworks.Create(TestNetworks.Small, seed: 31), Vocabulary.FromWords(TestNetworks.Words(300), 300), new OnnxExportOptions { Variant = OnnxModelVariant.Ids }));
        var missing = ids.Clone();
        missing.MetadataProps.Remove(missing.MetadataProps.Single(p => p.Key == OnnxMetadataKeys.VocabularyWords));
        Assert.Contains("was not written by Lstm.MLNet: metadata key 'lstm_mlnet.vocabulary_words' is missing.", ImportFails(missing.ToByteArray()).Message);

        var fewer = ids.Clone();
        fewer.MetadataProps.Single(p => p.Key == OnnxMetadataKeys.VocabularyWords).Value = "w0\nw1";
        Assert.Contains("metadata key 'lstm_mlnet.vocabulary_words' holds 2 words; 'lstm_mlnet.vocabulary_word_count' says 296.", ImportFails(fewer.ToByteArray()).Message);
    }

    [Fact]
    public void InitializersStoredElsewhereOrWithMissingValues_AreRefused()
    {
        var external = Parse();
        external.Graph.Initializer.Single(t => t.Name == "lstm_B").DataLocation = TensorProto.Types.DataLocation.External;
        Assert.Contains("initializer 'lstm_B' is stored in an external file; only embedded tensors are supported.", ImportFails(external.ToByteArray()).Message);

        var floatData = Parse();
        var kernel = floatData.Graph.Initializer.Single(t => t.Name == "dense_kernel");
        kernel.RawData = ByteString.Empty;
        kernel.FloatData.Add([1f, 2f, 3f]);
        Assert.Contains("initializer 'dense_kernel' has 3 values; its shape [6, 1] needs 6.", ImportFails(floatData.ToByteArray()).Message);
    }

    [Fact]
    public void InitializerShapesNoArrayCanHold_AreRefusedBeforeReading()
    {
        static TensorProto Shaped(params long[] dims)
        {
            var tensor = new TensorProto { Name = "t", DataType = (int)DataType.Float };
            tensor.Dims.AddRange(dims);
            return tensor;
        }

        Assert.Empty(OnnxTensors.ReadFloats(Shaped(0, 5), "model.onnx")); // an empty tensor is a valid shape
        Assert.Contains("initializer 't' has an invalid shape [-1, 3]", Assert.Throws<InvalidDataException>(() => OnnxTensors.ReadFloats(Shaped(-1, 3), "model.onnx")).Message);
        Assert.Contains($"initializer 't' has an invalid shape [{Array.MaxLength}, 4]", Assert.Throws<InvalidDataException>(() => OnnxTensors.ReadFloats(Shaped(Array.MaxLength, 4), "model.onnx")).Message);
        // The largest shape an array can hold passes the shape check; its missing values are what is wrong.
        Assert.Contains($"has 0 values; its shape [{Array.MaxLength}] needs {Array.MaxLength}.", Assert.Throws<InvalidDataException>(() => OnnxTensors.ReadFloats(Shaped(Array.MaxLength), "model.onnx")).Message);
    }
}
