using Lstm.MLNet.Tests.TestData;
using Microsoft.ML;

namespace Lstm.MLNet.Tests;

public sealed class SchemaErrorTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void Fit_WithoutTheTextColumn_NamesTheColumnAndTheExpectedType()
    {
        var data = _ml.Data.LoadFromEnumerable([new Other { Review = "fine", Label = true }]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.BinaryClassification.Trainers.Lstm().Fit(data));
        Assert.Contains("Could not find text column 'Text': expected a column of type String", error.Message);
        Assert.Contains("Review (String)", error.Message);
        Assert.Equal("inputSchema", error.ParamName);
    }

    [Fact]
    public void Fit_WithALabelThatIsNotBoolean_NamesTheColumnExpectedAndActualType()
    {
        var data = _ml.Data.LoadFromEnumerable([new SingleLabel { Text = "fine", Label = 1f }]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.BinaryClassification.Trainers.Lstm().Fit(data));
        Assert.Contains("Schema mismatch for label column 'Label': expected Boolean, got Single", error.Message);
    }

    [Fact]
    public void Fit_WithATextColumnThatIsNotAString_NamesTheColumnExpectedAndActualType()
    {
        var data = _ml.Data.LoadFromEnumerable([new SingleText { Text = 1f, Label = true }]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.BinaryClassification.Trainers.Lstm().Fit(data));
        Assert.Contains("Schema mismatch for text column 'Text': expected String, got Single", error.Message);
    }

    [Fact]
    public void Fit_WithAValidationSetOfTheWrongShape_SaysItIsTheValidationSet()
    {
        var data = _ml.Data.LoadFromEnumerable(SyntheticReviews.Make(8));
        var validation = _ml.Data.LoadFromEnumerable([new SingleLabel { Text = "fine", Label = 1f }]);
        var trainer = _ml.BinaryClassification.Trainers.Lstm(new LstmTrainer.Options { ValidationSet = validation, Epochs = 1, MaxLength = 8, EmbeddingDim = 2, Units = 2, NumWords = 20 });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(data));
        Assert.Contains("Schema mismatch for label column 'Label' in the validation set: expected Boolean, got Single", error.Message);
    }

    [Fact]
    public void GetOutputSchema_OfTheTrainer_ChecksTheSchemaShape()
    {
        var trainer = _ml.BinaryClassification.Trainers.Lstm();
        var good = ShapeOf<Review>();
        var shape = trainer.GetOutputSchema(good);
        Assert.Equal(["Text", "Label", "Score", "Probability", "PredictedLabel"], shape.Select(c => c.Name));

        var wrongLabel = ShapeOf<VectorLabel>();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.GetOutputSchema(wrongLabel));
        Assert.Contains("Schema mismatch for label column 'Label': expected Boolean, got Vector<Single>.", error.Message);
    }

    [Fact]
    public void TheScoringTransformer_RefusesATextColumnThatIsNotAString()
    {
        var estimator = _ml.Transforms.ApplyLstmModel(RandomModels.Synthetic(), inputColumnName: "Text");
        var data = _ml.Data.LoadFromEnumerable([new SingleText { Text = 1f, Label = true }]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => estimator.Fit(data));
        Assert.Contains("Schema mismatch for text column 'Text': expected String, got Single", error.Message);

        using var transformer = estimator.Fit(_ml.Data.LoadFromEnumerable(SyntheticReviews.Make(2)));
        error = Assert.Throws<ArgumentOutOfRangeException>(() => transformer.GetOutputSchema(data.Schema));
        Assert.Contains("Schema mismatch for text column 'Text': expected String, got Single", error.Message);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => transformer.Transform(data));
        Assert.Contains("expected String, got Single", error.Message);
        var missing = _ml.Data.LoadFromEnumerable([new Other { Review = "x" }]);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Model.CreatePredictionEngine<Other, ReviewPrediction>(transformer, missing.Schema));
        Assert.Contains("Could not find text column 'Text'", error.Message);
    }

    [Fact]
    public void InvalidOptions_AreRefusedWhenTheTrainerIsCreated()
    {
        var trainers = _ml.BinaryClassification.Trainers;
        Assert.Equal("MaxLength", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmTrainer.Options { MaxLength = 0 })).ParamName);
        Assert.Equal("Dropout", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmTrainer.Options { Dropout = 1f })).ParamName);
        Assert.Equal("ValidationFraction", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmTrainer.Options { EarlyStoppingPatience = 2, ValidationFraction = 0 })).ParamName);
        Assert.Equal("ValidationFraction", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmTrainer.Options { EarlyStoppingPatience = 2, ValidationFraction = 1 })).ParamName);
        Assert.Equal("LabelColumnName", Assert.Throws<ArgumentException>(() => trainers.Lstm(labelColumnName: "Text")).ParamName);
    }

    /// <summary>The schema shape of rows of <typeparamref name="TRow"/> (SchemaShape has no public factory in ML.NET 5.0.1).</summary>
    private static SchemaShape ShapeOf<TRow>()
        where TRow : class, new() =>
        new MLContext().Transforms.CustomMapping<NoColumns, TRow>((_, _) => { }, contractName: null).GetOutputSchema(new SchemaShape([]));

    private sealed class NoColumns;

    private sealed class Other
    {
        public string Review { get; set; } = "";

        public bool Label { get; set; }
    }

    private sealed class SingleLabel
    {
        public string Text { get; set; } = "";

        public float Label { get; set; }
    }

    private sealed class SingleText
    {
        public float Text { get; set; }

        public bool Label { get; set; }
    }

    private sealed class VectorLabel
    {
        public string Text { get; set; } = "";

        [Microsoft.ML.Data.VectorType(2)]
        public float[] Label { get; set; } = [];
    }
}
