namespace Lstm.Cli;

/// <summary>Process exit codes of the <c>lstm</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Bad options, or a missing, unreadable or malformed file.</summary>
    public const int UserError = 1;

    /// <summary>The IMDB dataset is not available: not cached and it could not (or may not) be downloaded.</summary>
    public const int DatasetUnavailable = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
