using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests;

/// <summary>The optional UnknownTokenShare column: the share of a text's tokens outside the model's vocabulary.</summary>
public sealed class UnknownTokenShareTests
{
    private const string Column = "UnknownTokenShare";

    private static readonly string[] Korean = ["정말 재미있어요 최고의 영화", "너무 재미없고 지루했다 ㅠㅠ", "시간 아까운 영화 별로"];

    private static readonly Lazy<TextModel> EnglishWordsModel = new(() =>
    {
        var reviews = SyntheticReviews.Make(64);
        var options = new TextModelOptions
        {
            NumWords = 60,
            MaxLength = 20,
            Tokenizer = Lstm.Training.Text.TokenizerKind.Words,
            Network = NetworkSpec.Seed with { EmbeddingDim = 4, Recurrent = [new RecurrentLayerSpec { Units = 4 }] },
            Fit = new FitOptions { Epochs = 1, BatchSize = 16 },
        };
        return new TextModelTrainer(options).Fit(new LabelledTexts([.. reviews.Select(r => r.Text)], TextLabels.Binary([.. reviews.Select(r => r.Label)])));
    });

    /// <summary>English rows (some with unknown words), Korean rows, an empty and a punctuation-only text: more than one batch.</summary>
    private static Review[] MixedRows()
    {
        var english = SyntheticReviews.Make(30, seed: 3);
        string[] extra = ["great zzzunknown", "", "!!!", "the movie was a qwertyuiop asdfghjkl", .. Korean];
        return [.. english, .. extra.Select(t => new Review { Text = t })];
    }

    [Fact]
    public void TheColumnExistsOnlyWhenAsked()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(MixedRows());
        byte[] onnx = TextModelFile.ToBytes(EnglishWordsModel.Value);

        var plain = ml.Transforms.ApplyLstmModel(onnx);
        Assert.Null(plain.UnknownTokenShareColumnName);
        using var plainTransformer = plain.Fit(data);
        Assert.Null(plainTransformer.Transform(data).Schema.GetColumnOrNull(Column));
        Assert.DoesNotContain(plain.GetOutputSchema(ShapeOf<Review>()), c => c.Name == Column);

