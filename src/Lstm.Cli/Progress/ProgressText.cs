using System.Globalization;
using Lstm.Training.Training;

namespace Lstm.Cli.Progress;

/// <summary>The pieces of Keras-style progress output: bar, durations, running metrics and the epoch summary line.</summary>
internal static class ProgressText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Keras's bar body, e.g. <c>=========&gt;.........</c>: <paramref name="width"/> characters, an arrow at the front while unfinished.</summary>
    public static string Bar(int done, int total, int width)
    {
        if (width < 1) return "";
        int filled = total <= 0 ? width : (int)((long)width * Math.Clamp(done, 0, total) / total);
        if (filled >= width) return new string('=', width);
        if (filled == 0) return new string('.', width);
        return new string('=', filled - 1) + ">" + new string('.', width - filled);
    }

    /// <summary>A time left: <c>0:07</c>, <c>2:11</c>, <c>1:02:03</c>.</summary>
    public static string Clock(TimeSpan time)
    {
        long seconds = (long)Math.Round(Math.Max(0, time.TotalSeconds));
        long hours = seconds / 3600, minutes = seconds / 60 % 60, rest = seconds % 60;
        return hours > 0
            ? string.Format(Invariant, "{0}:{1:00}:{2:00}", hours, minutes, rest)
            : string.Format(Invariant, "{0}:{1:00}", minutes, rest);
    }

    /// <summary>Wall time the way Keras prints it, <c>117s</c>, with one decimal under ten seconds (<c>4.2s</c>).</summary>
    public static string Seconds(double seconds) =>
        seconds < 9.95 ? seconds.ToString("0.0", Invariant) + "s" : Math.Round(seconds).ToString("0", Invariant) + "s";

    /// <summary>A metric with Keras's four decimals.</summary>
    public static string Metric(double value) => value.ToString("0.0000", Invariant);

    /// <summary>Throughput with one decimal, e.g. <c>214.3</c>.</summary>
    public static string Rate(double perSecond) => perSecond.ToString("0.0", Invariant);

    /// <summary><c>Epoch 1/10</c>.</summary>
    public static string EpochLabel(int epoch, int epochs) => string.Format(Invariant, "Epoch {0}/{1}", epoch, epochs);

    /// <summary><c>312/782</c>, the done count right-aligned to the total's width.</summary>
    public static string Steps(int done, int total)
    {
        string all = total.ToString(Invariant);
        return done.ToString(Invariant).PadLeft(all.Length) + "/" + all;
    }

    /// <summary>
    /// Keras's end-of-epoch line:
    /// <c>Epoch 1/10 - 117s - loss: 0.5412 - accuracy: 0.7210 - val_loss: 0.4012 - val_accuracy: 0.8260</c>.
    /// </summary>
    public static string EpochSummary(EpochResult result, int epochs)
    {
        string line = $"{EpochLabel(result.Epoch, epochs)} - {Seconds(result.TrainSeconds + result.ValidationSeconds)}"
            + $" - loss: {Metric(result.Loss)} - " + (result.MeanAbsoluteError is { } mae ? $"mae: {Metric(mae)}" : $"accuracy: {Metric(result.Accuracy)}");
        if (result.ValLoss is { } valLoss) line += $" - val_loss: {Metric(valLoss)}";
        if (result.ValMeanAbsoluteError is { } valMae) line += $" - val_mae: {Metric(valMae)}";
        else if (result.ValAccuracy is { } valAccuracy) line += $" - val_accuracy: {Metric(valAccuracy)}";
        return line;
    }

    /// <summary><c>accuracy: 0.7210</c>, or <c>mae: 0.3120</c> for a regression network.</summary>
    public static string NamedMetric(TrainingProgress progress) =>
        progress.MeanAbsoluteError is { } mae ? $"mae: {Metric(mae)}" : $"accuracy: {Metric(progress.Accuracy)}";

    /// <summary><c>acc 0.7210</c>, or <c>mae 0.3120</c> for a regression network.</summary>
    public static string ShortMetric(TrainingProgress progress) =>
        progress.MeanAbsoluteError is { } mae ? $"mae {Metric(mae)}" : $"acc {Metric(progress.Accuracy)}";
}
