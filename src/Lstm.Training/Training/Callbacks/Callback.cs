namespace Lstm.Training.Training.Callbacks;

/// <summary>
/// Keras's <c>keras.callbacks.Callback</c>: hooks that <see cref="Trainer.Fit"/> calls on the training thread, in
/// Keras's order: <see cref="OnTrainBegin"/>, then per epoch <see cref="OnEpochBegin"/>, <see cref="OnBatchEnd"/> after
/// every batch and <see cref="OnEpochEnd"/> after validation, and finally <see cref="OnTrainEnd"/>. Epochs and batches
/// are 1-based, as in <see cref="EpochResult"/> and <see cref="TrainingProgress"/>. Override only the hooks you need;
/// pass instances in <see cref="FitOptions.Callbacks"/>.
/// </summary>
public abstract class Callback
{
    /// <summary>Called once when <see cref="Trainer.Fit"/> starts, before the first epoch (also when resuming).</summary>
    public virtual void OnTrainBegin(CallbackContext context) { }

    /// <summary>Called before the first batch of <paramref name="epoch"/> (1-based).</summary>
    public virtual void OnEpochBegin(int epoch, CallbackContext context) { }

    /// <summary>Called after every training batch with the epoch's running loss and accuracy.</summary>
    public virtual void OnBatchEnd(TrainingProgress progress, CallbackContext context) { }

    /// <summary>
    /// Called when an epoch, including validation, is done; <paramref name="result"/> is already in
    /// <see cref="CallbackContext.History"/>. Set <see cref="CallbackContext.StopTraining"/> to end the run here.
    /// </summary>
    public virtual void OnEpochEnd(EpochResult result, CallbackContext context) { }

    /// <summary>Called once when training ends normally (all epochs done or stopped); not after an exception or cancellation.</summary>
    public virtual void OnTrainEnd(CallbackContext context) { }
}
