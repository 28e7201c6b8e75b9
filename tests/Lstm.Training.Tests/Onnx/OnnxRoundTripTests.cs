using Lstm.Training.Onnx;
using Lstm.Training.Text;

namespace Lstm.Training.Tests.Onnx;

/// <summary>export → import → export reproduces the file byte for byte and the Keras-layout weights exactly.</summary>
public sealed class OnnxRoundTripTests
{
    public static TheoryData<OnnxModelVariant, bool, PaddingSide> Cases => new()
    {
        { OnnxModelVariant.Text, false, PaddingSide.Pre },
        { OnnxModelVariant.Text, true, PaddingSide.Post },
        { OnnxModelVariant.Ids, false, PaddingSide.Pre },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExportImportExport_IsByteIdentical(OnnxModelVariant variant, bool tokenIds, PaddingSide padding)
    {
        var model = TestNetworks.Create(TestNetworks.Small, seed: 21);
        var words = TestNetworks.Words(300);
        var options = new OnnxExportOptions
        {
            Variant = variant,
            MaxLength = 123,
            Padding = padding,
            IncludeTokenIdsOutput = tokenIds,
            NormalizerRule = "lower-case; strip tags and punctuation; collapse whitespace",
        };
        var first = OnnxExporter.ExportToBytes(model, Vocabulary.FromWords(words, 290), options);

        var imported = OnnxImporter.Import(first, "first.onnx");

        Assert.Equal(model.Config, imported.Model.Config);
        for (int i = 0; i < model.Parameters.Tensors.Count; i++)
            Assert.Equal(model.Parameters.Tensors[i], imported.Model.Parameters.Tensors[i]);
        Assert.Equal(words.Take(290 - 4), imported.Vocabulary.Words);
        Assert.Equal(290, imported.Vocabulary.NumWords);
        // Auto is recorded as the layout it chose: padding-free for pre-padding.
        Assert.Equal(options with { Layout = padding == PaddingSide.Pre ? OnnxGraphLayout.PaddingFree : OnnxGraphLayout.Padded }, imported.ExportOptions);
        Assert.Equal(290, imported.Metadata.NumWords);
        var second = OnnxExporter.ExportToBytes(imported.Model, imported.Vocabulary, imported.ExportOptions);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(OnnxModelVariant.Text)]
    [InlineData(OnnxModelVariant.Ids)]
    public void EmptyVocabulary_RoundTrips(OnnxModelVariant variant)
    {
        var model = TestNetworks.Create(TestNetworks.Small, seed: 24);
        var first = OnnxExporter.ExportToBytes(model, Vocabulary.FromWords([], 100), new OnnxExportOptions { Variant = variant });
        var imported = OnnxImporter.Import(first);
        Assert.Empty(imported.Vocabulary.Words);
        Assert.Equal(100, imported.Vocabulary.NumWords);
        Assert.Equal(first, OnnxExporter.ExportToBytes(imported.Model, imported.Vocabulary, imported.ExportOptions));
    }

    [Fact]
    public void SeedSizedModel_FileRoundTrip_KeepsWeightsAndMetadata()
    {
        var model = TestNetworks.Create(TestNetworks.SeedSized, seed: 22);
        var words = TestNetworks.Words(10_000);
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "model.onnx");
        OnnxExporter.ExportToFile(model, Vocabulary.FromWords(words, 10_000), null, path);

        var imported = OnnxImporter.ImportFile(path);
        var metadata = OnnxModelMetadata.ReadFile(path);

        Assert.Equal(metadata, imported.Metadata);
        Assert.Equal(OnnxModelVariant.Text, metadata.Variant);
        Assert.Equal(500, metadata.MaxLength);
        Assert.Equal((PaddingSide.Pre, PaddingSide.Pre), (metadata.Padding, metadata.Truncating));
        Assert.Equal((0, 1, 2, 3), (metadata.PaddingId, metadata.StartId, metadata.OovId, metadata.IndexFrom));
        Assert.Equal(9996, metadata.VocabularyWordCount);
        Assert.Equal(OnnxExporter.ProducerVersion, metadata.ProducerVersion);
        for (int i = 0; i < model.Parameters.Tensors.Count; i++)
            Assert.Equal(model.Parameters.Tensors[i], imported.Model.Parameters.Tensors[i]);
        Assert.Equal(File.ReadAllBytes(path), OnnxExporter.ExportToBytes(imported.Model, imported.Vocabulary, imported.ExportOptions));
    }

    [Fact]
    public void Import_FoldsARecurrentBiasIntoTheKerasBias()
    {
        var model = TestNetworks.Create(TestNetworks.Small, seed: 23);
        var proto = Lstm.Training.Onnx.Proto.ModelProto.Parser.ParseFrom(OnnxExporter.ExportToBytes(model, Vocabulary.FromWords(TestNetworks.Words(300), 300)));
        var b = proto.Graph.Initializer.Single(t => t.Name == "lstm_B");
        var values = OnnxTensors.ReadFloats(b, "test");
        int h = model.Config.Units;
        for (int j = 0; j < 4 * h; j++) (values[j], values[4 * h + j]) = (values[j] - 0.25f, 0.25f);
        proto.Graph.Initializer[proto.Graph.Initializer.IndexOf(b)] = OnnxTensors.Float("lstm_B", [1, 8 * h], values);

        var imported = OnnxImporter.Import(Google.Protobuf.MessageExtensions.ToByteArray(proto));

        for (int k = 0; k < 4 * h; k++) Assert.Equal(model.Parameters.Bias[k], imported.Model.Parameters.Bias[k], 1e-6f);
    }
}