        var asked = ml.Transforms.ApplyLstmModel(onnx, unknownTokenShareColumnName: Column);
        using var transformer = asked.Fit(data);
        Assert.Equal(Column, transformer.UnknownTokenShareColumnName);
        var schema = transformer.Transform(data).Schema;
        Assert.Equal(NumberDataViewType.Single, schema[Column].Type);
        Assert.Equal(["Text", "Label", "Score", "Probability", "PredictedLabel", Column], schema.Select(c => c.Name));
        Assert.Equal(schema, transformer.GetOutputSchema(data.Schema), new SchemaNames());
        var shape = Assert.Single(asked.GetOutputSchema(ShapeOf<Review>()), c => c.Name == Column);
        Assert.Equal(NumberDataViewType.Single, shape.ItemType);
        Assert.Equal(SchemaShape.Column.VectorKind.Scalar, shape.Kind);
    }

    [Fact]
    public void EnglishIsNearZero_KoreanIsOne_AndTransformPredictionEngineAndTheVectorizerAgree()
    {
        var model = EnglishWordsModel.Value;
        var ml = new MLContext(seed: 1);
        var rows = MixedRows();
        var data = ml.Data.LoadFromEnumerable(rows);
        using var transformer = ml.Transforms.ApplyLstmModel(TextModelFile.ToBytes(model), unknownTokenShareColumnName: Column).Fit(data);
        var scored = ml.Data.CreateEnumerable<PredictionWithShare>(transformer.Transform(data), reuseRowObject: false).ToArray();
        using var engine = ml.Model.CreatePredictionEngine<Review, PredictionWithShare>(transformer, new PredictionEngineOptions { OwnsTransformer = false });
        Assert.Equal(rows.Length, scored.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            float expected = (float)model.Vectorizer.UnknownShare(rows[i].Text);
            Assert.Equal(expected, scored[i].UnknownTokenShare);
            var one = engine.Predict(rows[i]);
            Assert.Equal(expected, one.UnknownTokenShare);
            Assert.Equal(scored[i].Probability, one.Probability, 1e-6f);
        }
        Assert.All(scored[..30], s => Assert.Equal(0f, s.UnknownTokenShare));
        Assert.Equal(0.5f, scored[30].UnknownTokenShare);
        Assert.Equal(0f, scored[31].UnknownTokenShare); // empty text: no tokens
        Assert.Equal(0f, scored[32].UnknownTokenShare); // punctuation only: no tokens
        Assert.Equal(2f / 6f, scored[33].UnknownTokenShare, 1e-6f);
        Assert.All(scored[^Korean.Length..], s => Assert.Equal(1f, s.UnknownTokenShare));
    }

    [Fact]
    public void AModelFile_GivesEnglishNearZeroAndKoreanOne_AsItsVocabularyCountsThem()
    {
        var fixture = Lstm.Training.Tests.Fixtures.FixtureSet.Get("format-v2");
        var vectorizer = new TextVectorizer(Lstm.Training.Text.Vocabulary.Load(fixture.File("vocabulary.json")), 20);
        var ml = new MLContext(seed: 1);
        Review[] rows = [new() { Text = "The movie was great, I loved the acting and the story!" }, new() { Text = Korean[0] }, new() { Text = "the plot was zzz" }];
        var data = ml.Data.LoadFromEnumerable(rows);
        using var transformer = ml.Transforms.ApplyLstmModel(fixture.File("model.onnx"), unknownTokenShareColumnName: Column).Fit(data);
        var scored = ml.Data.CreateEnumerable<PredictionWithShare>(transformer.Transform(data), reuseRowObject: false).ToArray();
        Assert.Equal(1f / 11f, scored[0].UnknownTokenShare, 1e-6f); // "i" is not among the fixture's words
        Assert.Equal(1f, scored[1].UnknownTokenShare);
        Assert.Equal(0.25f, scored[2].UnknownTokenShare);
        for (int i = 0; i < rows.Length; i++) Assert.Equal((float)vectorizer.UnknownShare(rows[i].Text), scored[i].UnknownTokenShare);
    }

    [Fact]
    public void SavingATransformerWithTheColumn_ThrowsNamingTheOption_WithoutItSaves()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(MixedRows());
        byte[] onnx = TextModelFile.ToBytes(EnglishWordsModel.Value);
        using var transformer = ml.Transforms.ApplyLstmModel(onnx, unknownTokenShareColumnName: Column).Fit(data);
        var error = Assert.Throws<NotSupportedException>(() => ml.Model.Save(transformer, data.Schema, new MemoryStream()));
        Assert.Contains("unknownTokenShareColumnName", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{Column}'", error.Message, StringComparison.Ordinal);

        using var plain = ml.Transforms.ApplyLstmModel(onnx).Fit(data);
        using var zip = new MemoryStream();
        ml.Model.Save(plain, data.Schema, zip);
        Assert.True(zip.Length > 0);
    }

    [Fact]
    public void AColumnNameTheModelAlreadyAdds_IsRefused()
    {
        var ml = new MLContext(seed: 1);
        byte[] onnx = TextModelFile.ToBytes(EnglishWordsModel.Value);
        var error = Assert.Throws<ArgumentException>(() => ml.Transforms.ApplyLstmModel(onnx, unknownTokenShareColumnName: "Score"));
        Assert.Contains("'Score'", error.Message, StringComparison.Ordinal);
        Assert.Equal("UnknownTokenShareColumnName",
            Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.Lstm(new LstmTrainer.Options { UnknownTokenShareColumnName = "Text" })).ParamName);
    }

    [Fact]
    public void TheTrainerOption_AddsTheColumnToTheFittedTransformer()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(SyntheticReviews.Make(48));
        var trainer = ml.BinaryClassification.Trainers.Lstm(new LstmTrainer.Options
        {
            MaxLength = 20,
            NumWords = 60,
            EmbeddingDim = 4,
            Units = 4,
            Epochs = 1,
            BatchSize = 16,
            UnknownTokenShareColumnName = Column,
        });
        Assert.Contains(trainer.GetOutputSchema(ShapeOf<Review>()), c => c.Name == Column);
        using var transformer = trainer.Fit(data);
        Assert.Equal(Column, transformer.UnknownTokenShareColumnName);
        var test = ml.Data.LoadFromEnumerable<Review>([new() { Text = "great movie" }, new() { Text = Korean[1] }]);
        float[] shares = [.. ml.Data.CreateEnumerable<PredictionWithShare>(transformer.Transform(test), reuseRowObject: false).Select(p => p.UnknownTokenShare)];
        Assert.Equal([0f, 1f], shares);
    }

    private static SchemaShape ShapeOf<TRow>()
        where TRow : class, new() =>
        new MLContext().Transforms.CustomMapping<NoColumns, TRow>((_, _) => { }, contractName: null).GetOutputSchema(new SchemaShape([]));

    private sealed class NoColumns;

    /// <summary>The binary columns and the unknown-token share.</summary>
    public sealed class PredictionWithShare
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }

        public float UnknownTokenShare { get; set; }
    }

    private sealed class SchemaNames : IEqualityComparer<DataViewSchema>
    {
        public bool Equals(DataViewSchema? x, DataViewSchema? y) =>
            x!.Select(c => (c.Name, c.Type)).SequenceEqual(y!.Select(c => (c.Name, c.Type)));

        public int GetHashCode(DataViewSchema obj) => obj.Count;
    }
}
