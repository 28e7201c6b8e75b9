using Lstm.Training.Models;
using Microsoft.ML.Runtime;

namespace Lstm.MLNet;

public sealed partial class LstmForecastingEstimator
{
    /// <summary>
    /// Settings of <c>mlContext.Forecasting.ForecastByLstm(…)</c>. The column, window, horizon and training-size options
    /// mean what ML.NET's <c>ForecastBySsa</c> options of the same names mean.
    /// </summary>
    public sealed class Options
    {
        /// <summary>The added column, <c>Vector&lt;Single, Horizon&gt;</c>: the forecast of the next <see cref="Horizon"/> target values. Default "Forecast".</summary>
        public string OutputColumnName { get; set; } = "Forecast";

        /// <summary>The Single column of the series to forecast (the target). Required.</summary>
        public string InputColumnName { get; set; } = "";

        /// <summary>Other Single columns the network reads at each step beside the target (e.g. weather beside a load); empty for none. Default empty.</summary>
        public IReadOnlyList<string> FeatureColumnNames { get; set; } = [];

        /// <summary>Rows per window (W): a forecast reads the target and features of the last W rows. At least 1; required.</summary>
        public int WindowSize { get; set; }

        /// <summary>Values forecast (H): the target at the next 1 … H rows after the window. At least 1; required.</summary>
        public int Horizon { get; set; }

        /// <summary>
        /// Rows from the start of the input used for training (as <c>ForecastBySsa</c>'s <c>trainSize</c>); the rest are
        /// not read by <c>Fit</c>. Null (the default): all rows. The last <see cref="ValidationFraction"/> of them is the
        /// validation tail for early stopping.
        /// </summary>
        public int? TrainSize { get; set; }

        /// <summary>
        /// Share of the training rows, at their chronological end, held out for early stopping (windows whose targets lie
        /// there). The scaler is learned on the rows before it. 0 to below 1; 0 turns validation and early stopping off. Default 0.1.
        /// </summary>
        public float ValidationFraction { get; set; } = 0.1f;

        /// <summary>The recurrent layers' kind: LSTM, GRU or SimpleRNN. Default <see cref="RecurrentKind.Lstm"/>.</summary>
        public RecurrentKind RecurrentKind { get; set; } = RecurrentKind.Lstm;

        /// <summary>Units per recurrent layer (per direction). Default 64.</summary>
        public int Units { get; set; } = 64;

        /// <summary>Stacked recurrent layers. Default 1.</summary>
        public int Layers { get; set; } = 1;

        /// <summary>Whether each recurrent layer also reads the window backwards. Default false.</summary>
        public bool Bidirectional { get; set; }

        /// <summary>Dropout on each recurrent layer's inputs during training, 0 to below 1. Default 0.</summary>
        public float Dropout { get; set; }

        /// <summary>Most passes over the training windows. Default 30.</summary>
        public int Epochs { get; set; } = 30;

        /// <summary>Windows per gradient step. Default 32.</summary>
        public int BatchSize { get; set; } = 32;

        /// <summary>Adam's learning rate. Default 0.001.</summary>
        public float LearningRate { get; set; } = 0.001f;

        /// <summary>Epochs without a better validation loss before training stops (the best epoch's weights are kept); 0 turns early stopping off. Default 5.</summary>
        public int EarlyStoppingPatience { get; set; } = 5;

        /// <summary>Seed of the initial weights, shuffling and dropout. Default 42.</summary>
        public int Seed { get; set; } = 42;

        /// <summary>Threads for training and for ONNX Runtime's scoring; null uses every core. Default null.</summary>
        public int? NumberOfThreads { get; set; }

        /// <summary>
        /// Where progress goes: pass the <see cref="Microsoft.ML.MLContext"/> and its <c>Log</c> event receives one Info
        /// message per epoch (loss, mae, val_loss, val_mae), one with the windows used, and Trace messages within epochs.
        /// Null: no messages. Default null.
        /// </summary>
        public IChannelProvider? Log { get; set; }

        /// <summary>Cancels training between batches. Default none.</summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
        public void Validate()
        {
            if (string.IsNullOrWhiteSpace(OutputColumnName)) throw new ArgumentException("OutputColumnName must not be empty.", nameof(OutputColumnName));
            if (string.IsNullOrWhiteSpace(InputColumnName)) throw new ArgumentException("InputColumnName is required: the Single column of the series to forecast.", nameof(InputColumnName));
            if (FeatureColumnNames is null) throw new ArgumentException("FeatureColumnNames must not be null (use an empty list for none).", nameof(FeatureColumnNames));
            string[] inputs = [InputColumnName, .. FeatureColumnNames];
            if (inputs.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("FeatureColumnNames holds an empty name.", nameof(FeatureColumnNames));
            var duplicate = inputs.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new ArgumentException($"Column '{duplicate.Key}' is named more than once among InputColumnName and FeatureColumnNames.", nameof(FeatureColumnNames));
            if (WindowSize < 1) throw new ArgumentOutOfRangeException(nameof(WindowSize), WindowSize, "WindowSize (rows per window) must be at least 1.");
            if (Horizon < 1) throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, "Horizon (values forecast) must be at least 1.");
            if (TrainSize is { } trainSize && trainSize < WindowSize + Horizon)
                throw new ArgumentOutOfRangeException(nameof(TrainSize), trainSize, $"TrainSize ({trainSize}) must be at least WindowSize ({WindowSize}) + Horizon ({Horizon}) = {WindowSize + Horizon}, or null for all rows.");
            if (!(ValidationFraction >= 0 && ValidationFraction < 1)) throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "ValidationFraction must be at least 0 and below 1.");
            if (Units < 1 || Units > NetworkSpec.MaxUnits) throw new ArgumentOutOfRangeException(nameof(Units), Units, $"Units must be 1 to {NetworkSpec.MaxUnits}.");
            if (Layers < 1 || Layers > NetworkSpec.MaxLayers) throw new ArgumentOutOfRangeException(nameof(Layers), Layers, $"Layers must be 1 to {NetworkSpec.MaxLayers}.");
            if (!(Dropout >= 0 && Dropout < 1)) throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout must be at least 0 and below 1.");
            if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
            if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
            if (!(LearningRate > 0) || !float.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be finite and positive.");
            if (EarlyStoppingPatience < 0) throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), EarlyStoppingPatience, "EarlyStoppingPatience must be 0 (off) or more.");
            if (NumberOfThreads is < 1) throw new ArgumentOutOfRangeException(nameof(NumberOfThreads), NumberOfThreads, "NumberOfThreads must be at least 1, or null for every core.");
        }

        /// <summary>The target followed by the features: the network's input columns, in input order.</summary>
        internal string[] InputColumns() => [InputColumnName, .. FeatureColumnNames];

        /// <summary>The network these settings describe.</summary>
        internal NetworkSpec ToNetworkSpec()
        {
            var layer = new RecurrentLayerSpec { Kind = RecurrentKind, Units = Units, Dropout = Dropout, RecurrentDropout = 0, Bidirectional = Bidirectional };
            return NetworkSpec.ForFeatures(1 + FeatureColumnNames.Count, Horizon) with { Recurrent = [.. Enumerable.Repeat(layer, Layers)] };
        }
    }
}
