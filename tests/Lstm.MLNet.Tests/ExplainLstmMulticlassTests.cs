using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Explanations;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Microsoft.ML;

namespace Lstm.MLNet.Tests;

/// <summary><c>ExplainLstm</c> on a random multi-class family network (bidirectional GRU, mean pooling): the class explained.</summary>
public sealed class ExplainLstmMulticlassTests
{
    private static readonly byte[] Model = OnnxExporter.ExportToBytes(
        new SequenceNetwork(new NetworkSpec
        {
            VocabularySize = 200,
            EmbeddingDim = 8,
            MaskZero = true,
            Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.Gru, Units = 6, Bidirectional = true }],
            Pooling = PoolingKind.Mean,
            Task = TaskKind.MulticlassClassification,
            Outputs = 3,
            ClassNames = ["music", "sport", "food"],
        }, seed: 5),
        Vocabulary.BuildFromTexts(SyntheticReviews.Make(200).Select(r => r.Text), 200),
        new OnnxExportOptions { MaxLength = 20 });

    public sealed class Explained
    {
        public string[] Tokens { get; set; } = [];

        public float[] Attributions { get; set; } = [];
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("sport", 1)]
    [InlineData("food", 2)]
    public void TheClassExplained_IsThePredictedOneOrTheNamedOne(string? className, int? output)
    {
        var ml = new MLContext(seed: 1);
        var rows = SyntheticReviews.Make(4);
        var data = ml.Data.LoadFromEnumerable(rows);
        using var scorer = ml.Transforms.ApplyLstmModel(Model).Fit(data);
        var explained = ml.Data.CreateEnumerable<Explained>(ml.Transforms.ExplainLstm(scorer, steps: 8, className: className).Fit(data).Transform(data), reuseRowObject: false).ToArray();
        var imported = OnnxImporter.Import(Model);
        var direct = new TextExplainer(imported.Vectorizer, imported.Network);
        for (int i = 0; i < rows.Length; i++)
        {
            var e = direct.Explain(rows[i].Text, new IntegratedGradientsOptions { Steps = 8, Output = output });
            Assert.Equal(e.Tokens.Select(t => t.Token), explained[i].Tokens);
            Assert.Equal(e.Tokens.Select(t => (float)t.Attribution), explained[i].Attributions);
        }
    }

    [Fact]
    public void AnUnknownClassName_IsRefusedListingTheClasses()
    {
        var ml = new MLContext(seed: 1);
        using var scorer = ml.Transforms.ApplyLstmModel(Model).Fit(ml.Data.LoadFromEnumerable(SyntheticReviews.Make(2)));
        var error = Assert.Throws<ArgumentException>(() => ml.Transforms.ExplainLstm(scorer, className: "news"));
        Assert.Contains("ClassName 'news' is not a class of the model; its classes are music, sport, food.", error.Message, StringComparison.Ordinal);
    }
}
