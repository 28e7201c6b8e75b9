using Lstm.MLNet.Tests.TestData;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests;

/// <summary>
/// Scoring with a disposed <see cref="LstmTransformer"/> is an <see cref="ObjectDisposedException"/>, never ONNX Runtime
/// running a released session (which ends the process with a segmentation fault).
/// </summary>
public sealed class DisposalTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void A_prediction_engine_used_after_its_transformer_is_disposed_throws()
    {
        var data = _ml.Data.LoadFromEnumerable(SyntheticReviews.Make(10));
        var transformer = _ml.Transforms.ApplyLstmModel(RandomModels.Synthetic()).Fit(data);
        var engine = _ml.Model.CreatePredictionEngine<Review, ReviewPrediction>(transformer, new PredictionEngineOptions { OwnsTransformer = false });
        float before = engine.Predict(new Review { Text = "a wonderful film" }).Score;
        Assert.True(float.IsFinite(before));
        var scored = transformer.Transform(data);

        transformer.Dispose();

        var error = Assert.Throws<ObjectDisposedException>(() => engine.Predict(new Review { Text = "a wonderful film" }));
        Assert.Contains("LstmTransformer was disposed", error.Message);
        Assert.Throws<ObjectDisposedException>(() => scored.GetColumn<float>("Score").ToArray());
        transformer.Dispose(); // twice is fine
    }

    [Fact]
    public async Task Disposing_while_other_threads_predict_ends_their_predictions_cleanly()
    {
        var data = _ml.Data.LoadFromEnumerable(SyntheticReviews.Make(10));
        var transformer = _ml.Transforms.ApplyLstmModel(RandomModels.Synthetic()).Fit(data);
        using var started = new CountdownEvent(4);
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            var engine = _ml.Model.CreatePredictionEngine<Review, ReviewPrediction>(transformer, new PredictionEngineOptions { OwnsTransformer = false });
            int predicted = 0;
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                for (int i = 0; clock.Elapsed < TimeSpan.FromMinutes(1); i++) // until Dispose stops it
                {
                    Assert.True(float.IsFinite(engine.Predict(new Review { Text = $"a wonderful film number {i} by worker {w}" }).Score));
                    if (++predicted == 20) started.Signal();
                }
                return "finished";
            }
            catch (ObjectDisposedException)
            {
                return predicted >= 20 ? "stopped" : "stopped early";
            }
        })).ToArray();
        Assert.True(started.Wait(TimeSpan.FromMinutes(1)), "The workers did not start predicting.");
        transformer.Dispose();
        string[] outcomes = await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.All(outcomes, outcome => Assert.Equal("stopped", outcome));
    }
}
