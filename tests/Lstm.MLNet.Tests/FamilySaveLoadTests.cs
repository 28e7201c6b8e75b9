using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests;

/// <summary>
/// Multi-class and regression models keep the binary trainer's guarantees: <c>Model.Save</c> + <c>Model.Load</c> in a
/// fresh process give the loaded chain's exact scores through Transform and PredictionEngine (and the transformer's up
/// to ONNX Runtime's batch rounding), Evaluate works on the loaded chain, and <c>ApplyLstmModel</c> on the exported ONNX
/// file scores exactly as the trained transformer.
/// </summary>
public sealed class FamilySaveLoadTests(TopicModel fixture, ITestOutputHelper output) : IClassFixture<TopicModel>
{
    private static readonly string[] EdgeTexts = ["", "   ", "<br /><br />", "Ünïcödé 한국어 goal!", "pizza pizza pizza"];

    [Fact]
    public void AMulticlassModel_PredictsIdentically_WhenLoadedInAFreshProcess()
    {
        using var temp = new TempDirectory();
        var ml = fixture.MLContext;
        string zip = temp.File("topics.zip");
        ml.Model.Save(fixture.Model, fixture.Test.Schema, zip);
        Assert.Single(Directory.GetFiles(temp.Path));
        Assert.True(ModelZip.HoldsBytes(zip, fixture.Model.GetOnnxModel()), "No entry of the zip holds the ONNX model's bytes.");

        var texts = fixture.TestRows.Select(r => r.Text).Concat(EdgeTexts).ToArray();
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new TopicText { Text = t }));
        var ours = ClassBits(ml.Data.CreateEnumerable<TopicPrediction>(fixture.Model.Transform(data), reuseRowObject: false));
        var ourNames = ml.Transforms.Conversion.MapKeyToValue("Name", "PredictedLabel").Fit(fixture.Model.Transform(data)).Transform(fixture.Model.Transform(data)).GetColumn<string>("Name").ToArray();

        var loadContext = new MLContext();
        var loaded = loadContext.Model.Load(zip, out var schema);
        int[][] inProcess;
        try
        {
            Assert.IsNotType<LstmTransformer>(loaded);
            var scored = loaded.Transform(fixture.Test);
            // ApplyOnnxModel's type for the graph's [batch, 3] output: 3 values, like the transformer's Vector<Single, 3>.
            Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 1, 3), scored.Schema["Score"].Type);
            Assert.Equal(new KeyDataViewType(typeof(uint), 3), scored.Schema["PredictedLabel"].Type);
            VBuffer<ReadOnlyMemory<char>> keyValues = default;
            scored.Schema["PredictedLabel"].GetKeyValues(ref keyValues);
            Assert.Equal(SyntheticTopics.Names, keyValues.DenseValues().Select(v => v.ToString()));
            Assert.Equal(["Text", "Topic", "Label", "Score", "PredictedLabel"], loaded.GetOutputSchema(schema).Where(c => !c.IsHidden).Select(c => c.Name));

            var expected = ml.MulticlassClassification.Evaluate(fixture.Model.Transform(fixture.Test));
            var metrics = loadContext.MulticlassClassification.Evaluate(scored);
            Assert.Equal(expected.MicroAccuracy, metrics.MicroAccuracy, 6);
            Assert.Equal(expected.LogLoss, metrics.LogLoss, 4);
            inProcess = ClassBits(loadContext.Data.CreateEnumerable<TopicPrediction>(loaded.Transform(data), reuseRowObject: false));
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }

        var fresh = RoundTripApp.Run(zip, texts, temp.Path, "multiclass");
        output.WriteLine($"Model.Load returned {fresh.ModelType}; columns {string.Join(", ", fresh.OutputColumns)}");
        Assert.Equal(inProcess, fresh.Transformed);
        Assert.Equal(fresh.Transformed, fresh.Predicted);
        Assert.Equal(ourNames, fresh.PredictedNames);
        for (int i = 0; i < texts.Length; i++)
        {
            for (int k = 0; k < 3; k++) Assert.Equal(Float(ours[i][k]), Float(fresh.Transformed[i][k]), 1e-6f);
            Assert.Equal(ours[i][3], fresh.Transformed[i][3]);
        }
    }

    [Theory]
    [InlineData(nameof(CountedText.Great))]
    [InlineData(nameof(CountedText.Counts))]
    public void ARegressionModel_PredictsIdentically_WhenLoadedInAFreshProcess(string label)
    {
        using var temp = new TempDirectory();
        var ml = new MLContext(seed: 1);
        var options = RegressionTrainerTests.Options(label);
        options.Epochs = 2;
        var train = ml.Data.LoadFromEnumerable(SyntheticCounts.Make(64));
        string zip = temp.File("counts.zip");
        var rows = SyntheticCounts.Make(30, seed: 9);
        var texts = rows.Select(r => r.Text).Concat(EdgeTexts).ToArray();
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new CountedText { Text = t, Counts = [0, 0] }));
        float[][] ours;
        using (var model = ml.Regression.Trainers.Lstm(options).Fit(train))
        {
            ours = Scores(model.Transform(data));
            ml.Model.Save(model, train.Schema, zip);
        }

        var loaded = ml.Model.Load(zip, out _);
        try
        {
            var scored = loaded.Transform(ml.Data.LoadFromEnumerable(rows));
            if (label == nameof(CountedText.Great))
            {
                var metrics = ml.Regression.Evaluate(scored, labelColumnName: label);
                output.WriteLine($"loaded: R² {metrics.RSquared:F4}, MAE {metrics.MeanAbsoluteError:F4}");
            }
            else
            {
                Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 1, 2), scored.Schema["Score"].Type);
            }
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }

        var fresh = RoundTripApp.Run(zip, texts, temp.Path, "regression");
        output.WriteLine($"Model.Load returned {fresh.ModelType}; columns {string.Join(", ", fresh.OutputColumns)}");
        Assert.Equal(fresh.Transformed, fresh.Predicted);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(ours[i].Length, fresh.Transformed[i].Length);
            for (int k = 0; k < ours[i].Length; k++) Assert.Equal(ours[i][k], Float(fresh.Transformed[i][k]), 1e-5f);
        }
    }

    [Fact]
    public void ApplyLstmModel_OnTheExportedMulticlassFile_ScoresAsTheTrainedTransformer()
    {
        using var temp = new TempDirectory();
        var ml = fixture.MLContext;
        string file = temp.File("topics.onnx");
        fixture.Model.SaveOnnxModel(file);
        var estimator = ml.Transforms.ApplyLstmModel(file);
        Assert.Equal(TaskKind.MulticlassClassification, estimator.Task);
        var shape = estimator.GetOutputSchema(ShapeOf<TopicText>());
        Assert.Equal(["Text", "Topic", "Score", "PredictedLabel"], shape.Select(c => c.Name));
        Assert.True(shape.Single(c => c.Name == "PredictedLabel").IsKey);
        Assert.Equal(SchemaShape.Column.VectorKind.Vector, shape.Single(c => c.Name == "Score").Kind);
        using var applied = estimator.Fit(fixture.Test);
        Assert.Equal(SyntheticTopics.Names, applied.ClassNames);
        var expected = ClassBits(ml.Data.CreateEnumerable<TopicPrediction>(fixture.Model.Transform(fixture.Test), reuseRowObject: false));
        var actual = ClassBits(ml.Data.CreateEnumerable<TopicPrediction>(applied.Transform(fixture.Test), reuseRowObject: false));
        Assert.Equal(expected, actual);
        Assert.Equal(fixture.Model.Transform(fixture.Test).Schema["PredictedLabel"].Type, applied.Transform(fixture.Test).Schema["PredictedLabel"].Type);
    }

    [Fact]
    public void ApplyLstmModel_OnAnExportedRegressionFile_ScoresAsTheTrainedTransformer()
    {
        var ml = new MLContext(seed: 1);
        var options = RegressionTrainerTests.Options();
        options.Epochs = 2;
        var data = ml.Data.LoadFromEnumerable(SyntheticCounts.Make(64));
        using var model = ml.Regression.Trainers.Lstm(options).Fit(data);
        using var stream = new MemoryStream();
        model.SaveOnnxModel(stream);
        stream.Position = 0;
        using var applied = ml.Transforms.ApplyLstmModel(stream).Fit(data);
        Assert.Equal(TaskKind.Regression, applied.Task);
        Assert.Equal(model.Transform(data).GetColumn<float>("Score"), applied.Transform(data).GetColumn<float>("Score"));
    }

    /// <summary>The schema shape of rows of <typeparamref name="TRow"/> (SchemaShape has no public factory in ML.NET 5.0.1).</summary>
    private static SchemaShape ShapeOf<TRow>()
        where TRow : class, new() =>
        new MLContext().Transforms.CustomMapping<NoColumns, TRow>((_, _) => { }, contractName: null).GetOutputSchema(new SchemaShape([]));

    private static float Float(int bits) => BitConverter.Int32BitsToSingle(bits);

    private static int[][] ClassBits(IEnumerable<TopicPrediction> rows) =>
        rows.Select(p => p.Score.Select(BitConverter.SingleToInt32Bits).Append((int)p.PredictedLabel).ToArray()).ToArray();

    private static float[][] Scores(IDataView scored) => scored.Schema["Score"].Type is VectorDataViewType
        ? scored.GetColumn<float[]>("Score").ToArray()
        : scored.GetColumn<float>("Score").Select(s => new[] { s }).ToArray();

    private sealed class NoColumns;
}
