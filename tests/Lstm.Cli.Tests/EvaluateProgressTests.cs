using System.Text.RegularExpressions;
using Lstm.Cli.Progress;

namespace Lstm.Cli.Tests;

/// <summary><c>lstm evaluate</c>'s progress: plain lines about every tenth of the work when output is redirected.</summary>
public class EvaluateProgressTests
{
    private static readonly Regex RedirectedLine = new(@"^Evaluating +(\d+)/25000 \((\d+)%\) - \d+\.\d reviews/s - ETA \d+:\d\d$");

    [Fact]
    public void RedirectedOutputGetsAboutTenPlainLines()
    {
        var output = new StringWriter();
        var line = new CountProgressLine(output, terminal: false, "Evaluating", 25_000);
        for (int n = 1024; n < 25_000; n += 1024) line.Report(n); // as ChunkedInference reports
        line.Report(25_000);
        line.Finish();

        string text = output.ToString();
        Assert.DoesNotContain('\r', text);
        string[] lines = text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        var done = lines.Select(l =>
        {
            var match = RedirectedLine.Match(l);
            Assert.True(match.Success, l);
            return (Done: int.Parse(match.Groups[1].Value), Percent: int.Parse(match.Groups[2].Value));
        }).ToArray();
        Assert.Equal(25_000, done[^1].Done);
        Assert.Equal(100, done[^1].Percent);
        for (int i = 0; i < done.Length; i++) Assert.InRange(done[i].Percent, 10 * (i + 1), 10 * (i + 1) + 4); // one per tenth crossed
    }

    [Fact]
    public void RedirectedLineShowsRateAndTimeLeft() =>
        Assert.Equal("Evaluating   5000/25000 (20%) - 1000.0 reviews/s - ETA 0:20",
            new CountProgressLine(TextWriter.Null, terminal: false, "Evaluating", 25_000).RedirectedLine(5_000, TimeSpan.FromSeconds(5)));

    [Fact]
    public void ATerminalGetsOneRedrawnLineThatIsClearedAtTheEnd()
    {
        var output = new StringWriter();
        var line = new CountProgressLine(output, terminal: true, "Evaluating", 2048);
        line.Report(1024);
        line.Report(2048);
        line.Finish();
        string text = output.ToString();
        Assert.DoesNotContain('\n', text);
        Assert.StartsWith("\rEvaluating  1024/2048\rEvaluating  2048/2048\r", text);
        Assert.EndsWith("\r", text);
    }

    [Fact]
    public void EvaluateWithRedirectedOutputPrintsProgressThenTheResultAndTheLossUnit()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"), count: 3000);
        string run = temp.File("run");
        var train = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, run, epochs: 1), "--limit", "60", "--validation-limit", "10"]);
        Assert.True(train.ExitCode == 0, train.ToString());

        var evaluate = LstmRunner.Run("evaluate", "--model", run, "--data", data); // LstmRunner's output is not a terminal
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        string[] lines = evaluate.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        string[] progress = lines.Where(l => l.StartsWith("Evaluating", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["Evaluating  1024/3000 (34%)", "Evaluating  2048/3000 (68%)", "Evaluating  3000/3000 (100%)"],
            progress.Select(l => l[..l.IndexOf(" - ", StringComparison.Ordinal)]));
        int result = Array.FindIndex(lines, l => l.StartsWith("3000/3000 - ", StringComparison.Ordinal));
        Assert.True(result > Array.IndexOf(lines, progress[^1]), evaluate.Output);
        var loss = double.Parse(Regex.Match(lines[result], @"loss: (\d\.\d{4})").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("loss is binary cross-entropy in nats (natural log)", lines[result + 1]);
        double bits = double.Parse(lines[result + 1][(lines[result + 1].LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(loss / Math.Log(2), bits, tolerance: 2e-4); // both printed with four decimals
    }
}
