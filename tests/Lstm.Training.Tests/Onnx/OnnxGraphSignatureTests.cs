using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Onnx.Proto;
using Lstm.Training.Tests.Family;
using Lstm.Training.Text;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Tests.Onnx;

/// <summary>
/// What a consumer reads before running an exported model (ONNX Runtime's input and output metadata, ML.NET's
/// OnnxTransformer, Netron): the graph's declared inputs and outputs with their element types and shapes, the IR
/// version, and the metadata keys that name them.
/// </summary>
public sealed class OnnxGraphSignatureTests
{
    private static readonly Vocabulary Words = Vocabulary.FromWords(TestNetworks.Words(300), 300);

    /// <summary><c>name: Type [dims]</c>, symbolic dims by name.</summary>
    private static string Describe(ValueInfoProto value)
    {
        var tensor = value.Type.TensorType;
        var dims = tensor.Shape.Dim.Select(d => d.ValueCase switch
        {
            TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam => d.DimParam,
            TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue => d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "?",
        });
        return $"{value.Name}: {(DataType)tensor.ElemType} [{string.Join(", ", dims)}]";
    }

    [Fact]
    public void TextVariant_TakesOneStringPerRow_AndGivesLogitProbabilityAndTokenIds()
    {
        byte[] bytes = OnnxExporter.ExportToBytes(TestNetworks.Create(TestNetworks.Small, seed: 1), Words, new OnnxExportOptions { MaxLength = 9, IncludeTokenIdsOutput = true });
        var model = ModelProto.Parser.ParseFrom(bytes);
        Assert.Equal(9, model.IrVersion); // opset 20 came with IR version 9
        Assert.Equal("text: String [batch, 1]", Describe(Assert.Single(model.Graph.Input)));
        Assert.Equal(["logit: Float [batch, 1]", "probability: Float [batch, 1]", "token_ids: Int64 [batch, 9]"], model.Graph.Output.Select(Describe).Order());

        var metadata = OnnxModelMetadata.Read(bytes);
        Assert.Equal(("text", "logit", "probability", null, "token_ids"),
            (metadata.InputName, metadata.LogitOutputName, metadata.ProbabilityOutputName, metadata.ValueOutputName, metadata.TokenIdsOutputName));
    }

    [Fact]
    public void IdsVariant_TakesPaddedIdsOfAnyLength()
    {
        byte[] bytes = OnnxExporter.ExportToBytes(TestNetworks.Create(TestNetworks.Small, seed: 1), Words, new OnnxExportOptions { Variant = OnnxModelVariant.Ids });
        var model = ModelProto.Parser.ParseFrom(bytes);
        Assert.Equal(8, model.IrVersion); // opset 17 came with IR version 8, which onnx 1.12 reads
        Assert.Equal("input_ids: Int64 [batch, sequence]", Describe(Assert.Single(model.Graph.Input)));
        Assert.Equal(["logit: Float [batch, 1]", "probability: Float [batch, 1]"], model.Graph.Output.Select(Describe).Order());
        var metadata = OnnxModelMetadata.Read(bytes);
        Assert.Equal(("input_ids", "logit", "probability"), (metadata.InputName, metadata.LogitOutputName, metadata.ProbabilityOutputName));
    }

    [Theory]
    [InlineData("bigru-lstm-masked-max-multiclass", "logit: Float [batch, 4]", "probability: Float [batch, 4]")]
    [InlineData("lstm-masked-last-binary", "logit: Float [batch, 1]", "probability: Float [batch, 1]")]
    [InlineData("bigru-masked-last-regression-dropout", "value: Float [batch, 2]", null)]
    public void FamilyNetworks_DeclareOneOutputColumnPerClassOrValue(string name, string first, string? second)
    {
        var spec = FamilyCases.Get(name).Spec;
        foreach (var variant in new[] { OnnxModelVariant.Text, OnnxModelVariant.Ids })
        {
            byte[] bytes = OnnxExporter.ExportToBytes(FamilyOnnxNetworks.Create(spec, seed: 2), Vocabulary.FromWords(["x", "y"], spec.VocabularySize), new OnnxExportOptions { Variant = variant });
            var model = ModelProto.Parser.ParseFrom(bytes);
            Assert.Equal(second is null ? [first] : [first, second], model.Graph.Output.Select(Describe).Order());
            var metadata = OnnxModelMetadata.Read(bytes);
            if (spec.Task == TaskKind.Regression)
                Assert.Equal((null, null, "value"), (metadata.LogitOutputName, metadata.ProbabilityOutputName, metadata.ValueOutputName));
            else
                Assert.Equal(("logit", "probability", null), (metadata.LogitOutputName, metadata.ProbabilityOutputName, metadata.ValueOutputName));
        }
    }
}
