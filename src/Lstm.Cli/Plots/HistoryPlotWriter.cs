using Lstm.Training;
using Lstm.Training.Training;
using ScottPlot;

namespace Lstm.Cli.Plots;

/// <summary>
/// Draws the seed program's two figures from a <see cref="History"/>: "Model Loss" (loss and val_loss) and
/// "Model Accuracy" (accuracy and val_accuracy) against the epoch, legend Train/Validation, as PNG files.
/// </summary>
internal static class HistoryPlotWriter
{
    /// <summary>Image width in pixels.</summary>
    public const int Width = 800;

    /// <summary>Image height in pixels.</summary>
    public const int Height = 600;

    /// <summary>
    /// Writes <c>loss.png</c>-style and <c>accuracy.png</c>-style figures to the given paths, each atomically; for a
    /// regression network the second figure is the mean absolute error.
    /// </summary>
    public static void Write(History history, string lossPath, string accuracyPath)
    {
        WriteFigure(history.Loss, history.ValLoss, "Model Loss", "Loss", Alignment.UpperRight, lossPath);
        if (history.IsRegression)
            WriteFigure(history.MeanAbsoluteError, [.. history.Epochs.Select(e => e.ValMeanAbsoluteError ?? double.NaN)], "Model Mean Absolute Error", "MAE", Alignment.UpperRight, accuracyPath);
        else WriteFigure(history.Accuracy, history.ValAccuracy, "Model Accuracy", "Accuracy", Alignment.LowerRight, accuracyPath);
    }

    /// <summary>One figure as PNG bytes: a Train curve and, when any value is known, a Validation curve.</summary>
    public static byte[] Render(IReadOnlyList<double> train, IReadOnlyList<double> validation, string title, string yLabel, Alignment legend)
    {
        var plot = new Plot();
        double[] epochs = [.. Enumerable.Range(1, train.Count).Select(e => (double)e)];
        var trainLine = plot.Add.Scatter(epochs, train.ToArray());
        trainLine.LegendText = "Train";
        if (validation.Any(v => !double.IsNaN(v)))
        {
            var validationLine = plot.Add.Scatter(epochs, validation.ToArray());
            validationLine.LegendText = "Validation";
        }
        plot.Title(title);
        plot.XLabel("Epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend(legend);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static void WriteFigure(IReadOnlyList<double> train, IReadOnlyList<double> validation, string title, string yLabel, Alignment legend, string path)
    {
        byte[] png = Render(train, validation, title, yLabel, legend);
        Lstm.Training.AtomicFile.Write(path, stream => stream.Write(png));
    }
}
