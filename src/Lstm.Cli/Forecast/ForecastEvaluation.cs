using Lstm.Training.Models;
using Lstm.Training.TimeSeries;

namespace Lstm.Cli.Forecast;

/// <summary>
/// The test part scored by a trained network and by the two baselines every result is reported beside: the naive
/// forecast (the last observed value) and the seasonal-naive one (the value one season earlier).
/// </summary>
internal static class ForecastEvaluation
{
    /// <summary>The network's forecasts for <paramref name="part"/>, in the target's units, one array of H per example.</summary>
    public static double[][] Predict(SequenceNetwork network, WindowedSeries series, WindowedPart part, int? threads)
    {
        float[] scaled = network.Predict(part.Inputs, maxDegreeOfParallelism: threads);
        int h = part.Horizon;
        var forecasts = new double[part.Count][];
        for (int i = 0; i < part.Count; i++) forecasts[i] = series.Scaler.InverseTarget(scaled.AsSpan(i * h, h));
        return forecasts;
    }

    /// <summary>Errors of the model and the baselines on <paramref name="part"/>, each on the points all three forecast.</summary>
    public static (ForecastTestResult Result, double[][] Forecasts) Evaluate(SequenceNetwork network, WindowedSeries series, WindowedPart part, TimeSpan season, int? threads)
    {
        var model = Predict(network, series, part, threads);
        var naive = NaiveForecast.Predict(series.Table, part);
        var seasonal = SeasonalNaiveForecast.Predict(series.Table, part, season);
        var modelErrors = ForecastMetrics.Evaluate(part.ActualTargets, model);
        var naiveErrors = ForecastMetrics.Evaluate(part.ActualTargets, naive);
        var seasonalErrors = ForecastMetrics.Evaluate(part.ActualTargets, seasonal);
        // The seasonal baseline may lack points (no value one season back); the skill compares like with like.
        var modelWhereSeasonal = ForecastMetrics.Evaluate(part.ActualTargets, model, seasonal);
        var result = new ForecastTestResult(modelErrors.Overall, naiveErrors.Overall, seasonalErrors.Overall,
            ForecastMetrics.Skill(modelErrors.Overall.MeanAbsoluteError, naiveErrors.Overall.MeanAbsoluteError),
            ForecastMetrics.Skill(modelWhereSeasonal.Overall.MeanAbsoluteError, seasonalErrors.Overall.MeanAbsoluteError),
            [.. modelErrors.PerStep.Select(s => s.MeanAbsoluteError)]);
        return (result, model);
    }

    /// <summary>The results as the CLI prints them.</summary>
    public static void Write(TextWriter output, ForecastTestResult result, string target, int examples)
    {
        output.WriteLine(FormattableString.Invariant($"Test part: {examples:N0} forecasts of {target}; errors in {target}'s units (MAPE where the actual value is not 0)"));
        output.WriteLine("  forecast          MAE         RMSE        MAPE      points");
        Row("LSTM", result.Model);
        Row("naive", result.Naive);
        Row("seasonal naive", result.SeasonalNaive);
        output.WriteLine(FormattableString.Invariant($"  skill (1 - MAE / baseline MAE): {result.SkillVsNaive:+0.000;-0.000} against naive, {result.SkillVsSeasonalNaive:+0.000;-0.000} against seasonal naive"));
        if (result.ModelMaeByStep.Count > 1)
            output.WriteLine("  LSTM MAE by step ahead: " + string.Join(", ", result.ModelMaeByStep.Select((m, i) => FormattableString.Invariant($"{i + 1}: {m:0.###}"))));

        void Row(string name, ErrorSummary e) =>
            output.WriteLine(FormattableString.Invariant($"  {name,-15} {e.MeanAbsoluteError,10:0.####} {e.RootMeanSquaredError,12:0.####} {(double.IsNaN(e.MeanAbsolutePercentageError) ? "n/a" : $"{e.MeanAbsolutePercentageError:0.##}%"),10} {e.Points,10:N0}"));
    }
}
