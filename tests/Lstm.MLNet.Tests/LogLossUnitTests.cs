using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Losses;
using Lstm.Training.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests;

/// <summary>The README's note on units: ML.NET's LogLoss is in bits, the Keras/CLI loss in nats, so LogLoss = loss / ln 2.</summary>
public sealed class LogLossUnitTests(ITestOutputHelper output)
{
    [Fact]
    public void MLNetsLogLoss_IsTheNatsLossDividedByLn2()
    {
        var ml = new MLContext(seed: 1);
        var reviews = SyntheticReviews.Make(200);
        var data = ml.Data.LoadFromEnumerable(reviews);
        using var model = ml.BinaryClassification.Trainers.Lstm(new LstmTrainer.Options
        {
            MaxLength = 20,
            NumWords = 60,
            EmbeddingDim = 8,
            Units = 8,
            Epochs = 2,
            LearningRate = 0.01f,
            Seed = 3,
        }).Fit(data);
        var scored = model.Transform(data);
        var metrics = ml.BinaryClassification.Evaluate(scored);

        float[] logits = scored.GetColumn<float>("Score").ToArray();
        var nats = EvaluationResult.FromLogits(logits, reviews.Select(r => r.Label).ToArray()); // what lstm evaluate prints
        output.WriteLine($"loss {nats.Loss:F6} nats; ML.NET LogLoss {metrics.LogLoss:F6}; loss / ln 2 = {nats.Loss / Math.Log(2):F6}");
        Assert.InRange(nats.Loss, 0.05, 0.69); // learned something, and far from a degenerate 0
        Assert.Equal(nats.Loss / Math.Log(2), metrics.LogLoss, tolerance: 1e-4);
        Assert.NotEqual(nats.Loss, metrics.LogLoss, tolerance: 1e-2);
    }
}
