using System.Diagnostics;
using System.Globalization;

namespace Lstm.Cli.Progress;

/// <summary>
/// A "done of total" progress for work without epochs (evaluation). On a terminal one line is redrawn in place,
/// <c>Evaluating  3072/25000</c>, and cleared at the end; when output is redirected (log files, CI) plain lines are
/// printed about every tenth of the work, as <c>lstm train</c> does:
/// <c>Evaluating  3072/25000 (12%) - 1021.4 reviews/s - ETA 0:21</c>.
/// </summary>
internal sealed class CountProgressLine(TextWriter output, bool terminal, string label, int total)
{
    /// <summary>Lines printed over the whole work when output is redirected (at most; one per report).</summary>
    public const int Lines = 10;

    private readonly long _start = Stopwatch.GetTimestamp();
    private bool _open;
    private int _nextLine = 1;

    /// <summary>Shows that <paramref name="done"/> items are finished.</summary>
    public void Report(int done)
    {
        if (!terminal)
        {
            // A line each time a tenth of the work is crossed (several tenths in one report give one line).
            if (total <= 0 || (long)done * Lines < (long)_nextLine * total) return;
            _nextLine = (int)((long)done * Lines / total) + 1;
            output.WriteLine(RedirectedLine(done, Stopwatch.GetElapsedTime(_start)));
            output.Flush();
            return;
        }
        output.Write(string.Create(CultureInfo.InvariantCulture, $"\r{label}  {ProgressText.Steps(done, total)}"));
        output.Flush();
        _open = true;
    }

    /// <summary>Clears the redrawn line (on a terminal; redirected lines stay).</summary>
    public void Finish()
    {
        if (!_open) return;
        output.Write('\r' + new string(' ', label.Length + 2 + 2 * total.ToString(CultureInfo.InvariantCulture).Length + 1) + '\r');
        output.Flush();
        _open = false;
    }

    /// <summary>The redirected line after <paramref name="done"/> items in <paramref name="elapsed"/>.</summary>
    public string RedirectedLine(int done, TimeSpan elapsed)
    {
        double seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        double rate = done / seconds;
        int percent = (int)(100L * done / Math.Max(1, total));
        var remaining = TimeSpan.FromSeconds(rate > 0 ? (total - done) / rate : 0);
        return $"{label}  {ProgressText.Steps(done, total)} ({percent}%) - {ProgressText.Rate(rate)} reviews/s - ETA {ProgressText.Clock(remaining)}";
    }
}
