using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Lstm.RatingBaselines;

/// <summary>The 8-class rating classifier's test figures, beside always predicting the most frequent training rating.</summary>
/// <param name="Classes">The class names, the ratings in key order (1, 2, 3, 4, 7, 8, 9, 10 on the full data).</param>
/// <param name="MacroAccuracy">Mean over the classes of each class's accuracy.</param>
/// <param name="MicroAccuracy">Share of test reviews whose rating was predicted exactly.</param>
/// <param name="LogLoss">Mean negative log-likelihood of the true class.</param>
/// <param name="LogLossReduction">Log-loss improvement over predicting the training class frequencies.</param>
/// <param name="MajorityRating">The most frequent training rating.</param>
/// <param name="MajorityAccuracy">Share of test reviews that have <paramref name="MajorityRating"/>.</param>
/// <param name="FitSeconds">Time of <c>Fit</c> (featurization included).</param>
/// <param name="EvaluateSeconds">Time of <c>Transform</c> and <c>Evaluate</c> on the test split.</param>
public sealed record MulticlassFigures(
    float[] Classes, double MacroAccuracy, double MicroAccuracy, double LogLoss, double LogLossReduction,
    float MajorityRating, double MajorityAccuracy, double FitSeconds, double EvaluateSeconds);

/// <summary>
/// <c>MapValueToKey("Label", "Rating")</c> (classes ordered by value) → <c>FeaturizeText("Features", "Text")</c> →
/// cache checkpoint → <c>SdcaMaximumEntropy()</c> → <c>MapKeyToValue("PredictedRating", "PredictedLabel")</c>.
/// </summary>
/// <remarks>
/// The cache checkpoint matters: SDCA shuffles only data it can read in any order, and the archive's order (all
/// negative reviews, then all positive ones) left unshuffled gives a model worse than a constant (see README.md).
/// </remarks>
public static class MulticlassBaseline
{
    /// <summary>Fits on <paramref name="train"/> and evaluates on <paramref name="test"/>.</summary>
    public static MulticlassFigures Run(MLContext ml, IReadOnlyList<RatingReview> train, IReadOnlyList<RatingReview> test)
    {
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Rating", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Text.FeaturizeText("Features", "Text"))
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedRating", "PredictedLabel"));

        var timer = Stopwatch.StartNew();
        var model = pipeline.Fit(ml.Data.LoadFromEnumerable(train));
        double fitSeconds = timer.Elapsed.TotalSeconds;

        timer.Restart();
        var predictions = model.Transform(ml.Data.LoadFromEnumerable(test));
        var metrics = ml.MulticlassClassification.Evaluate(predictions);
        double evaluateSeconds = timer.Elapsed.TotalSeconds;

        VBuffer<float> classes = default;
        predictions.Schema["Label"].GetKeyValues(ref classes);
        var (majority, majorityAccuracy) = MajorityBaseline(train, test);
        return new MulticlassFigures(
            classes.DenseValues().ToArray(), metrics.MacroAccuracy, metrics.MicroAccuracy, metrics.LogLoss, metrics.LogLossReduction,
            majority, majorityAccuracy, fitSeconds, evaluateSeconds);
    }

    /// <summary>The most frequent training rating (the lowest on a tie) and its share of the test reviews.</summary>
    public static (float Rating, double TestAccuracy) MajorityBaseline(IReadOnlyList<RatingReview> train, IReadOnlyList<RatingReview> test)
    {
        float majority = train.CountBy(r => r.Rating).OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key;
        return (majority, test.Count(r => r.Rating == majority) / (double)test.Count);
    }
}
