using System.Text.RegularExpressions;
using Lstm.Cli.Progress;
using Lstm.Training.Training;

namespace Lstm.Cli.Tests;

public class ProgressRendererTests
{
    private static TrainingProgress Step(int epoch, int batch, int batches, double loss = 0.6812, double accuracy = 0.5630,
        double rate = 214.3, double remainingSeconds = 131) => new()
        {
            Epoch = epoch,
            Epochs = 10,
            Batch = batch,
            Batches = batches,
            Loss = loss,
            Accuracy = accuracy,
            SequencesPerSecond = rate,
            Elapsed = TimeSpan.FromSeconds(batch),
            Remaining = TimeSpan.FromSeconds(remainingSeconds),
        };

    private static TrainingProgress End(int epoch, int batches, EpochResult result) =>
        Step(epoch, batches, batches, result.Loss, result.Accuracy, 300, 0) with { EpochResult = result };

    private static readonly EpochResult FirstEpoch = new(1, 0.5412, 0.7210, 0.4012, 0.8260, 110.2, 6.8);

    // Feeds a whole epoch of 782 batches (IMDB's 25,000 reviews at batch size 32), then its end.
    private static void RunEpoch(ProgressRenderer renderer, int batches = 782)
    {
        for (int b = 1; b <= batches; b++) renderer.Report(Step(1, b, batches, remainingSeconds: 0.15 * (batches - b)));
        renderer.Report(End(1, batches, FirstEpoch));
    }

    [Fact]
    public void EpochSummaryIsKerasLike() =>
        Assert.Equal("Epoch 1/10 - 117s - loss: 0.5412 - accuracy: 0.7210 - val_loss: 0.4012 - val_accuracy: 0.8260",
            ProgressText.EpochSummary(FirstEpoch, 10));

    [Fact]
    public void EpochSummaryWithoutValidationHasNoValidationMetrics() =>
        Assert.Equal("Epoch 3/5 - 4.2s - loss: 0.3000 - accuracy: 0.9000",
            ProgressText.EpochSummary(new EpochResult(3, 0.3, 0.9, null, null, 4.0, 0.2), 5));

    [Fact]
    public void TerminalLineMatchesTheKerasLikeFormat()
    {
        var renderer = new ProgressBarRenderer(TextWriter.Null, 200, hasValidation: true);
        Assert.Equal("Epoch 1/10  312/782 [==========>...................] loss 0.6812  acc 0.5630  214.3 reviews/s  ETA 2:11",
            renderer.Line(Step(1, 312, 782)));
        Assert.Equal("Epoch 1/10    1/782 [..............................] loss 0.6812  acc 0.5630  214.3 reviews/s  ETA 2:11",
            renderer.Line(Step(1, 1, 782)));
        Assert.EndsWith("[==============================] loss 0.6812  acc 0.5630  214.3 reviews/s  validating...",
            renderer.Line(Step(1, 782, 782)));
    }

    [Fact]
    public void TerminalLineFitsANarrowTerminal()
    {
        var renderer = new ProgressBarRenderer(TextWriter.Null, 80, hasValidation: false);
        string line = renderer.Line(Step(1, 312, 782));
        Assert.True(line.Length < 80, line);
        Assert.Matches(@"^Epoch 1/10  312/782 \[=*>?\.*\] loss 0\.6812", line);
    }

    [Fact]
    public void TerminalModeRewritesOneLineThenPrintsTheSummary()
    {
        var output = new StringWriter();
        RunEpoch(new ProgressBarRenderer(output, 200, hasValidation: true) { MinimumInterval = TimeSpan.Zero });
        string text = output.ToString();

        string[] lines = text.Split('\n');
        Assert.Equal(2, lines.Length); // one rewritten line ended by the summary, then nothing
        Assert.Equal("", lines[1]);
        string[] frames = lines[0].Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(783, frames.Length);
        var bar = new Regex(@"^Epoch 1/10 +\d+/782 \[[=>.]{30}\] loss \d\.\d{4}  acc \d\.\d{4}  \d+\.\d reviews/s  (ETA \d+:\d\d|validating\.\.\.)$");
        foreach (string frame in frames[..^1]) Assert.Matches(bar, frame);
        Assert.Equal("Epoch 1/10 - 117s - loss: 0.5412 - accuracy: 0.7210 - val_loss: 0.4012 - val_accuracy: 0.8260", frames[^1].TrimEnd(' '));
    }

    [Fact]
    public void TerminalModeThrottlesRedraws()
    {
        var output = new StringWriter();
        RunEpoch(new ProgressBarRenderer(output, 200, hasValidation: false) { MinimumInterval = TimeSpan.FromHours(1) });
        // Only the first and last batch are drawn, then the summary.
        Assert.Equal(3, output.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void RedirectedOutputIsPlainLinesAboutEveryTenthOfTheEpoch()
    {
        var output = new StringWriter();
        RunEpoch(ProgressRenderer.Create(output, terminal: false, width: 120, hasValidation: true));
        string text = output.ToString();

        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\b', text);
        string[] lines = text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(lines.Length, 10, 12);
        Assert.Equal("Epoch 1/10   79/782 (10%) - loss: 0.6812 - accuracy: 0.5630 - 214.3 reviews/s - ETA 1:45", lines[0]);
        Assert.EndsWith("validating...", lines[^2]);
        Assert.Equal("Epoch 1/10 - 117s - loss: 0.5412 - accuracy: 0.7210 - val_loss: 0.4012 - val_accuracy: 0.8260", lines[^1]);
    }

    [Fact]
    public void InterruptEndsAHalfDrawnLine()
    {
        var output = new StringWriter();
        var renderer = new ProgressBarRenderer(output, 200, hasValidation: false);
        renderer.Report(Step(1, 1, 782));
        renderer.Interrupt();
        Assert.EndsWith(Environment.NewLine, output.ToString());
        renderer.Interrupt(); // nothing more to end
        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(7.4, "0:07")]
    [InlineData(131, "2:11")]
    [InlineData(3723, "1:02:03")]
    public void ClockFormatsTimeLeft(double seconds, string expected) =>
        Assert.Equal(expected, ProgressText.Clock(TimeSpan.FromSeconds(seconds)));
}
