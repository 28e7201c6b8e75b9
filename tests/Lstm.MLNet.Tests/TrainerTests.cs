using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Tests.TestData;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests;

[Collection(ImdbModelCollection.Name)]
public sealed class TrainerTests(ImdbModelFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public void FitThenEvaluate_OnARealImdbSubset_BeatsChanceClearly()
    {
        SkipUnlessAvailable();
        var scored = fixture.Model!.Transform(fixture.TestData!);
        var metrics = fixture.MLContext.BinaryClassification.Evaluate(scored);
        output.WriteLine($"Trained on {ImdbModelFixture.TrainCount} reviews in {fixture.TrainingTime.TotalSeconds:F1} s; " +
            $"held-out accuracy {metrics.Accuracy:F4}, AUC {metrics.AreaUnderRocCurve:F4}, log-loss {metrics.LogLoss:F4}");
        foreach (var epoch in fixture.Model.TrainingHistory!.Epochs)
            output.WriteLine($"  epoch {epoch.Epoch}: loss {epoch.Loss:F4}, accuracy {epoch.Accuracy:F4}, {epoch.TrainSeconds:F1} s");
        Assert.InRange(metrics.Accuracy, 0.70, 1.0);
        Assert.InRange(metrics.AreaUnderRocCurve, 0.75, 1.0);
        Assert.Equal(fixture.Options.Epochs, fixture.Model.TrainingHistory.Epochs.Count);
    }

    [SkippableFact]
    public void Transform_AddsBinaryClassificationColumns_AndPassesInputColumnsThrough()
    {
        SkipUnlessAvailable();
        var scored = fixture.Model!.Transform(fixture.TestData!);
        Assert.Equal(NumberDataViewType.Single, scored.Schema["Score"].Type);
        Assert.Equal(NumberDataViewType.Single, scored.Schema["Probability"].Type);
        Assert.Equal(BooleanDataViewType.Instance, scored.Schema["PredictedLabel"].Type);
        var rows = fixture.MLContext.Data.CreateEnumerable<ScoredReview>(scored, reuseRowObject: false).ToArray();
        Assert.Equal(fixture.Test.Length, rows.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(fixture.Test[i].Text, rows[i].Text);
            Assert.Equal(fixture.Test[i].Label, rows[i].Label);
            Assert.Equal(1f / (1f + MathF.Exp(-rows[i].Score)), rows[i].Probability, 1e-6f);
            Assert.Equal(rows[i].Score > 0, rows[i].PredictedLabel);
        }
    }

    // Skips the test when the archive is missing (fails it under CI); the fixture trained the model when it is there.
    private void SkipUnlessAvailable()
    {
        if (!fixture.Available) SharedDataArchive.FindOrSkip();
    }

    private sealed class ScoredReview
    {
        public string Text { get; set; } = "";

        public bool Label { get; set; }

        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
