using System.Globalization;
using Lstm.Training.Evaluation;
using ScottPlot;

namespace Lstm.Cli.Plots;

/// <summary>
/// The reliability diagram of a binary model: per equal-width bin of the predicted probability, the observed positive
/// rate against the mean predicted probability (points annotated with the bin's count), the diagonal of perfect
/// calibration, and behind them a histogram of the predictions (each bin's share of all of them).
/// </summary>
internal static class ReliabilityPlotWriter
{
    /// <summary>Image width in pixels.</summary>
    public const int Width = 800;

    /// <summary>Image height in pixels.</summary>
    public const int Height = 800;

    /// <summary>The figure as PNG bytes.</summary>
    public static byte[] Render(CalibrationBins calibration, int total)
    {
        var plot = new Plot();
        foreach (var bin in calibration.Bins)
        {
            plot.Add.Bar(new Bar
            {
                Position = (bin.Lower + bin.Upper) / 2,
                Value = total > 0 ? (double)bin.Count / total : 0,
                Size = (bin.Upper - bin.Lower) * 0.9,
                FillColor = Colors.LightGray,
                LineColor = Colors.Gray,
            });
        }
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Black;
        diagonal.LegendText = "Perfectly calibrated";

        var filled = calibration.Bins.Where(b => b.Count > 0).ToArray();
        var curve = plot.Add.Scatter(filled.Select(b => b.MeanPredicted).ToArray(), filled.Select(b => b.ObservedRate).ToArray());
        curve.LegendText = "Model (label: reviews in the bin)";
        curve.MarkerSize = 9;
        curve.LineWidth = 2;
        foreach (var b in filled)
        {
            var label = plot.Add.Text(b.Count.ToString("N0", CultureInfo.InvariantCulture), b.MeanPredicted, b.ObservedRate);
            label.LabelFontSize = 12;
            // Above the point, to its left near the right edge so that the count stays inside the plot.
            bool right = b.MeanPredicted > 0.8;
            label.LabelAlignment = right ? Alignment.LowerRight : Alignment.LowerLeft;
            label.LabelOffsetX = right ? -6 : 6;
            label.LabelOffsetY = -4;
        }
        var legendBars = new LegendItem { LabelText = "Share of predictions (histogram)", FillColor = Colors.LightGray, LineColor = Colors.Gray };
        plot.Legend.ManualItems.Add(legendBars);
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Reliability (ECE {calibration.ExpectedCalibrationError:0.0000}, {calibration.Bins.Count} bins, {total:N0} reviews)"));
        plot.XLabel("Mean predicted probability of positive");
        plot.YLabel("Observed share positive");
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
