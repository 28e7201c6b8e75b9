using Google.Protobuf;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Onnx.Proto;
using Lstm.Training.Tests.Family;
using Lstm.Training.Text;

namespace Lstm.Training.Tests.Onnx;

/// <summary>The importer refuses family files (metadata format 2) whose metadata or graph is not what the exporter writes, saying what it expected.</summary>
public sealed class FamilyOnnxImportErrorTests
{
    private static readonly NetworkSpec Stack = FamilyCases.Get("bigru-lstm-masked-max-multiclass").Spec with { ClassNames = ["a", "b", "c", "d"] };

    private static ModelProto Exported(NetworkSpec spec) => ModelProto.Parser.ParseFrom(OnnxExporter.ExportToBytes(
        FamilyOnnxNetworks.Create(spec, seed: 41), Vocabulary.FromWords(["x", "y"], spec.VocabularySize), new OnnxExportOptions { Variant = OnnxModelVariant.Ids }));

    private static string ImportFails(ModelProto proto) =>
        Assert.Throws<InvalidDataException>(() => OnnxImporter.Import(proto.ToByteArray(), "edited.onnx")).Message;

    private static void SetMetadata(ModelProto proto, string key, string value) => proto.MetadataProps.Single(p => p.Key == key).Value = value;

    [Fact]
    public void ANewerFormat_IsRefusedNamingIt()
    {
        var proto = Exported(Stack);
        SetMetadata(proto, OnnxMetadataKeys.FormatVersion, "5"); // 4 is the numeric-series format (SeriesOnnxErrorTests)
        Assert.Contains("newer Lstm.MLNet (metadata format 5); this version reads format 3", ImportFails(proto));
    }

    [Fact]
    public void ATaskThatDisagreesWithTheNetwork_IsRefused()
    {
        var proto = Exported(Stack);
        SetMetadata(proto, OnnxMetadataKeys.Task, "regression");
        Assert.Contains("metadata key 'lstm_mlnet.task' is 'regression'", ImportFails(proto));
    }

    [Fact]
    public void ClassNamesThatDisagreeWithTheNetwork_AreRefused()
    {
        var proto = Exported(Stack);
        SetMetadata(proto, OnnxMetadataKeys.ClassNames, "[\"a\",\"b\",\"c\",\"z\"]");
        Assert.Contains("metadata key 'lstm_mlnet.class_names' ([\"a\",\"b\",\"c\",\"z\"]) disagrees with the network's class names", ImportFails(proto));
        proto.MetadataProps.Remove(proto.MetadataProps.Single(p => p.Key == OnnxMetadataKeys.ClassNames));
        Assert.Contains("metadata key 'lstm_mlnet.class_names' (absent) disagrees with the network's class names", ImportFails(proto));
    }

    [Fact]
    public void ANetworkThatDisagreesWithTheWeights_IsRefusedNamingTheInitializer()
    {
        var proto = Exported(Stack);
        var edited = Stack with { Recurrent = [Stack.Recurrent[0], Stack.Recurrent[1] with { Units = 5 }] };
        SetMetadata(proto, OnnxMetadataKeys.Network, SequenceNetwork.SpecToJson(edited));
        Assert.Contains($"initializer 'recurrent1_W' has shape [1, 12, 6]; expected [1, 20, 6] for {edited.Describe()}", ImportFails(proto));
    }

    [Fact]
    public void AGruWithoutResetAfter_IsRefused()
    {
        var proto = Exported(Stack);
        var gru = proto.Graph.Node.Single(n => n.OpType == "GRU");
        gru.Attribute.Single(a => a.Name == "linear_before_reset").I = 0;
        Assert.Contains("layer 0's GRU node has attribute 'linear_before_reset' not as Lstm.MLNet writes it", ImportFails(proto));
        gru.Attribute.Remove(gru.Attribute.Single(a => a.Name == "linear_before_reset"));
        Assert.Contains("layer 0's GRU node lacks attribute 'linear_before_reset'", ImportFails(proto));
    }

    [Fact]
    public void AMaskedLayerWithoutSequenceLengths_IsRefused()
    {
        var proto = Exported(Stack);
        proto.Graph.Node.Single(n => n.OpType == "LSTM").Input.RemoveAt(4);
        Assert.Contains("layer 1's node is LSTM(recurrent0_output, recurrent1_W, recurrent1_R, recurrent1_B); expected LSTM(X, recurrent1_W, recurrent1_R, recurrent1_B, sequence_lens)", ImportFails(proto));
    }

    [Fact]
    public void ARegressionFileWithoutItsValueOutputKey_IsRefused()
    {
        var proto = Exported(FamilyCases.Get("rnn-masked-mean-regression").Spec);
        proto.MetadataProps.Remove(proto.MetadataProps.Single(p => p.Key == OnnxMetadataKeys.ValueOutputName));
        Assert.Contains("metadata key 'lstm_mlnet.output.value' is missing", ImportFails(proto));
    }

