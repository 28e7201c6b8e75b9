namespace Lstm.Training.Training;

/// <summary>Where a <see cref="Trainer.Fit"/> run is; passed to <see cref="FitOptions.Progress"/>.</summary>
public sealed record TrainingProgress
{
    /// <summary>1-based epoch.</summary>
    public required int Epoch { get; init; }

    /// <summary>Total epochs planned.</summary>
    public required int Epochs { get; init; }

    /// <summary>Batches done in this epoch.</summary>
    public required int Batch { get; init; }

    /// <summary>Batches per epoch.</summary>
    public required int Batches { get; init; }

    /// <summary>Running mean training loss over this epoch's batches (dropout on), as Keras's progress bar shows it.</summary>
    public required double Loss { get; init; }

    /// <summary>Running training accuracy over this epoch.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Mean absolute error over the epoch's batches so far, for regression networks (whose <see cref="Accuracy"/> is NaN); null for classifiers.</summary>
    public double? MeanAbsoluteError { get; init; }

    /// <summary>Training sequences per second over this epoch so far.</summary>
    public required double SequencesPerSecond { get; init; }

    /// <summary>Time spent in this epoch.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Estimated time left in this epoch's training batches.</summary>
    public required TimeSpan Remaining { get; init; }

    /// <summary>Set once, when the epoch (including validation) is done.</summary>
    public EpochResult? EpochResult { get; init; }
}

/// <summary>One epoch's metrics, as Keras's <c>History</c> records them.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Loss">Mean training loss over the epoch (dropout on).</param>
/// <param name="Accuracy">Training accuracy over the epoch.</param>
/// <param name="ValLoss">Validation loss (dropout off), if validation data was given.</param>
/// <param name="ValAccuracy">Validation accuracy, if validation data was given.</param>
/// <param name="TrainSeconds">Wall time of the training batches.</param>
/// <param name="ValidationSeconds">Wall time of the validation pass.</param>
/// <param name="LearningRate">Adam's learning rate during this epoch.</param>
public sealed record EpochResult(int Epoch, double Loss, double Accuracy, double? ValLoss, double? ValAccuracy, double TrainSeconds, double ValidationSeconds, double LearningRate = 0)
{
    /// <summary>Training mean absolute error (Keras <c>mae</c>) of a regression network; null for classifiers, whose <see cref="Accuracy"/> is set instead (it is NaN for regression).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? MeanAbsoluteError { get; init; }

    /// <summary>Validation mean absolute error (Keras <c>val_mae</c>) of a regression network; null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? ValMeanAbsoluteError { get; init; }
}
