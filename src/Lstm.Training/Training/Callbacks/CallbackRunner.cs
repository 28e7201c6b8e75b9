namespace Lstm.Training.Training.Callbacks;

/// <summary>
/// Calls every callback's hook in list order. Exceptions of the built-in callbacks (the first <c>builtIn</c>) pass
/// through unchanged, as before callbacks existed; those of user callbacks become a <see cref="CallbackException"/>
/// naming the callback, except cancellation.
/// </summary>
internal sealed class CallbackRunner(Callback[] callbacks, int builtIn, CallbackContext context)
{
    public void OnTrainBegin() => Run(nameof(Callback.OnTrainBegin), c => c.OnTrainBegin(context));

    public void OnEpochBegin(int epoch) => Run(nameof(Callback.OnEpochBegin), c => c.OnEpochBegin(epoch, context));

    public void OnBatchEnd(TrainingProgress progress) => Run(nameof(Callback.OnBatchEnd), c => c.OnBatchEnd(progress, context));

    public void OnEpochEnd(EpochResult result) => Run(nameof(Callback.OnEpochEnd), c => c.OnEpochEnd(result, context));

    public void OnTrainEnd() => Run(nameof(Callback.OnTrainEnd), c => c.OnTrainEnd(context));

    private void Run(string hook, Action<Callback> call)
    {
        for (int i = 0; i < callbacks.Length; i++)
        {
            if (i < builtIn)
            {
                call(callbacks[i]);
                continue;
            }
            try
            {
                call(callbacks[i]);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new CallbackException(callbacks[i], hook, e);
            }
        }
    }
}
