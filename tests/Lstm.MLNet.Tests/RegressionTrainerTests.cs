using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests;

public sealed class RegressionTrainerTests(ITestOutputHelper output)
{
    /// <summary>Small settings that learn to count words in a few seconds.</summary>
    internal static LstmRegressionTrainer.Options Options(string label = nameof(CountedText.Great)) => new()
    {
        LabelColumnName = label,
        MaxLength = 24,
        NumWords = 30,
        EmbeddingDim = 8,
        Units = 8,
        Dropout = 0,
        RecurrentDropout = 0,
        Epochs = 12,
        BatchSize = 16,
        LearningRate = 0.02f,
    };

    [Fact]
    public void FitThenEvaluate_LearnsToCountAWord()
    {
        var ml = new MLContext(seed: 1);
        using var model = ml.Regression.Trainers.Lstm(Options()).Fit(ml.Data.LoadFromEnumerable(SyntheticCounts.Make(300)));
        var test = ml.Data.LoadFromEnumerable(SyntheticCounts.Make(100, seed: 9));
        var metrics = ml.Regression.Evaluate(model.Transform(test), labelColumnName: nameof(CountedText.Great));
        output.WriteLine($"R² {metrics.RSquared:F4}, MAE {metrics.MeanAbsoluteError:F4}, RMSE {metrics.RootMeanSquaredError:F4}");
        foreach (var epoch in model.TrainingHistory!.Epochs) output.WriteLine($"epoch {epoch.Epoch}: loss {epoch.Loss:F4}, mae {epoch.MeanAbsoluteError:F4}");
        Assert.Equal(TaskKind.Regression, model.Task);
        Assert.Null(model.ClassNames);
        Assert.Equal(NumberDataViewType.Single, model.Transform(test).Schema["Score"].Type);
        Assert.InRange(metrics.RSquared, 0.9, 1.0);
        Assert.InRange(metrics.MeanAbsoluteError, 0, 0.35);
    }

    [Fact]
    public void AVectorLabel_GivesAVectorScore_OfItsWidth()
    {
        var ml = new MLContext(seed: 1);
        var options = Options(nameof(CountedText.Counts));
        using var model = ml.Regression.Trainers.Lstm(options).Fit(ml.Data.LoadFromEnumerable(SyntheticCounts.Make(300)));
        var rows = SyntheticCounts.Make(60, seed: 9);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows));
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 2), scored.Schema["Score"].Type);
        Assert.Equal(2, model.Metadata.Network.Outputs);
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        double error = 0;
        for (int i = 0; i < rows.Length; i++)
            for (int k = 0; k < 2; k++) error += Math.Abs(scores[i][k] - rows[i].Counts[k]);
        output.WriteLine($"mean absolute error {error / (2 * rows.Length):F4}");
        Assert.InRange(error / (2 * rows.Length), 0, 0.4);
    }

    [Fact]
    public void APredictionEngine_GivesTheTransformsScore()
    {
        var ml = new MLContext(seed: 1);
        var options = Options();
        options.Epochs = 2;
        using var model = ml.Regression.Trainers.Lstm(options).Fit(ml.Data.LoadFromEnumerable(SyntheticCounts.Make(64)));
        var rows = SyntheticCounts.Make(20, seed: 9);
        var expected = model.Transform(ml.Data.LoadFromEnumerable(rows)).GetColumn<float>("Score").ToArray();
        var engine = ml.Model.CreatePredictionEngine<CountedText, ValuePrediction>(model, new PredictionEngineOptions { OwnsTransformer = false });
        for (int i = 0; i < rows.Length; i++) Assert.Equal(expected[i], engine.Predict(rows[i]).Score, 1e-6f);
    }

    [Fact]
    public void MissingLabels_AreSkipped_AndProgressReportsMae()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<(ChannelMessageKind Kind, string Message)>();
        ml.Log += (_, e) => { lock (messages) messages.Add((e.Kind, e.RawMessage)); };
        var rows = SyntheticCounts.Make(40);
        for (int i = 0; i < rows.Length; i += 4) rows[i].Great = float.NaN;
        var options = Options();
        options.Epochs = 2;
        options.Log = ml;
        options.ValidationSet = ml.Data.LoadFromEnumerable(SyntheticCounts.Make(16, seed: 9));
        options.EarlyStoppingPatience = 5;
        options.EarlyStoppingMetric = "val_mae";
        using var model = ml.Regression.Trainers.Lstm(options).Fit(ml.Data.LoadFromEnumerable(rows));
        Assert.Contains(messages, m => m.Kind == ChannelMessageKind.Warning && m.Message == "Skipped 10 rows of the training data with a missing label or an invalid weight.");
        Assert.Contains(messages, m => m.Message.StartsWith("Training on 30 reviews, validating on 16", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Message.StartsWith("Epoch 2/2: loss ", StringComparison.Ordinal) && m.Message.Contains(", mae ", StringComparison.Ordinal) && m.Message.Contains("val_mae", StringComparison.Ordinal));
        Assert.NotNull(model.TrainingHistory!.Epochs[0].ValMeanAbsoluteError);
    }

    [Fact]
    public void EarlyStopping_OnAClassifiersMetric_IsRefusedForRegression()
    {
        var options = Options();
        options.EarlyStoppingPatience = 2;
        options.EarlyStoppingMetric = "accuracy";
        var error = Assert.Throws<ArgumentException>(() => new MLContext().Regression.Trainers.Lstm(options));
        Assert.Equal("EarlyStoppingMetric", error.ParamName);
        Assert.Contains("expected val_loss, val_mae, loss or mae", error.Message);
    }

    private sealed class ValuePrediction
    {
        public float Score { get; set; }
    }
}
