namespace Lstm.Training.Training.Callbacks;

/// <summary>
/// Keras's <c>ReduceLROnPlateau</c> (without cooldown): after <see cref="ReduceLearningRateOnPlateau.Patience"/> epochs
/// without improvement of the monitored metric, multiplies the learning rate by
/// <see cref="ReduceLearningRateOnPlateau.Factor"/>, down to <see cref="ReduceLearningRateOnPlateau.MinLearningRate"/>.
/// Does nothing in an epoch after which training stops. What <see cref="FitOptions.ReduceLearningRateOnPlateau"/> does.
/// Its state starts afresh when a run starts from epoch 1 and carries on when a trainer continues a run.
/// </summary>
public sealed class ReduceLearningRateOnPlateauCallback : Callback
{
    /// <summary>Lowers the learning rate as <paramref name="settings"/> say (default: <c>new ReduceLearningRateOnPlateau()</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is not in (0, 1).</exception>
    public ReduceLearningRateOnPlateauCallback(ReduceLearningRateOnPlateau? settings = null)
    {
        Settings = settings ?? new ReduceLearningRateOnPlateau();
        Settings.Validate();
    }

    /// <summary>Monitor, factor, patience, minimum delta and floor.</summary>
    public ReduceLearningRateOnPlateau Settings { get; }

    /// <summary>Best monitored value so far; NaN before the first epoch.</summary>
    internal double Best { get; set; } = double.NaN;

    /// <summary>Epochs since the last improvement or reduction.</summary>
    internal int Wait { get; set; }

    /// <inheritdoc/>
    public override void OnTrainBegin(CallbackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.History.Epochs.Count > 0) return;
        Best = double.NaN;
        Wait = 0;
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(EpochResult result, CallbackContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var r = Settings;
        if (context.StopTraining) return;
        double current = MonitoredMetric.Value(result, r.Monitor);
        bool improved = double.IsNaN(Best) || (r.HigherIsBetter ? current - r.MinDelta > Best : current + r.MinDelta < Best);
        if (improved)
        {
            Best = current;
            Wait = 0;
        }
        else if (++Wait >= r.Patience)
        {
            context.LearningRate = Math.Max(context.LearningRate * r.Factor, r.MinLearningRate);
            Wait = 0;
        }
    }
}
