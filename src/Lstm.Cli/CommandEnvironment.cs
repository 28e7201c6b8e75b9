namespace Lstm.Cli;

/// <summary>
/// What a command talks to: its output and error writers, standard input, whether output goes to a terminal,
/// the cancellation token that Ctrl+C triggers, and the seams tests use to keep the network out.
/// </summary>
internal sealed record CommandEnvironment
{
    /// <summary>Standard output: results and progress.</summary>
    public required TextWriter Output { get; init; }

    /// <summary>Standard error: errors and warnings.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Standard input, read by <c>lstm predict -</c>.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>True when <see cref="Output"/> is an interactive terminal, so a progress bar can be redrawn in place.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Columns of the terminal; progress lines are kept shorter than this.</summary>
    public int TerminalWidth { get; init; } = 120;

    /// <summary>Cancelled by Ctrl+C (SIGINT) or SIGTERM.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Folder searched for (and downloaded into) the IMDB archive when no <c>--data</c> is given; null means the data layer's default.</summary>
    public string? DatasetCacheDirectory { get; init; }

    /// <summary>HTTP handler used by the IMDB download; null means a default one. Tests pass one that never reaches the network.</summary>
    public HttpMessageHandler? DownloadHandler { get; init; }

    /// <summary>The process's console, with the given cancellation token.</summary>
    public static CommandEnvironment FromConsole(CancellationToken cancellationToken) => new()
    {
        Output = Console.Out,
        Error = Console.Error,
        Input = Console.In,
        OutputIsTerminal = !Console.IsOutputRedirected,
        TerminalWidth = ReadTerminalWidth(),
        CancellationToken = cancellationToken,
    };

    private static int ReadTerminalWidth()
    {
        if (Console.IsOutputRedirected) return 120;
        try
        {
            int width = Console.WindowWidth;
            return width > 20 ? width : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
