using System.Globalization;
using Lstm.Training.TimeSeries;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.TimeSeries;

/// <summary>
/// The figures an LSTM must beat: naive and seasonal-naive errors on the test part of the real series, printed
/// (run with <c>--logger "console;verbosity=detailed"</c> to see them).
/// </summary>
public class RealBaselineTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(1, MissingValuePolicy.ForwardFill)]
    [InlineData(24, MissingValuePolicy.ForwardFill)]
    [InlineData(1, MissingValuePolicy.DropWindows)]
    [InlineData(24, MissingValuePolicy.DropWindows)]
    public void Pollution_baselines_on_the_test_part(int horizon, MissingValuePolicy policy)
    {
        var table = TimeSeriesTable.Read(SharedTimeSeriesData.FindOrSkip(SharedTimeSeriesData.Pollution), RealSeriesTests.Pollution);
        var series = SeriesWindows.Build(table, new WindowOptions { WindowLength = 24, Horizon = horizon, MissingValues = policy });

        var (naive, seasonal) = Report($"pollution pm2.5, {horizon} h ahead, W 24, {policy}", table, series);

        Assert.InRange(naive.Overall.MeanAbsoluteError, 1, 200);
        Assert.Equal(1.0, naive.Overall.Coverage);
        Assert.True(seasonal.Overall.Coverage > 0.9);
        if (horizon == 1) Assert.True(naive.Overall.MeanAbsoluteError < seasonal.Overall.MeanAbsoluteError, "next hour, the last hour beats yesterday's");
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(7)]
    public void Temperature_baselines_on_the_test_part(int horizon)
    {
        var table = TimeSeriesTable.Read(SharedTimeSeriesData.FindOrSkip(SharedTimeSeriesData.Temperatures), RealSeriesTests.Temperatures with { Gaps = GapPolicy.Insert });
        var series = SeriesWindows.Build(table, new WindowOptions { WindowLength = 30, Horizon = horizon, MissingValues = MissingValuePolicy.ForwardFill });

        var (naive, seasonal) = Report($"temperature, {horizon} day(s) ahead, W 30, ForwardFill", table, series);

        Assert.InRange(naive.Overall.MeanAbsoluteError, 0.5, 10);
        Assert.True(seasonal.Overall.Coverage > 0.95);
    }

    private (ForecastErrors Naive, ForecastErrors Seasonal) Report(string title, TimeSeriesTable table, WindowedSeries series)
    {
        var test = series.Test;
        var naive = ForecastMetrics.Evaluate(test.ActualTargets, NaiveForecast.Predict(table, test));
        var seasonal = ForecastMetrics.Evaluate(test.ActualTargets, SeasonalNaiveForecast.Predict(table, test));
        output.WriteLine($"{title}: {test.Count} test examples ({test.TargetTimes[0][0]:yyyy-MM-dd HH:mm} .. {test.TargetTimes[^1][^1]:yyyy-MM-dd HH:mm}), {test.DroppedCount} dropped");
        Print("naive", naive);
        Print("seasonal-naive", seasonal);
        return (naive, seasonal);
    }

    private void Print(string name, ForecastErrors errors)
    {
        var o = errors.Overall;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-15} MAE {o.MeanAbsoluteError:F3}  RMSE {o.RootMeanSquaredError:F3}  MAPE {o.MeanAbsolutePercentageError:F1}% ({o.MapePoints} pts)  coverage {o.Coverage:P1}"));
        if (errors.PerStep.Count > 1)
            output.WriteLine("    MAE per step: " + string.Join(" ", errors.PerStep.Select(s => s.MeanAbsoluteError.ToString("F2", CultureInfo.InvariantCulture))));
    }
}
