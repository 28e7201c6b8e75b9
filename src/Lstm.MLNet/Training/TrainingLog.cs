using System.Globalization;
using Lstm.Training.Embeddings;
using Lstm.Training.Training;
using Microsoft.ML.Runtime;

namespace Lstm.MLNet.Training;

/// <summary>
/// Sends a training run's progress to an ML.NET channel, which <c>MLContext.Log</c> delivers: one Info message per
/// epoch (Keras's metrics: loss and accuracy, or loss and mae for regression) and a Trace message each tenth of an
/// epoch's batches. Speeds are in examples per second, named by the constructor's <c>examples</c> ("reviews", "windows").
/// </summary>
internal sealed class TrainingLog(IChannel? channel, string examples = "reviews")
{
    private readonly IChannel? _channel = channel;
    private readonly string _examples = examples;

    private readonly Lock _lock = new();
    private int _lastTenth = -1;

    /// <summary>Where word2vec's progress goes (Trace messages; word2vec reports from its worker threads).</summary>
    public IProgress<Word2VecProgress> Word2Vec => new Word2VecTrace(this);

    /// <summary>An Info message.</summary>
    public void Info(string message) => _channel?.Info(MessageSensitivity.None, message);

    /// <summary>A Warning message.</summary>
    public void Warning(string message) => _channel?.Warning(MessageSensitivity.None, message);

    /// <summary>The <see cref="FitOptions.Progress"/> callback.</summary>
    public void Report(TrainingProgress progress)
    {
        if (_channel is null) return;
        if (progress.EpochResult is { } epoch)
        {
            _lastTenth = -1;
            string metrics = epoch.MeanAbsoluteError is { } mae
                ? Format($"loss {epoch.Loss:F4}, mae {mae:F4}{(epoch.ValLoss is { } vl ? Format($", val_loss {vl:F4}, val_mae {epoch.ValMeanAbsoluteError:F4}") : "")}")
                : Format($"loss {epoch.Loss:F4}, accuracy {epoch.Accuracy:F4}{(epoch.ValLoss is { } vl2 ? Format($", val_loss {vl2:F4}, val_accuracy {epoch.ValAccuracy:F4}") : "")}");
            _channel.Info(MessageSensitivity.None, Format(
                $"Epoch {epoch.Epoch}/{progress.Epochs}: {metrics} ({epoch.TrainSeconds:F1} s, {progress.SequencesPerSecond:F0} {_examples}/s)"));
            return;
        }
        int tenth = progress.Batch * 10 / progress.Batches;
        if (tenth == _lastTenth) return;
        _lastTenth = tenth;
        string metric = progress.MeanAbsoluteError is { } runningMae ? Format($"mae {runningMae:F4}") : Format($"accuracy {progress.Accuracy:F4}");
        _channel.Trace(MessageSensitivity.None, Format(
            $"Epoch {progress.Epoch}/{progress.Epochs}, batch {progress.Batch}/{progress.Batches}: loss {progress.Loss:F4}, {metric}, {progress.SequencesPerSecond:F0} {_examples}/s"));
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Word2VecTrace(TrainingLog log) : IProgress<Word2VecProgress>
    {
        public void Report(Word2VecProgress value)
        {
            if (log._channel is not { } ch) return;
            double share = value.TotalWords == 0 ? 1 : Math.Min(1, (double)value.WordsProcessed / value.TotalWords);
            string line = Format($"word2vec epoch {value.Epoch}/{value.Epochs}: {share:P0} of {value.TotalWords:N0} words, {value.WordsPerSecond:N0} words/s, learning rate {value.LearningRate:0.#####}");
            lock (log._lock) ch.Trace(MessageSensitivity.None, line);
        }
    }
}
