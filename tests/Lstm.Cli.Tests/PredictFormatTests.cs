using System.Globalization;
using System.Text.Json;
using Lstm.Cli.Commands;
using Lstm.Cli.Runs;
using Lstm.Training.Losses;
using Lstm.Training.Training;

namespace Lstm.Cli.Tests;

/// <summary><c>lstm predict --format table|tsv|json</c>: each output parses back to the probabilities the model computes.</summary>
public class PredictFormatTests
{
    private static readonly string[] Reviews = ["great wonderful loved it", "awful boring waste", "a \"quoted\"\ttabbed review"];

    private static (string Run, float[] Expected) TrainedRun(TempFolder temp)
    {
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string run = temp.File("run");
        var train = LstmRunner.Run(EndToEndTests.TinyTraining(data, run, epochs: 1));
        Assert.True(train.ExitCode == 0, train.ToString());
        float[] expected = [.. PredictCommand.Logits(TrainedModel.Load(run), Reviews, threads: 1, CancellationToken.None).Select(BinaryCrossEntropy.Sigmoid)];
        return (run, expected);
    }

    private static string[] Lines(string output) => output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void TheDefaultTableHasAHeaderNamingPPositive()
    {
        using var temp = new TempFolder();
        var (run, expected) = TrainedRun(temp);
        var table = LstmRunner.Run(["predict", "--model", run, .. Reviews]);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Equal(table.Output, LstmRunner.Run(["predict", "--model", run, "--format", "table", .. Reviews]).Output);
        string[] lines = Lines(table.Output);
        Assert.Equal(["P(positive)", "label", "text"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(Reviews.Length + 1, lines.Length);
        for (int i = 0; i < Reviews.Length; i++)
        {
            string[] cells = lines[i + 1].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(MathF.Round(expected[i], 4), float.Parse(cells[0], CultureInfo.InvariantCulture));
            Assert.Equal(expected[i] > 0.5f ? "positive" : "negative", cells[1]);
            Assert.Equal(lines[0].IndexOf("label", StringComparison.Ordinal), lines[i + 1].IndexOf(cells[1], StringComparison.Ordinal));
            Assert.Equal(lines[0].IndexOf("text", StringComparison.Ordinal), lines[i + 1].IndexOf('"'));
        }
        Assert.EndsWith("\"a \\\"quoted\\\" tabbed review\"", lines[3]);
    }

    [Fact]
    public void TsvHasAHeaderRowAndOneRowOfThreeFieldsPerReview()
    {
        using var temp = new TempFolder();
        var (run, expected) = TrainedRun(temp);
        var tsv = LstmRunner.Run(["predict", "--model", run, "--format", "tsv", .. Reviews]);
        Assert.True(tsv.ExitCode == 0, tsv.ToString());
        string[] lines = Lines(tsv.Output);
        Assert.Equal("probability\tlabel\ttext", lines[0]);
        Assert.Equal(Reviews.Length + 1, lines.Length);
        for (int i = 0; i < Reviews.Length; i++)
        {
            string[] fields = lines[i + 1].Split('\t');
            Assert.Equal(3, fields.Length);
            Assert.Equal(expected[i], float.Parse(fields[0], CultureInfo.InvariantCulture)); // full precision
            Assert.Equal(expected[i] > 0.5f ? "positive" : "negative", fields[1]);
        }
        Assert.Equal(["great wonderful loved it", "awful boring waste", "a \"quoted\" tabbed review"], lines[1..].Select(l => l.Split('\t')[2]));
    }

    [Fact]
    public void JsonIsAnArrayOfTextProbabilityAndLabel()
    {
        using var temp = new TempFolder();
        var (run, expected) = TrainedRun(temp);
        var json = LstmRunner.Run(["predict", "--model", run, "--format", "json", .. Reviews]);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        var items = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(Reviews.Length, items.Length);
        for (int i = 0; i < Reviews.Length; i++)
        {
            Assert.Equal(["text", "probability", "label"], items[i].EnumerateObject().Select(p => p.Name));
            Assert.Equal(Reviews[i], items[i].GetProperty("text").GetString()); // the text exactly as given
            Assert.Equal(expected[i], items[i].GetProperty("probability").GetSingle());
            Assert.Equal(expected[i] > 0.5f ? "positive" : "negative", items[i].GetProperty("label").GetString());
        }
    }

    [Fact]
    public void AnUnknownFormatIsAParseError()
    {
        var outcome = LstmRunner.Run("predict", "--model", "whatever", "--format", "csv", "text");
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("--format must be 'table', 'tsv' or 'json', got csv.", outcome.Error);
    }
}
