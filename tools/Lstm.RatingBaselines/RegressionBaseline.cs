using System.Diagnostics;
using Microsoft.ML;

namespace Lstm.RatingBaselines;

/// <summary>The rating regressor's test figures, beside always predicting the training mean.</summary>
/// <param name="MeanAbsoluteError">Mean |predicted − true rating|.</param>
/// <param name="RootMeanSquaredError">Root of the mean squared error.</param>
/// <param name="RSquared">Coefficient of determination on the test split.</param>
/// <param name="TrainMean">Mean rating of the training reviews.</param>
/// <param name="MeanBaselineAbsoluteError">Mean absolute error of predicting <paramref name="TrainMean"/> for every test review.</param>
/// <param name="MeanBaselineRootMeanSquaredError">Root mean squared error of predicting <paramref name="TrainMean"/>.</param>
/// <param name="FitSeconds">Time of <c>Fit</c> (featurization included).</param>
/// <param name="EvaluateSeconds">Time of <c>Transform</c> and <c>Evaluate</c> on the test split.</param>
public sealed record RegressionFigures(
    double MeanAbsoluteError, double RootMeanSquaredError, double RSquared,
    double TrainMean, double MeanBaselineAbsoluteError, double MeanBaselineRootMeanSquaredError,
    double FitSeconds, double EvaluateSeconds);

/// <summary>
/// <c>FeaturizeText("Features", "Text")</c> → cache checkpoint → <c>Regression.Trainers.Sdca()</c> on the rating as a
/// float. The checkpoint lets SDCA shuffle the rows, as in <see cref="MulticlassBaseline"/>.
/// </summary>
public static class RegressionBaseline
{
    /// <summary>Fits on <paramref name="train"/> and evaluates on <paramref name="test"/>.</summary>
    public static RegressionFigures Run(MLContext ml, IReadOnlyList<RatingReview> train, IReadOnlyList<RatingReview> test)
    {
        const string label = nameof(RatingReview.Rating);
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", "Text")
            .AppendCacheCheckpoint(ml)
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: label));

        var timer = Stopwatch.StartNew();
        var model = pipeline.Fit(ml.Data.LoadFromEnumerable(train));
        double fitSeconds = timer.Elapsed.TotalSeconds;

        timer.Restart();
        var metrics = ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)), labelColumnName: label);
        double evaluateSeconds = timer.Elapsed.TotalSeconds;

        double mean = train.Average(r => (double)r.Rating);
        double mae = test.Average(r => Math.Abs(r.Rating - mean));
        double rmse = Math.Sqrt(test.Average(r => (r.Rating - mean) * (r.Rating - mean)));
        return new RegressionFigures(
            metrics.MeanAbsoluteError, metrics.RootMeanSquaredError, metrics.RSquared,
            mean, mae, rmse, fitSeconds, evaluateSeconds);
    }
}
