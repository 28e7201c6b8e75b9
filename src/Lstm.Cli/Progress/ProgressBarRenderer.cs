using System.Diagnostics;
using Lstm.Training.Training;

namespace Lstm.Cli.Progress;

/// <summary>
/// The terminal renderer: one line rewritten with <c>\r</c>, e.g.
/// <c>Epoch 1/10  312/782 [=========&gt;.........] loss 0.6812  acc 0.5630  214.3 reviews/s  ETA 2:11</c>,
/// redrawn at most every <see cref="MinimumInterval"/>, then replaced by the epoch summary.
/// </summary>
internal sealed class ProgressBarRenderer : ProgressRenderer
{
    /// <summary>Keras's bar width.</summary>
    public const int BarWidth = 30;

    private const int MinimumBarWidth = 10;
    private readonly TextWriter _output;
    private readonly int _width;
    private readonly bool _hasValidation;
    private long _lastDraw;
    private int _drawnLength;

    /// <summary>Draws on <paramref name="output"/>, keeping lines under <paramref name="width"/> columns.</summary>
    public ProgressBarRenderer(TextWriter output, int width, bool hasValidation)
    {
        _output = output;
        _width = Math.Max(40, width);
        _hasValidation = hasValidation;
    }

    /// <summary>Shortest time between two redraws of the bar (the first and last batch of an epoch are always drawn). Default 0.1 s.</summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc/>
    public override void Report(TrainingProgress progress)
    {
        if (progress.EpochResult is { } result)
        {
            Draw(ProgressText.EpochSummary(result, progress.Epochs));
            _output.WriteLine();
            _drawnLength = 0;
            _output.Flush();
            return;
        }
        long now = Stopwatch.GetTimestamp();
        bool edge = progress.Batch == 1 || progress.Batch == progress.Batches;
        if (!edge && Stopwatch.GetElapsedTime(_lastDraw, now) < MinimumInterval) return;
        _lastDraw = now;
        Draw(Line(progress));
        _output.Flush();
    }

    /// <inheritdoc/>
    public override void Interrupt()
    {
        if (_drawnLength == 0) return;
        _output.WriteLine();
        _drawnLength = 0;
        _output.Flush();
    }

    /// <summary>The bar line for <paramref name="progress"/>, fitted to the terminal width.</summary>
    public string Line(TrainingProgress progress)
    {
        string head = $"{ProgressText.EpochLabel(progress.Epoch, progress.Epochs)}  {ProgressText.Steps(progress.Batch, progress.Batches)} [";
        string tail = $"] loss {ProgressText.Metric(progress.Loss)}  {ProgressText.ShortMetric(progress)}"
            + $"  {ProgressText.Rate(progress.SequencesPerSecond)} reviews/s  "
            + (progress.Batch >= progress.Batches && _hasValidation ? "validating..." : $"ETA {ProgressText.Clock(progress.Remaining)}");
        int room = _width - 1 - head.Length - tail.Length;
        int bar = Math.Clamp(room, MinimumBarWidth, BarWidth);
        string line = head + ProgressText.Bar(progress.Batch, progress.Batches, bar) + tail;
        return line.Length < _width ? line : line[..(_width - 1)];
    }

    // Rewrites the current line; spaces clear what a longer previous line left behind.
    private void Draw(string line)
    {
        int clear = Math.Max(0, _drawnLength - line.Length);
        _output.Write('\r');
        _output.Write(line);
        if (clear > 0) _output.Write(new string(' ', clear));
        _drawnLength = line.Length;
    }
}
