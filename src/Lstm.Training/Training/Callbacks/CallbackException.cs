namespace Lstm.Training.Training.Callbacks;

/// <summary>Thrown by <see cref="Trainer.Fit"/> when a callback from <see cref="FitOptions.Callbacks"/> throws; the callback's exception is the inner one.</summary>
public sealed class CallbackException : Exception
{
    /// <summary>Wraps <paramref name="inner"/>, thrown by <paramref name="callback"/> in <paramref name="hook"/>.</summary>
    public CallbackException(Callback callback, string hook, Exception inner)
        : base($"Callback {callback?.GetType().FullName} failed in {hook}: {inner?.Message}", inner)
    {
        ArgumentNullException.ThrowIfNull(callback);
        CallbackType = callback.GetType();
        Hook = hook;
    }

    /// <summary>The type of the callback that threw.</summary>
    public Type CallbackType { get; }

    /// <summary>The hook that threw, such as "OnEpochEnd".</summary>
    public string Hook { get; }
}
