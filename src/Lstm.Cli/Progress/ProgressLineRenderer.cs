using Lstm.Training.Training;

namespace Lstm.Cli.Progress;

/// <summary>
/// The renderer for redirected output (log files, CI): plain lines with no control characters, one about every
/// tenth of an epoch, e.g. <c>Epoch 1/10  312/782 (40%) - loss: 0.6812 - accuracy: 0.5630 - 214.3 reviews/s - ETA 2:11</c>,
/// then Keras's epoch summary line.
/// </summary>
internal sealed class ProgressLineRenderer(TextWriter output, bool hasValidation) : ProgressRenderer
{
    /// <summary>Lines per epoch before the summary.</summary>
    public const int LinesPerEpoch = 10;

    /// <inheritdoc/>
    public override void Report(TrainingProgress progress)
    {
        if (progress.EpochResult is { } result)
        {
            output.WriteLine(ProgressText.EpochSummary(result, progress.Epochs));
            output.Flush();
            return;
        }
        int step = Math.Max(1, (progress.Batches + LinesPerEpoch - 1) / LinesPerEpoch);
        bool last = progress.Batch >= progress.Batches;
        if (last ? !hasValidation : progress.Batch % step != 0) return;
        int percent = (int)(100L * progress.Batch / Math.Max(1, progress.Batches));
        string line = $"{ProgressText.EpochLabel(progress.Epoch, progress.Epochs)}  {ProgressText.Steps(progress.Batch, progress.Batches)} ({percent}%)"
            + $" - loss: {ProgressText.Metric(progress.Loss)} - {ProgressText.NamedMetric(progress)}"
            + $" - {ProgressText.Rate(progress.SequencesPerSecond)} reviews/s - "
            + (last ? "validating..." : $"ETA {ProgressText.Clock(progress.Remaining)}");
        output.WriteLine(line);
        output.Flush();
    }
}
