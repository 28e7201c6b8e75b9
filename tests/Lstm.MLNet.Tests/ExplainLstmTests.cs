using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Explanations;
using Lstm.Training.Onnx;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests;

/// <summary><c>ExplainLstm</c> on a small random model: the columns are <see cref="TextExplainer"/>'s numbers, bit for bit.</summary>
public sealed class ExplainLstmTests : IDisposable
{
    private readonly TempDirectory _work = new();

    private static readonly byte[] Model = RandomModels.Synthetic(maxLength: 12);

    private static readonly Review[] Rows =
    [
        new() { Text = "The movie was great, and the plot wonderful." },
        new() { Text = "Boring actor, awful scene; I'd say it was dull and terrible, really a dull film overall." }, // truncated at 12
        new() { Text = "zzz unknown words here" },
        new() { Text = " ... " }, // no tokens
    ];

    public sealed class Explained
    {
        public string Text { get; set; } = "";

        public string[] Tokens { get; set; } = [];

        public float[] Attributions { get; set; } = [];

        public float AttributionCompleteness { get; set; }
    }

    private Explained[] Explain(MLContext ml, IDataView data, int steps = 16) =>
        [.. ml.Data.CreateEnumerable<Explained>(ml.Transforms.ExplainLstm(TempModel(), steps: steps).Fit(data).Transform(data), reuseRowObject: false)];

    public sealed class NoColumns;

    public sealed class SingleText
    {
        public float Text { get; set; }
    }

    /// <summary>The schema shape of a view of <typeparamref name="TRow"/> rows (SchemaShape.Create is internal).</summary>
    private static SchemaShape ShapeOf<TRow>(MLContext ml)
        where TRow : class, new() =>
        new(ml.Transforms.CustomMapping<NoColumns, TRow>(static (_, _) => { }, contractName: null).GetOutputSchema(new SchemaShape([])));

    public void Dispose() => _work.Dispose();

    /// <summary>The model as a file, for the overloads that read one.</summary>
    private string TempModel()
    {
        string path = Path.Combine(_work.Path, "model.onnx");
        if (!File.Exists(path)) File.WriteAllBytes(path, Model);
        return path;
    }

    [Fact]
    public void TheColumns_AreTextExplainersAttributions_BitForBit_AndItsTokens()
    {
        var ml = new MLContext(seed: 1);
        var explained = Explain(ml, ml.Data.LoadFromEnumerable(Rows));
        var imported = OnnxImporter.Import(Model);
        var direct = new TextExplainer(imported.Vectorizer, imported.Network);
        for (int i = 0; i < 3; i++)
        {
            var e = direct.Explain(Rows[i].Text, new IntegratedGradientsOptions { Steps = 16 });
            Assert.Equal(e.Tokens.Select(t => t.Token), explained[i].Tokens);
            Assert.Equal(e.Tokens.Select(t => (float)t.Attribution), explained[i].Attributions);
            Assert.Equal((float)e.Integrated.RelativeError, explained[i].AttributionCompleteness);
        }
        string[] all = TextExplainer.Tokens(imported.Vocabulary, Rows[0].Text);
        Assert.Equal(all, explained[0].Tokens);
        Assert.Equal(["the", "movie", "was", "great", "and", "the", "plot", "wonderful"], explained[0].Tokens);
        // Pre-truncation to 12 steps keeps the last 12 tokens (the start id is cut off).
        string[] all1 = TextExplainer.Tokens(imported.Vocabulary, Rows[1].Text);
        Assert.Equal(12, explained[1].Tokens.Length);
        Assert.Equal(all1[^12..], explained[1].Tokens);
        Assert.Equal(explained[1].Tokens.Length, explained[1].Attributions.Length);
        Assert.Empty(explained[3].Tokens);
        Assert.Empty(explained[3].Attributions);
        Assert.True(float.IsNaN(explained[3].AttributionCompleteness));
    }

