using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Tests.TestData;
using Microsoft.ML;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests;

[Collection(ImdbModelCollection.Name)]
public sealed class PredictionEngineTests(ImdbModelFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public void PredictionEngine_GivesTheBatchedTransformsScores()
    {
        SkipUnlessAvailable();
        var ml = fixture.MLContext;
        var reviews = fixture.Test.Take(100).ToArray();
        var batched = ml.Data.CreateEnumerable<ReviewPrediction>(fixture.Model!.Transform(ml.Data.LoadFromEnumerable(reviews)), reuseRowObject: false).ToArray();
        var engine = ml.Model.CreatePredictionEngine<Review, ReviewPrediction>(fixture.Model);
        for (int i = 0; i < reviews.Length; i++)
        {
            var single = engine.Predict(reviews[i]);
            Assert.Equal(batched[i].Score, single.Score, 1e-5f);
            Assert.Equal(batched[i].Probability, single.Probability, 1e-6f);
            if (Math.Abs(single.Score) > 1e-4f) Assert.Equal(batched[i].PredictedLabel, single.PredictedLabel);
        }
    }

    [SkippableFact]
    public void EightThreads_EachWithTheirOwnPredictionEngine_AgreeWithOne()
    {
        SkipUnlessAvailable();
        var ml = fixture.MLContext;
        var reviews = fixture.Test.Take(96).ToArray();
        var engine = ml.Model.CreatePredictionEngine<Review, ReviewPrediction>(fixture.Model!);
        var expected = reviews.Select(r => engine.Predict(r)).Select(p => (p.Score, p.Probability, p.PredictedLabel)).ToArray();

        var results = new (float, float, bool)[8][];
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            var own = ml.Model.CreatePredictionEngine<Review, ReviewPrediction>(fixture.Model!);
            var mine = new (float, float, bool)[reviews.Length];
            for (int k = 0; k < reviews.Length; k++)
            {
                int i = (k + t * 12) % reviews.Length; // every thread starts elsewhere
                var p = own.Predict(reviews[i]);
                mine[i] = (p.Score, p.Probability, p.PredictedLabel);
            }
            results[t] = mine;
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        for (int t = 0; t < 8; t++) Assert.Equal(expected, results[t]);
        output.WriteLine($"8 threads × {reviews.Length} predictions agree with one engine.");
    }

    // Skips the test when the archive is missing (fails it under CI); the fixture trained the model when it is there.
    private void SkipUnlessAvailable()
    {
        if (!fixture.Available) SharedDataArchive.FindOrSkip();
    }
}
