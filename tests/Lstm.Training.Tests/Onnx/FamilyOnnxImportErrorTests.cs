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
        SetMetadata(proto, OnnxMetadataKeys.FormatVersion, "3");
        Assert.Contains("newer Lstm.MLNet (metadata format 3); this version reads format 2", ImportFails(proto));
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
        Assert.Contains("disagrees with the network's class names", ImportFails(proto));
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
}
