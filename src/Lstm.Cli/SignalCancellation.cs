using System.Runtime.InteropServices;

namespace Lstm.Cli;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancelled <see cref="Token"/> instead of killing the process,
/// so training stops between batches and leaves its files intact. A second Ctrl+C ends the process at once.
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _error;

    /// <summary>Starts listening for SIGINT and SIGTERM; <paramref name="error"/> gets a note when the first one arrives.</summary>
    public SignalCancellation(TextWriter error)
    {
        _error = error;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled when the first signal arrives.</summary>
    public CancellationToken Token => _source.Token;

    private void OnSignal(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested) return; // second signal: let the default handler end the process
        context.Cancel = true;
        _error.WriteLine();
        _error.WriteLine("Stopping after the current step (press Ctrl+C again to quit at once)...");
        _source.Cancel();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
