using Google.Protobuf;
using Lstm.Training.Onnx;
using Lstm.Training.Onnx.Proto;
using Lstm.Training.Text;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Tests.Onnx;

/// <summary>Broken, hostile or foreign files get an <see cref="InvalidDataException"/> that says what was expected and found.</summary>
public sealed class OnnxImporterErrorTests
{
    private static readonly byte[] Exported = OnnxExporter.ExportToBytes(TestNetworks.Create(TestNetworks.Small, seed: 31), Vocabulary.FromWords(TestNetworks.Words(300), 300));

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
        Assert.Contains("initializer 'lstm_W' has shape [1, 24, 9]; expected [1, 24, 8]", message);
    }

    [Fact]
    public void ShapeMatchesButDataIsShort_IsRejected()
    {
        var proto = Parse();
        var r = proto.Graph.Initializer.Single(t => t.Name == "lstm_R");
        r.RawData = ByteString.CopyFrom(r.RawData.Span[..^4]);
        Assert.Contains("initializer 'lstm_R' has 572 bytes of raw data", ImportFails(proto.ToByteArray()).Message);
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
}