    [Fact]
    public void ClassNamesThatAreNotAJsonArray_AreRefused()
    {
        var proto = Exported(Stack);
        SetMetadata(proto, OnnxMetadataKeys.ClassNames, "a,b,c,d");
        Assert.Contains("edited.onnx: metadata key 'lstm_mlnet.class_names' is not a JSON array of strings", ImportFails(proto));
    }

    [Fact]
    public void ABrokenNetworkDescription_NamesItsKey()
    {
        var proto = Exported(Stack);
        SetMetadata(proto, OnnxMetadataKeys.Network, "{\"recurrent\": [");
        Assert.Contains("edited.onnx: metadata key 'lstm_mlnet.network': the network description is not valid", ImportFails(proto));
    }

    [Fact]
    public void FormatOneKeysThatDisagreeWithTheNetwork_AreRefused()
    {
        var proto = Exported(Stack);
        SetMetadata(proto, OnnxMetadataKeys.Units, "7");
        var first = Stack.Recurrent[0];
        Assert.Contains(
            $"metadata keys (vocabulary_size, embedding_dim, units, dropout, recurrent_dropout) = ({Stack.VocabularySize}, {Stack.EmbeddingDim}, 7, {first.Dropout}, {first.RecurrentDropout}) " +
            $"disagree with the network's ({Stack.VocabularySize}, {Stack.EmbeddingDim}, {first.Units}, {first.Dropout}, {first.RecurrentDropout}).",
            ImportFails(proto));
    }

    [Fact]
    public void FormatTwoHoldingTheSeedsShape_IsRefused()
    {
        // Lstm.MLNet writes Embedding → LSTM → Dense(1, sigmoid) as format 1 only, so that every version reads it.
        var config = new Lstm.Training.Layers.LstmClassifierConfig { VocabularySize = 300, EmbeddingDim = 8, Units = 6 };
        var proto = ModelProto.Parser.ParseFrom(OnnxExporter.ExportToBytes(
            new Lstm.Training.Layers.LstmClassifier(config, seed: 3), Vocabulary.FromWords(["x", "y"], 300), new OnnxExportOptions { Variant = OnnxModelVariant.Ids }));
        SetMetadata(proto, OnnxMetadataKeys.FormatVersion, "2");
        proto.MetadataProps.Add(new StringStringEntryProto { Key = OnnxMetadataKeys.Task, Value = "binary_classification" });
        proto.MetadataProps.Add(new StringStringEntryProto { Key = OnnxMetadataKeys.Network, Value = SequenceNetwork.SpecToJson(NetworkSpec.FromClassifierConfig(config)) });
        Assert.Contains("edited.onnx: is format 2 but holds the seed's shape, which Lstm.MLNet writes as format 1.", ImportFails(proto));
    }

    [Fact]
    public void ARecurrentAttributeWithAnotherValue_IsRefusedSayingWhatIsWritten()
    {
        var proto = Exported(Stack);
        proto.Graph.Node.Single(n => n.OpType == "GRU").Attribute.Single(a => a.Name == "hidden_size").I = 99;
        Assert.Contains(
            $"layer 0's GRU node has attribute 'hidden_size' not as Lstm.MLNet writes it (hidden_size {Stack.Recurrent[0].Units}, direction bidirectional, linear_before_reset 1, default activations).",
            ImportFails(proto));

        proto = Exported(Stack);
        proto.Graph.Node.Single(n => n.OpType == "LSTM").Attribute.Single(a => a.Name == "direction").S = ByteString.CopyFromUtf8("reverse");
        Assert.Contains(
            $"layer 1's LSTM node has attribute 'direction' not as Lstm.MLNet writes it (hidden_size {Stack.Recurrent[1].Units}, direction forward, default activations).",
            ImportFails(proto));
    }

    [Fact]
    public void AnExplicitLayoutOfZero_IsAccepted_AndOtherLayoutsAreNot()
    {
        // layout 0 (time-major) is the default the exporter relies on; another writer may spell it out.
        var proto = Exported(Stack);
        var lstm = proto.Graph.Node.Single(n => n.OpType == "LSTM");
        lstm.Attribute.Add(new AttributeProto { Name = "layout", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
        Assert.Equal(Stack, OnnxImporter.Import(proto.ToByteArray(), "edited.onnx").Network.Spec);

        lstm.Attribute.Single(a => a.Name == "layout").I = 1;
        Assert.Contains("layer 1's LSTM node has attribute 'layout' not as Lstm.MLNet writes it", ImportFails(proto));
    }
}
