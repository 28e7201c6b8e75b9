namespace Lstm.Training;

/// <summary>Whether a process that wrote a file is still at work (temporary files, a run's "running" status).</summary>
public static class ProcessState
{
    /// <summary>True when a process with id <paramref name="pid"/> exists and has not exited.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
