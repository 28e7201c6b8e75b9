using Lstm.Training;
using Lstm.Training.TimeSeries;
using ScottPlot;

namespace Lstm.Cli.Forecast;

/// <summary>
/// The test period as a figure: the actual target and the forecasts of the first and the last step ahead, against
/// time, so that the lag a forecast further ahead shows can be seen.
/// </summary>
internal static class ForecastPlotWriter
{
    /// <summary>Writes the PNG to <paramref name="path"/> atomically; <paramref name="forecasts"/> are in the target's units, one array of H per example of <paramref name="part"/>.</summary>
    public static void Write(WindowedPart part, IReadOnlyList<double[]> forecasts, string target, string path)
    {
        var plot = new Plot();
        int h = part.Horizon;
        double[] times = [.. part.TargetTimes.Select(t => t[0].ToOADate())];
        var actual = plot.Add.Scatter(times, [.. part.ActualTargets.Select(a => a[0])]);
        actual.LegendText = $"actual {target}";
        actual.MarkerSize = 0;
        actual.LineWidth = 1;
        var first = plot.Add.Scatter(times, [.. forecasts.Select(f => f[0])]);
        first.LegendText = h == 1 ? "LSTM forecast" : "LSTM forecast, 1 step ahead";
        first.MarkerSize = 0;
        first.LineWidth = 1;
        if (h > 1)
        {
            double[] lastTimes = [.. part.TargetTimes.Select(t => t[h - 1].ToOADate())];
            var last = plot.Add.Scatter(lastTimes, [.. forecasts.Select(f => f[h - 1])]);
            last.LegendText = $"LSTM forecast, {h} steps ahead";
            last.MarkerSize = 0;
            last.LineWidth = 1;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Title($"{target}: test period, actual and forecast");
        plot.YLabel(target);
        plot.ShowLegend(Alignment.UpperRight);
        byte[] png = plot.GetImageBytes(1400, 500, ImageFormat.Png);
        AtomicFile.Write(path, stream => stream.Write(png));
    }
}
