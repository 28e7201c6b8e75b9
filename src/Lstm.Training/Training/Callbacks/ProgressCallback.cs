using System.Diagnostics;

namespace Lstm.Training.Training.Callbacks;

/// <summary>
/// Reports <see cref="TrainingProgress"/> to an action after every batch and once more at the end of each epoch (with
/// <see cref="TrainingProgress.EpochResult"/> set), like Keras's progress bar; what <see cref="FitOptions.Progress"/> does.
/// </summary>
public sealed class ProgressCallback : Callback
{
    private readonly Stopwatch _clock = new();

    /// <summary>Reports to <paramref name="report"/>.</summary>
    public ProgressCallback(Action<TrainingProgress> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Report = report;
    }

    /// <summary>The action that receives the reports.</summary>
    public Action<TrainingProgress> Report { get; }

    /// <inheritdoc/>
    public override void OnEpochBegin(int epoch, CallbackContext context) => _clock.Restart();

    /// <inheritdoc/>
    public override void OnBatchEnd(TrainingProgress progress, CallbackContext context) => Report(progress);

    /// <inheritdoc/>
    public override void OnEpochEnd(EpochResult result, CallbackContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        Report(new TrainingProgress
        {
            Epoch = result.Epoch,
            Epochs = context.Epochs,
            Batch = context.Batches,
            Batches = context.Batches,
            Loss = result.Loss,
            Accuracy = result.Accuracy,
            SequencesPerSecond = context.Samples / Math.Max(result.TrainSeconds, 1e-9),
            Elapsed = _clock.Elapsed,
            Remaining = TimeSpan.Zero,
            EpochResult = result,
        });
    }
}
