namespace Lstm.Training.Training;

/// <summary>
/// Thrown by <see cref="Trainer.Fit"/> when a batch's loss is not a finite number (the weights are left as they were
/// before that batch: its update is not applied) or when an update made a weight overflow (the weights are then not
/// usable). No checkpoint is written for the unfinished epoch, and a network with non-finite weights cannot be saved.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for <paramref name="epoch"/> and <paramref name="batch"/> (1-based) and the loss seen.</summary>
    /// <param name="epoch">Epoch (1-based).</param>
    /// <param name="batch">Batch within the epoch (1-based).</param>
    /// <param name="loss">The loss seen.</param>
    /// <param name="weightsOverflowed">True when the loss was finite but the update made a weight infinite or NaN.</param>
    public TrainingDivergedException(int epoch, int batch, double loss, bool weightsOverflowed = false)
        : base(weightsOverflowed
            ? FormattableString.Invariant($"Training diverged at epoch {epoch}, batch {batch} (a weight overflowed to infinity); lower the learning rate (or set a gradient clip norm).")
            : FormattableString.Invariant($"Training diverged at epoch {epoch}, batch {batch} (loss {loss}); lower the learning rate (or set a gradient clip norm)."))
    {
        Epoch = epoch;
        Batch = batch;
        Loss = loss;
    }

    /// <summary>Epoch of the batch whose loss was not finite (1-based).</summary>
    public int Epoch { get; }

    /// <summary>The batch (1-based, within its epoch).</summary>
    public int Batch { get; }

    /// <summary>The loss: NaN or infinite.</summary>
    public double Loss { get; }
}
