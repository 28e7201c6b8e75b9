using System.Globalization;
using System.Text.Json;
using Lstm.Cli.Commands;
using Lstm.Cli.Runs;
using Lstm.Training.Losses;
using Lstm.Training.Models;
using Lstm.Training.Training;

namespace Lstm.Cli.Tests;

/// <summary><c>lstm predict --format table|tsv|json</c>: each output parses back to the probabilities the model computes.</summary>
public class PredictFormatTests
{
    private static readonly string[] Reviews = ["great wonderful loved it", "awful boring waste", "a \"quoted\"\ttabbed review", "정말 재미있어요 최고의 영화"];

    private static (string Run, float[] Expected, double[] UnknownShares) TrainedRun(TempFolder temp)
    {
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string run = temp.File("run");
        var train = LstmRunner.Run(EndToEndTests.TinyTraining(data, run, epochs: 1));
        Assert.True(train.ExitCode == 0, train.ToString());
        var model = TrainedModel.Load(run);
        float[] expected = [.. PredictCommand.Logits(model, Reviews, threads: 1, CancellationToken.None).Select(BinaryCrossEntropy.Sigmoid)];
        return (run, expected, [.. Reviews.Select(r => new TextVectorizer(model.Vocabulary, 10).UnknownShare(r))]);
    }

    private static string[] Lines(string output) => output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void TheDefaultTableHasAHeaderNamingPPositive()
    {
        using var temp = new TempFolder();
        var (run, expected, _) = TrainedRun(temp);
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
        Assert.DoesNotContain("unknown", lines[0], StringComparison.Ordinal); // the table is unchanged; stderr warns instead
        Assert.Contains("tokens of text 4 are not in the model's vocabulary", table.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TsvHasAHeaderRowAndOneRowOfFourFieldsPerReview_TheUnknownShareLast()
    {
        using var temp = new TempFolder();
        var (run, expected, unknown) = TrainedRun(temp);
        var tsv = LstmRunner.Run(["predict", "--model", run, "--format", "tsv", .. Reviews]);
        Assert.True(tsv.ExitCode == 0, tsv.ToString());
        string[] lines = Lines(tsv.Output);
        Assert.Equal("probability\tlabel\ttext\tunknown_share", lines[0]);
        Assert.Equal(Reviews.Length + 1, lines.Length);
        for (int i = 0; i < Reviews.Length; i++)
        {
            string[] fields = lines[i + 1].Split('\t');
            Assert.Equal(4, fields.Length);
            Assert.Equal(unknown[i], double.Parse(fields[3], CultureInfo.InvariantCulture));
            Assert.Equal(expected[i], float.Parse(fields[0], CultureInfo.InvariantCulture)); // full precision
            Assert.Equal(expected[i] > 0.5f ? "positive" : "negative", fields[1]);
        }
        Assert.Equal(["great wonderful loved it", "awful boring waste", "a \"quoted\" tabbed review", Reviews[3]], lines[1..].Select(l => l.Split('\t')[2]));
        Assert.Equal(1.0, double.Parse(lines[4].Split('\t')[3], CultureInfo.InvariantCulture)); // Korean: no word of the English vocabulary
    }

    [Fact]
    public void JsonIsAnArrayOfTextProbabilityLabelAndUnknownShare()
    {
        using var temp = new TempFolder();
        var (run, expected, unknown) = TrainedRun(temp);
        var json = LstmRunner.Run(["predict", "--model", run, "--format", "json", .. Reviews]);
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        var items = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(Reviews.Length, items.Length);
        for (int i = 0; i < Reviews.Length; i++)
        {
            Assert.Equal(["text", "probability", "label", "unknownShare"], items[i].EnumerateObject().Select(p => p.Name));
            Assert.Equal(unknown[i], items[i].GetProperty("unknownShare").GetDouble());
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
