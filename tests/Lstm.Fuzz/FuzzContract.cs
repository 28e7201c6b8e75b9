namespace Lstm.Fuzz;

/// <summary>
/// Runs one input through a target and enforces the readers' contract: the call returns, or throws
/// <see cref="InvalidDataException"/> with a message that names the input. Anything else escapes, and SharpFuzz reports
/// it to afl-fuzz as a crash.
/// </summary>
internal static class FuzzContract
{
    /// <summary>Most bytes one input may allocate: 256 MiB, far more than any seed-sized input needs.</summary>
    public const long AllocationBudget = 256L << 20;

    /// <summary>Longest one input may run before <see cref="Watchdog"/> ends the process as a hang: 10 s.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Checks <paramref name="input"/>; returns the refusal's message, or null when the reader accepted it.</summary>
    /// <exception cref="Exception">Any exception but a documented refusal: a finding.</exception>
    public static string? Check(FuzzTarget target, byte[] input, Workspace workspace)
    {
        Action call = target.Prepare(input, workspace);
        long before = GC.GetTotalAllocatedBytes(precise: false);
        string? refusal = null;
        using (Watchdog.Start(target, Timeout))
        {
            try
            {
                call();
            }
            catch (InvalidDataException e) when (IsDocumented(e, target))
            {
                refusal = e.Message;
            }
        }
        long allocated = GC.GetTotalAllocatedBytes(precise: false) - before;
        if (allocated > AllocationBudget)
        {
            string outcome = refusal is null ? "and was accepted" : $"before it was refused: {refusal}";
            throw new FuzzFindingException($"{target.Name}: a {input.Length:N0}-byte input allocated {allocated:N0} bytes (budget {AllocationBudget:N0}) {outcome}");
        }
        return refusal;
    }

    private static bool IsDocumented(InvalidDataException e, FuzzTarget target) =>
        !string.IsNullOrWhiteSpace(e.Message) && e.Message.Contains(target.SourceName, StringComparison.Ordinal);
}
