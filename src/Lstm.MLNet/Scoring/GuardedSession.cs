using Microsoft.ML.OnnxRuntime;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// An ONNX Runtime session shared by every cursor and engine of one transformer, which may be disposed while they score:
/// scoring holds a read lease (<see cref="Acquire"/>), <see cref="Dispose"/> waits for the leases to end, and a lease
/// asked for after it throws <see cref="ObjectDisposedException"/>, because ONNX Runtime itself crashes the process when
/// a disposed session is run.
/// </summary>
internal sealed class GuardedSession(InferenceSession session, string owner, string disposedMessage) : IDisposable
{
    private readonly ReaderWriterLockSlim _lifetime = new(LockRecursionPolicy.NoRecursion);
    private bool _disposed;

    /// <summary>A lease on the session until the returned value is disposed.</summary>
    /// <exception cref="ObjectDisposedException">The session was disposed; the message is the owner's.</exception>
    public Lease Acquire()
    {
        _lifetime.EnterReadLock();
        if (_disposed)
        {
            _lifetime.ExitReadLock();
            throw new ObjectDisposedException(owner, disposedMessage);
        }
        return new Lease(this);
    }

    /// <summary>Releases the session once no lease is held.</summary>
    public void Dispose()
    {
        _lifetime.EnterWriteLock();
        try
        {
            if (_disposed) return;
            _disposed = true;
            session.Dispose();
        }
        finally
        {
            _lifetime.ExitWriteLock();
        }
    }

    /// <summary>The session, usable until the lease is disposed.</summary>
    public readonly struct Lease(GuardedSession owner) : IDisposable
    {
        /// <summary>The session.</summary>
        public InferenceSession Session => owner.Session;

        /// <summary>Ends the lease.</summary>
        public void Dispose() => owner._lifetime.ExitReadLock();
    }

    private InferenceSession Session => session;
}