    [Fact]
    public void PredictionEngine_GivesWhatTransformGives()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows);
        var transformer = ml.Transforms.ExplainLstm(TempModel(), steps: 16).Fit(data);
        var expected = ml.Data.CreateEnumerable<Explained>(transformer.Transform(data), reuseRowObject: false).ToArray();
        using var engine = ml.Model.CreatePredictionEngine<Review, Explained>(transformer);
        for (int i = 0; i < Rows.Length; i++)
        {
            var actual = engine.Predict(Rows[i]);
            Assert.Equal(expected[i].Tokens, actual.Tokens);
            Assert.Equal(expected[i].Attributions, actual.Attributions);
            Assert.Equal(expected[i].AttributionCompleteness, actual.AttributionCompleteness);
        }
    }

    [Fact]
    public void FromAnLstmTransformer_GivesWhatTheFileGives_AndCompletenessIsSmall()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows.Take(3).ToArray());
        using var scorer = ml.Transforms.ApplyLstmModel(Model).Fit(data);
        var explainer = ml.Transforms.ExplainLstm(scorer, steps: 64).Fit(data);
        var fromTransformer = ml.Data.CreateEnumerable<Explained>(explainer.Transform(scorer.Transform(data)), reuseRowObject: false).ToArray();
        var fromFile = Explain(ml, data, steps: 64);
        for (int i = 0; i < fromFile.Length; i++)
        {
            Assert.Equal(fromFile[i].Attributions, fromTransformer[i].Attributions);
            Assert.True(fromTransformer[i].AttributionCompleteness < 1e-2, $"row {i}: relative completeness error {fromTransformer[i].AttributionCompleteness:E2}");
        }
    }

    [Fact]
    public void OptionsRenameTheColumns_AndNullDropsCompleteness()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows);
        var options = new LstmExplainEstimator.Options { TokensColumnName = "T", AttributionsColumnName = "A", CompletenessColumnName = null, Steps = 4 };
        var estimator = ml.Transforms.ExplainLstm(TempModel(), options);
        var shape = estimator.GetOutputSchema(ShapeOf<Review>(ml));
        Assert.Contains(shape, c => c.Name == "T" && c.Kind == SchemaShape.Column.VectorKind.VariableVector && c.ItemType is TextDataViewType);
        Assert.Contains(shape, c => c.Name == "A" && c.Kind == SchemaShape.Column.VectorKind.VariableVector && c.ItemType == NumberDataViewType.Single);
        var schema = estimator.Fit(data).Transform(data).Schema;
        Assert.Equal(new VectorDataViewType(TextDataViewType.Instance), schema["T"].Type);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single), schema["A"].Type);
        Assert.Null(schema.GetColumnOrNull("AttributionCompleteness"));
    }

    [Fact]
    public void SchemaErrors_NameTheColumn()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(new[] { new { Body = "great film", Text = 1f } });
        var missing = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.ExplainLstm(TempModel(), inputColumnName: "Review").Fit(data));
        Assert.Contains("text column 'Review'", missing.Message, StringComparison.Ordinal);
        var wrong = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.ExplainLstm(TempModel()).Fit(data));
        Assert.Contains("Schema mismatch for text column 'Text': expected String, got Single", wrong.Message, StringComparison.Ordinal);
        var shape = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Transforms.ExplainLstm(TempModel()).GetOutputSchema(ShapeOf<SingleText>(ml)));
        Assert.Contains("'Text'", shape.Message, StringComparison.Ordinal);
        var transformer = ml.Transforms.ExplainLstm(TempModel(), inputColumnName: "Body").Fit(data);
        Assert.Throws<ArgumentOutOfRangeException>(() => transformer.Transform(ml.Data.LoadFromEnumerable(new[] { new { Other = "x" } })));
    }

    [Fact]
    public void InvalidSettings_AreRefusedNamingThem()
    {
        var ml = new MLContext(seed: 1);
        Assert.Contains("Steps", Assert.Throws<ArgumentException>(() => ml.Transforms.ExplainLstm(TempModel(), steps: 0)).Message, StringComparison.Ordinal);
        Assert.Contains("ClassName 'pos'", Assert.Throws<ArgumentException>(() => ml.Transforms.ExplainLstm(TempModel(), className: "pos")).Message, StringComparison.Ordinal);
        Assert.Contains("OutputIndex 1", Assert.Throws<ArgumentException>(() => ml.Transforms.ExplainLstm(TempModel(), new LstmExplainEstimator.Options { OutputIndex = 1 })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ml.Transforms.ExplainLstm(TempModel(), new LstmExplainEstimator.Options { TokensColumnName = "Attributions" }));
    }

    [Fact]
    public void Save_IsRefused_SayingWhyAndWhatToDo()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows);
        var transformer = ml.Transforms.ExplainLstm(TempModel()).Fit(data);
        var error = Assert.Throws<NotSupportedException>(() => ml.Model.Save(transformer, data.Schema, new MemoryStream()));
        Assert.Contains("cannot be saved", error.Message, StringComparison.Ordinal);
        Assert.Contains("ML.NET 5.0.1", error.Message, StringComparison.Ordinal);
        Assert.Contains("ExplainLstm", error.Message, StringComparison.Ordinal);
    }
}
