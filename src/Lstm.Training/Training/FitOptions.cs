using Lstm.Training.Training.Callbacks;

namespace Lstm.Training.Training;

/// <summary>How <see cref="Trainer.Fit"/> trains, with Keras's <c>compile</c>/<c>fit</c> defaults.</summary>
public sealed record FitOptions
{
    /// <summary>Passes over the training data. Default 10 (the seed's).</summary>
    public int Epochs { get; init; } = SeedDefaults.Epochs;

    /// <summary>Sequences per gradient step. Default 32.</summary>
    public int BatchSize { get; init; } = SeedDefaults.BatchSize;

    /// <summary>Adam's learning rate. Default 0.001.</summary>
    public float LearningRate { get; init; } = SeedDefaults.LearningRate;

    /// <summary>When set, gradients are scaled so that their global L2 norm is at most this (Keras <c>global_clipnorm</c>). Default none.</summary>
    public float? ClipNorm { get; init; }

    /// <summary>Shuffle the training data every epoch. Default true.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the shuffling and dropout masks; with the same seed a run is reproduced bit for bit. Default 42.</summary>
    public ulong Seed { get; init; } = SeedDefaults.Seed;

    /// <summary>Threads used; results do not depend on it. Default: all cores.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Sequences per step of validation and prediction. Default 256.</summary>
    public int ValidationBatchSize { get; init; } = 256;

    /// <summary>
    /// Keras's <c>class_weight</c>: each class index's loss is multiplied by its weight (classes not listed weigh 1), on
    /// top of the examples' own weights. For classifiers only. Default none.
    /// </summary>
    public IReadOnlyDictionary<int, float>? ClassWeight { get; init; }

    /// <summary>Stop when the monitored metric stops improving. Default none.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Lower the learning rate when the monitored metric stops improving. Default none.</summary>
    public ReduceLearningRateOnPlateau? ReduceLearningRateOnPlateau { get; init; }

    /// <summary>When set, a checkpoint that <see cref="Trainer.Resume"/> continues from is written here (atomically) after every epoch.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Called after every training batch and at the end of each epoch, on the training thread.</summary>
    public Action<TrainingProgress>? Progress { get; init; }

    /// <summary>
    /// Keras's <c>callbacks</c>: objects whose hooks run during <see cref="Trainer.Fit"/>, in this order, after the
    /// built-in ones made from <see cref="EarlyStopping"/>, <see cref="ReduceLearningRateOnPlateau"/>,
    /// <see cref="CheckpointPath"/> and <see cref="Progress"/> (which run in that order). An exception they throw
    /// comes out of <see cref="Trainer.Fit"/> as a <see cref="CallbackException"/>. Their state is not saved in
    /// checkpoints, and the <see cref="CheckpointPath"/> one is written before they run: to save a stop they request,
    /// add a <see cref="ModelCheckpointCallback"/> after them. Default empty.
    /// </summary>
    public IReadOnlyList<Callback> Callbacks { get; init; } = [];

    /// <summary>Largest <see cref="BatchSize"/> accepted.</summary>
    public const int MaxBatchSize = 1 << 20;

    internal void Validate()
    {
        if (BatchSize > MaxBatchSize) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, $"BatchSize must be at most {MaxBatchSize:N0}.");
        if (ValidationBatchSize > MaxBatchSize) throw new ArgumentOutOfRangeException(nameof(ValidationBatchSize), ValidationBatchSize, $"ValidationBatchSize must be at most {MaxBatchSize:N0}.");
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (!(LearningRate > 0) || float.IsInfinity(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be a positive number.");
        if (ClipNorm is { } c && !(c > 0)) throw new ArgumentOutOfRangeException(nameof(ClipNorm), c, "ClipNorm must be positive.");
        if (ValidationBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(ValidationBatchSize), ValidationBatchSize, "ValidationBatchSize must be at least 1.");
        ReduceLearningRateOnPlateau?.Validate();
        if (ClassWeight is not null)
            foreach (var (label, weight) in ClassWeight)
                if (label < 0 || !(weight >= 0) || float.IsInfinity(weight))
                    throw new ArgumentOutOfRangeException(nameof(ClassWeight), weight, $"ClassWeight[{label}] is {weight}; class indices are 0 or more and weights finite and not negative.");
        ArgumentNullException.ThrowIfNull(Callbacks);
        if (Callbacks.Any(c => c is null)) throw new ArgumentException("Callbacks must not hold null.", nameof(Callbacks));
        if (MaxDegreeOfParallelism is < 1) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1.");
    }
}

/// <summary>Keras's <c>ReduceLROnPlateau</c> callback (without cooldown): after <paramref name="Patience"/> epochs without
/// improvement, the learning rate is multiplied by <paramref name="Factor"/>, down to <paramref name="MinLearningRate"/>.</summary>
/// <param name="Monitor">"val_loss" (default), "val_accuracy", "loss" or "accuracy".</param>
/// <param name="Factor">Multiplier applied to the learning rate. Keras's default 0.1.</param>
/// <param name="Patience">Epochs without improvement before lowering. Keras's default 10.</param>
/// <param name="MinDelta">Smallest change that counts as an improvement. Keras's default 1e-4.</param>
/// <param name="MinLearningRate">Floor of the learning rate. Default 0.</param>
public sealed record ReduceLearningRateOnPlateau(string Monitor = "val_loss", float Factor = 0.1f, int Patience = 10, double MinDelta = 1e-4, float MinLearningRate = 0)
{
    internal bool HigherIsBetter => Monitor.EndsWith("accuracy", StringComparison.Ordinal);

    internal void Validate()
    {
        if (!(Factor is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(ReduceLearningRateOnPlateau), Factor, "ReduceLearningRateOnPlateau.Factor must be in (0, 1).");
    }
}

/// <summary>Keras's <c>EarlyStopping</c> callback.</summary>
/// <param name="Monitor">"val_loss" (default), "val_accuracy", "loss" or "accuracy".</param>
/// <param name="Patience">Epochs without improvement before stopping. Default 2.</param>
/// <param name="MinDelta">Smallest change that counts as an improvement. Default 0.</param>
/// <param name="RestoreBestWeights">At the end, put back the weights of the best epoch. Default true.</param>
public sealed record EarlyStopping(string Monitor = "val_loss", int Patience = 2, double MinDelta = 0, bool RestoreBestWeights = true)
{
    internal bool HigherIsBetter => Monitor.EndsWith("accuracy", StringComparison.Ordinal);
}
