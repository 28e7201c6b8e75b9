namespace Lstm.Fuzz;

/// <summary>
/// Ends the process when one input runs too long, so that a hang becomes a crash afl-fuzz records (the out-of-process
/// fuzzer then starts a fresh child) and a replay prints which input hung.
/// </summary>
internal sealed class Watchdog : IDisposable
{
    private readonly Timer _timer;

    private Watchdog(FuzzTarget target, TimeSpan timeout)
    {
        _timer = new Timer(_ =>
        {
            string message = $"FINDING hang: {target.Name} ran longer than {timeout.TotalSeconds:0} s on one input.";
            Console.Error.WriteLine(message);
            Environment.FailFast(message);
        }, null, timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts watching; dispose when the input is done.</summary>
    public static Watchdog Start(FuzzTarget target, TimeSpan timeout) => new(target, timeout);

    public void Dispose() => _timer.Dispose();
}
