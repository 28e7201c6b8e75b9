using System.Globalization;
using Lstm.Training.Training;
using Microsoft.ML.Runtime;

namespace Lstm.MLNet.Training;

/// <summary>
/// Sends a training run's progress to an ML.NET channel, which <c>MLContext.Log</c> delivers: one Info message per
/// epoch (Keras's metrics: loss and accuracy, or loss and mae for regression) and a Trace message each tenth of an
/// epoch's batches.
/// </summary>
internal sealed class TrainingLog(IChannel? channel)
{
    private int _lastTenth = -1;

    /// <summary>An Info message.</summary>
    public void Info(string message) => channel?.Info(MessageSensitivity.None, message);

    /// <summary>A Warning message.</summary>
    public void Warning(string message) => channel?.Warning(MessageSensitivity.None, message);

    /// <summary>The <see cref="FitOptions.Progress"/> callback.</summary>
    public void Report(TrainingProgress progress)
    {
        if (channel is null) return;
        if (progress.EpochResult is { } epoch)
        {
            _lastTenth = -1;
            string metrics = epoch.MeanAbsoluteError is { } mae
                ? Format($"loss {epoch.Loss:F4}, mae {mae:F4}{(epoch.ValLoss is { } vl ? Format($", val_loss {vl:F4}, val_mae {epoch.ValMeanAbsoluteError:F4}") : "")}")
                : Format($"loss {epoch.Loss:F4}, accuracy {epoch.Accuracy:F4}{(epoch.ValLoss is { } vl2 ? Format($", val_loss {vl2:F4}, val_accuracy {epoch.ValAccuracy:F4}") : "")}");
            channel.Info(MessageSensitivity.None, Format(
                $"Epoch {epoch.Epoch}/{progress.Epochs}: {metrics} ({epoch.TrainSeconds:F1} s, {progress.SequencesPerSecond:F0} reviews/s)"));
            return;
        }
        int tenth = progress.Batch * 10 / progress.Batches;
        if (tenth == _lastTenth) return;
        _lastTenth = tenth;
        string metric = progress.MeanAbsoluteError is { } runningMae ? Format($"mae {runningMae:F4}") : Format($"accuracy {progress.Accuracy:F4}");
        channel.Trace(MessageSensitivity.None, Format(
            $"Epoch {progress.Epoch}/{progress.Epochs}, batch {progress.Batch}/{progress.Batches}: loss {progress.Loss:F4}, {metric}, {progress.SequencesPerSecond:F0} reviews/s"));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
