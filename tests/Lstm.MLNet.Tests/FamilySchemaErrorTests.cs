using Lstm.MLNet.Tests.TestData;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests;

/// <summary>The multi-class and regression trainers (and the weight column) name the column, the expected and the actual type, as the binary trainer does.</summary>
public sealed class FamilySchemaErrorTests
{
    private const string KeyExpected = "Key<UInt32> of known count (e.g. from MapValueToKey)";
    private const string ValueExpected = "Single or a known-size Vector<Single>";
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void TheMulticlassTrainer_RefusesALabelThatIsNotAKey()
    {
        var data = _ml.Data.LoadFromEnumerable(SyntheticTopics.Make(6).Select(r => new { r.Text, Label = r.Topic }));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.MulticlassClassification.Trainers.Lstm().Fit(data));
        Assert.Equal("inputSchema", error.ParamName);
        Assert.Contains($"Schema mismatch for label column 'Label': expected {KeyExpected}, got String.", error.Message);
    }

    [Fact]
    public void TheMulticlassTrainer_WithoutTheLabelColumn_ListsTheColumnsPresent()
    {
        var data = _ml.Data.LoadFromEnumerable(SyntheticTopics.Make(6));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.MulticlassClassification.Trainers.Lstm(labelColumnName: "Class").Fit(data));
        Assert.Contains($"Could not find label column 'Class': expected a column of type {KeyExpected}. Columns present: Text (String), Topic (String).", error.Message);
    }

    [Fact]
    public void TheRegressionTrainer_RefusesABooleanLabel_AndAVariableSizeVector()
    {
        var booleans = _ml.Data.LoadFromEnumerable(SyntheticReviews.Make(6));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Regression.Trainers.Lstm().Fit(booleans));
        Assert.Contains($"Schema mismatch for label column 'Label': expected {ValueExpected}, got Boolean.", error.Message);

        var vectors = _ml.Data.LoadFromEnumerable([new VariableVectorLabel { Text = "a", Label = [1f, 2f] }]);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Regression.Trainers.Lstm().Fit(vectors));
        Assert.Contains($"Schema mismatch for label column 'Label': expected {ValueExpected}, got Vector<Single>.", error.Message);
    }

    [Fact]
    public void AWeightColumnOfTheWrongType_IsNamed_ForEveryTrainer()
    {
        var data = _ml.Data.LoadFromEnumerable(SyntheticReviews.Make(6).Select(r => new { r.Text, r.Label, Weight = 1.0 }));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.BinaryClassification.Trainers.Lstm(exampleWeightColumnName: "Weight").Fit(data));
        Assert.Contains("Schema mismatch for example weight column 'Weight': expected Single, got Double.", error.Message);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.BinaryClassification.Trainers.Lstm(exampleWeightColumnName: "Importance").Fit(data));
        Assert.Contains("Could not find example weight column 'Importance': expected a column of type Single.", error.Message);
        Assert.Equal("ExampleWeightColumnName", Assert.Throws<ArgumentException>(() => _ml.Regression.Trainers.Lstm(exampleWeightColumnName: "Text")).ParamName);
    }

    [Fact]
    public void GetOutputSchema_OfTheFamilyTrainers_ChecksTheLabelsShape_AndAddsTheTasksColumns()
    {
        var keyed = _ml.Transforms.Conversion.MapValueToKey("Label", "Topic").GetOutputSchema(ShapeOf<TopicText>());
        var shape = _ml.MulticlassClassification.Trainers.Lstm().GetOutputSchema(keyed);
        Assert.Equal(["Text", "Topic", "Label", "Score", "PredictedLabel"], shape.Select(c => c.Name));
        var predicted = shape.Single(c => c.Name == "PredictedLabel");
        Assert.True(predicted.IsKey);
        Assert.Contains(predicted.Annotations, a => a.Name == "KeyValues");
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.MulticlassClassification.Trainers.Lstm(labelColumnName: "Topic").GetOutputSchema(keyed));
        Assert.Contains($"Schema mismatch for label column 'Topic': expected {KeyExpected}, got String.", error.Message);

        var counts = ShapeOf<CountedText>();
        var scalar = _ml.Regression.Trainers.Lstm(labelColumnName: "Great").GetOutputSchema(counts).Single(c => c.Name == "Score");
        Assert.Equal(SchemaShape.Column.VectorKind.Scalar, scalar.Kind);
        var vector = _ml.Regression.Trainers.Lstm(labelColumnName: "Counts").GetOutputSchema(counts).Single(c => c.Name == "Score");
        Assert.Equal(SchemaShape.Column.VectorKind.Vector, vector.Kind);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Regression.Trainers.Lstm(labelColumnName: "Great", textColumnName: "Counts").GetOutputSchema(counts));
        Assert.Contains("Schema mismatch for text column 'Counts': expected String, got Vector<Single>.", error.Message);
    }

    /// <summary>The schema shape of rows of <typeparamref name="TRow"/> (SchemaShape has no public factory in ML.NET 5.0.1).</summary>
    private static SchemaShape ShapeOf<TRow>()
        where TRow : class, new() =>
        new MLContext().Transforms.CustomMapping<NoColumns, TRow>((_, _) => { }, contractName: null).GetOutputSchema(new SchemaShape([]));

    private sealed class NoColumns;

    private sealed class VariableVectorLabel
    {
        public string Text { get; set; } = "";

        public float[] Label { get; set; } = [];
    }
}
