using System.Globalization;

namespace Lstm.Cli.Progress;

/// <summary>
/// A "done of total" line for work without epochs (evaluation): <c>Evaluating  3072/25000</c>, redrawn in place on a
/// terminal; nothing at all when output is redirected, where only the result line matters.
/// </summary>
internal sealed class CountProgressLine(TextWriter output, bool terminal, string label, int total)
{
    private bool _open;

    /// <summary>Shows that <paramref name="done"/> items are finished.</summary>
    public void Report(int done)
    {
        if (!terminal) return;
        output.Write(string.Create(CultureInfo.InvariantCulture, $"\r{label}  {ProgressText.Steps(done, total)}"));
        output.Flush();
        _open = true;
    }

    /// <summary>Clears the redrawn line.</summary>
    public void Finish()
    {
        if (!_open) return;
        output.Write('\r' + new string(' ', label.Length + 2 + 2 * total.ToString(CultureInfo.InvariantCulture).Length + 1) + '\r');
        output.Flush();
        _open = false;
    }
}
