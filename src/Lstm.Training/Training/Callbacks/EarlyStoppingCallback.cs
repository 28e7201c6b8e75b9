using Lstm.Training.Models;

namespace Lstm.Training.Training.Callbacks;

/// <summary>
/// Keras's <c>EarlyStopping</c>: stops the run after <see cref="EarlyStopping.Patience"/> epochs without improvement
/// of the monitored metric and, with <see cref="EarlyStopping.RestoreBestWeights"/>, puts back the best epoch's
/// weights when it stops (setting <see cref="History.RestoredEpoch"/>). What <see cref="FitOptions.EarlyStopping"/> does.
/// Its state starts afresh when a run starts from epoch 1 and carries on when a trainer continues a run.
/// </summary>
public sealed class EarlyStoppingCallback : Callback
{
    /// <summary>Stops as <paramref name="settings"/> say (default: <c>new EarlyStopping()</c>).</summary>
    public EarlyStoppingCallback(EarlyStopping? settings = null) => Settings = settings ?? new EarlyStopping();

    /// <summary>Monitor, patience, minimum delta and whether the best weights are restored.</summary>
    public EarlyStopping Settings { get; }

    /// <summary>Best monitored value so far; NaN before the first epoch.</summary>
    internal double Best { get; set; } = double.NaN;

    /// <summary>Epochs since the last improvement.</summary>
    internal int Wait { get; set; }

    /// <summary>Epoch of <see cref="Best"/> (1-based), 0 before the first.</summary>
    internal int BestEpoch { get; set; }

    /// <summary>Weights after <see cref="BestEpoch"/> when <see cref="EarlyStopping.RestoreBestWeights"/> is set.</summary>
    internal NetworkParameters? BestWeights { get; set; }

    /// <inheritdoc/>
    public override void OnTrainBegin(CallbackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.History.Epochs.Count > 0) return;
        Best = double.NaN;
        Wait = 0;
        BestEpoch = 0;
        BestWeights = null;
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(EpochResult result, CallbackContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var es = Settings;
        double current = MonitoredMetric.Value(result, es.Monitor);
        bool improved = double.IsNaN(Best) || (es.HigherIsBetter ? current - es.MinDelta > Best : current + es.MinDelta < Best);
        if (improved)
        {
            Best = current;
            BestEpoch = result.Epoch;
            Wait = 0;
            if (es.RestoreBestWeights) (BestWeights ??= new NetworkParameters(context.Network.Spec)).CopyFrom(context.Network.Parameters);
            return;
        }
        if (++Wait < es.Patience) return;
        context.StopTraining = true;
        if (es.RestoreBestWeights && BestWeights is not null)
        {
            context.Network.Parameters.CopyFrom(BestWeights);
            context.History.RestoredEpoch = BestEpoch;
        }
    }
}
