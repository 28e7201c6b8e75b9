using System.Globalization;

namespace Lstm.Cli.Data;

/// <summary>
/// Shows the IMDB download's progress: a line redrawn in place on a terminal
/// (<c>Downloading  41.9/80.2 MiB  52%</c>), or a plain line every 10% when output is redirected.
/// </summary>
internal sealed class DownloadProgressLine(TextWriter output, bool terminal) : IProgress<(long bytes, long? total)>
{
    private int _lastTenth = -1;
    private bool _open;

    /// <inheritdoc/>
    public void Report((long bytes, long? total) value)
    {
        string text = Describe(value.bytes, value.total);
        if (terminal)
        {
            output.Write("\r" + text);
            _open = true;
        }
        else
        {
            int tenth = value.total is > 0 and long t ? (int)(10 * value.bytes / t) : (int)(value.bytes >> 23);
            if (tenth == _lastTenth) return;
            _lastTenth = tenth;
            output.WriteLine(text);
        }
        output.Flush();
    }

    /// <summary>Ends the redrawn line.</summary>
    public void Finish()
    {
        if (!_open) return;
        output.WriteLine();
        _open = false;
    }

    /// <summary><c>Downloading  41.9/80.2 MiB  52%</c>, or without total and percentage when the size is unknown.</summary>
    public static string Describe(long bytes, long? total)
    {
        const double MiB = 1 << 20;
        var c = CultureInfo.InvariantCulture;
        return total is > 0 and long t
            ? string.Format(c, "Downloading  {0:0.0}/{1:0.0} MiB  {2}%", bytes / MiB, t / MiB, 100 * bytes / t)
            : string.Format(c, "Downloading  {0:0.0} MiB", bytes / MiB);
    }
}
