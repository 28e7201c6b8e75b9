using Lstm.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Lstm.MLNet;

public sealed partial class LstmTrainer
{
    /// <summary>
    /// Settings of <see cref="LstmTrainer"/>. Every default is the Keras program this project reproduces:
    /// <c>Embedding(10000, 128)</c> → <c>LSTM(128, dropout=0.2, recurrent_dropout=0.2)</c> → <c>Dense(1, sigmoid)</c>,
    /// <c>pad_sequences(maxlen=500)</c>, Adam(0.001), batch 32, 10 epochs.
    /// </summary>
    public sealed class Options
    {
        /// <summary>The Boolean label column (true = positive). Default "Label".</summary>
        public string LabelColumnName { get; set; } = "Label";

        /// <summary>The String column holding the text. Default "Text".</summary>
        public string TextColumnName { get; set; } = "Text";

        /// <summary>Ids per review after padding or truncation, counting the start id (Keras <c>maxlen</c>; long reviews keep their end). Default 500.</summary>
        public int MaxLength { get; set; } = SeedDefaults.MaxLength;

        /// <summary>Vocabulary size: ids are below this, so the <c>NumWords − 4</c> most frequent training words get their own id (Keras <c>num_words</c>); also the embedding's rows. Default 10,000.</summary>
        public int NumWords { get; set; } = SeedDefaults.NumWords;

        /// <summary>Width of each word vector (Keras <c>Embedding</c> <c>output_dim</c>). Default 128.</summary>
        public int EmbeddingDim { get; set; } = SeedDefaults.EmbeddingDim;

        /// <summary>LSTM hidden units (Keras <c>LSTM(units)</c>). Default 128.</summary>
        public int Units { get; set; } = SeedDefaults.Units;

        /// <summary>Fraction of the LSTM's inputs dropped while training (Keras <c>dropout</c>). Default 0.2.</summary>
        public float Dropout { get; set; } = SeedDefaults.Dropout;

        /// <summary>Fraction of the LSTM's recurrent state dropped while training (Keras <c>recurrent_dropout</c>). Default 0.2.</summary>
        public float RecurrentDropout { get; set; } = SeedDefaults.RecurrentDropout;

        /// <summary>Passes over the training data. Default 10.</summary>
        public int Epochs { get; set; } = SeedDefaults.Epochs;

        /// <summary>Reviews per gradient step. Default 32.</summary>
        public int BatchSize { get; set; } = SeedDefaults.BatchSize;

        /// <summary>Adam's learning rate. Default 0.001.</summary>
        public float LearningRate { get; set; } = SeedDefaults.LearningRate;

        /// <summary>
        /// Rows with the same text and label columns, evaluated after every epoch (Keras <c>validation_data</c>:
        /// <c>val_loss</c>, <c>val_accuracy</c>). Needed by early stopping on a validation metric. Default null (none).
        /// </summary>
        public IDataView? ValidationSet { get; set; }

        /// <summary>Epochs without improvement of <see cref="EarlyStoppingMetric"/> before training stops; null turns early stopping off. Default null.</summary>
        public int? EarlyStoppingPatience { get; set; }

        /// <summary>What early stopping watches: "val_loss", "val_accuracy", "loss" or "accuracy". Default "val_loss".</summary>
        public string EarlyStoppingMetric { get; set; } = "val_loss";

        /// <summary>Smallest change of the metric that counts as an improvement. Default 0.</summary>
        public double EarlyStoppingMinDelta { get; set; }

        /// <summary>When early stopping ends the run, go back to the weights of the best epoch. Default true.</summary>
        public bool RestoreBestWeights { get; set; } = true;

        /// <summary>Seed of the initial weights, shuffling and dropout masks; the same seed and data give the same model. Default 42.</summary>
        public int Seed { get; set; } = SeedDefaults.Seed;

        /// <summary>Threads used by training (results do not depend on it) and by ONNX Runtime when scoring; null for one per core. Default null.</summary>
        public int? NumberOfThreads { get; set; }

        /// <summary>
        /// Where progress goes: pass the <see cref="MLContext"/> and its <see cref="MLContext.Log"/> event receives one
        /// Info message per epoch and Trace messages during it. ML.NET 5.0.1 gives a component no public way to reach
        /// the MLContext behind a catalog, so this is explicit. Default null (no messages).
        /// </summary>
        public IChannelProvider? Log { get; set; }

        /// <summary>
        /// Stops training between batches; <c>Fit</c> then throws <see cref="OperationCanceledException"/>. (ML.NET 5.0.1's
        /// <c>MLContext.CancelExecution</c> is internal, so this token is the public way.) Default none.
        /// </summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>Throws <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
        public void Validate()
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumnName, nameof(LabelColumnName));
            ArgumentException.ThrowIfNullOrWhiteSpace(TextColumnName, nameof(TextColumnName));
            if (LabelColumnName == TextColumnName)
                throw new ArgumentException($"The label and text columns are both '{TextColumnName}'.", nameof(LabelColumnName));
            Positive(MaxLength, nameof(MaxLength));
            if (NumWords < SeedDefaults.MinimumNumWords) throw new ArgumentOutOfRangeException(nameof(NumWords), NumWords, $"NumWords must be at least {SeedDefaults.MinimumNumWords}: ids 0-3 are reserved.");
            Positive(EmbeddingDim, nameof(EmbeddingDim));
            Positive(Units, nameof(Units));
            Rate(Dropout, nameof(Dropout));
            Rate(RecurrentDropout, nameof(RecurrentDropout));
            Positive(Epochs, nameof(Epochs));
            Positive(BatchSize, nameof(BatchSize));
            if (!(LearningRate > 0) || float.IsInfinity(LearningRate))
                throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be a positive number.");
            if (NumberOfThreads is { } threads) Positive(threads, nameof(NumberOfThreads));
            if (EarlyStoppingPatience is not { } patience) return;
            Positive(patience, nameof(EarlyStoppingPatience));
            if (EarlyStoppingMetric is not ("val_loss" or "val_accuracy" or "loss" or "accuracy"))
                throw new ArgumentException($"EarlyStoppingMetric is '{EarlyStoppingMetric}'; expected val_loss, val_accuracy, loss or accuracy.", nameof(EarlyStoppingMetric));
            if (EarlyStoppingMetric.StartsWith("val_", StringComparison.Ordinal) && ValidationSet is null)
                throw new ArgumentException($"Early stopping on '{EarlyStoppingMetric}' needs a ValidationSet.", nameof(ValidationSet));
            if (!(EarlyStoppingMinDelta >= 0))
                throw new ArgumentOutOfRangeException(nameof(EarlyStoppingMinDelta), EarlyStoppingMinDelta, "EarlyStoppingMinDelta must be zero or positive.");
        }

        private static void Positive(int value, string name)
        {
            if (value < 1) throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
        }

        private static void Rate(float value, string name)
        {
            if (!(value >= 0f && value < 1f)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [0, 1).");
        }
    }
}
