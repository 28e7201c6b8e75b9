using System.Text;
using Lstm.Cli.Commands;
using Lstm.Cli.Runs;
using Lstm.Training.Data;
using Lstm.Training.Tests.Fixtures;

namespace Lstm.Cli.Tests;

/// <summary>
/// <c>--label-column</c> and <c>--text-column</c> (issue 10): <c>lstm train</c> reads files whose columns are not label
/// then text, records the columns in training.json, and <c>lstm evaluate</c> and <c>--resume</c> read them from there.
/// </summary>
public class ColumnOptionsTests
{
    private static string[] TextFirst => ["--text-column", "1", "--label-column", "2"];

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

    private static string Metrics(string output) =>
        System.Text.RegularExpressions.Regex.Match(output, @"loss: \d\.\d{4} - accuracy: \d\.\d{4}").Value;

    [Fact]
    public void TrainOnATextFirstFileRecordsTheColumnsAndEvaluateReadsThemFromTheRun()
    {
        using var temp = new TempFolder();
        string yelp = TinyReviews.WriteTextFirst(temp.File("yelp-like.tsv"));
        string labelFirst = TinyReviews.Write(temp.File("reviews.tsv"));
        string run = temp.File("run");

        var train = LstmRunner.Run([.. EndToEndTests.TinyTraining(yelp, run), .. TextFirst]);
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains($"Loading labelled file {yelp} (label column 2, text column 1)", train.Output);
        Assert.Contains("Loaded 48 training and 12 validation reviews", train.Output);

        var manifest = TrainingManifest.Load(Path.Combine(run, RunDirectory.ManifestFile));
        Assert.Equal(("2", "1"), (manifest.Data.LabelColumn, manifest.Data.TextColumn));
        string json = File.ReadAllText(Path.Combine(run, RunDirectory.ManifestFile));
        Assert.Contains("\"labelColumn\": \"2\"", json);
        Assert.Contains("\"textColumn\": \"1\"", json);

        // The same reviews, label first with a header, train the same network: only the layout differs.
        string sameRun = temp.File("label-first-run");
        Assert.Equal(0, LstmRunner.Run(EndToEndTests.TinyTraining(labelFirst, sameRun)).ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(sameRun, RunDirectory.ModelFile)), File.ReadAllBytes(Path.Combine(run, RunDirectory.ModelFile)));
        var defaults = TrainingManifest.Load(Path.Combine(sameRun, RunDirectory.ManifestFile)).Data;
        Assert.Equal(("1", "2"), (defaults.LabelColumn, defaults.TextColumn));

        // No column options: the run's columns.
        var evaluate = LstmRunner.Run("evaluate", "--model", run, "--data", yelp);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Contains($"Loading labelled file {yelp} (label column 2, text column 1)", evaluate.Output);
        Assert.Contains("60/60 - ", evaluate.Output);

        // Given options win over the run's, and the same reviews in the other layout give the same numbers.
        var explicitColumns = LstmRunner.Run("evaluate", "--model", run, "--data", labelFirst, "--label-column", "1", "--text-column", "2");
        Assert.True(explicitColumns.ExitCode == 0, explicitColumns.ToString());
        Assert.Contains($"Loading labelled file {labelFirst}{Environment.NewLine}", explicitColumns.Output);
        Assert.NotEqual("", Metrics(evaluate.Output));
        Assert.Equal(Metrics(evaluate.Output), Metrics(explicitColumns.Output));

        // An .onnx file records no columns: label 1 and text 2 unless told.
        string onnx = Path.Combine(run, RunDirectory.OnnxFile);
        var onnxDefault = LstmRunner.Run("evaluate", "--model", onnx, "--data", yelp);
        Assert.Equal(ExitCodes.UserError, onnxDefault.ExitCode);
        Assert.Contains(", column 1: expected a label (1/0, true/false, pos/neg, positive/negative), found '", FirstLine(onnxDefault.Error));
        var onnxTextFirst = LstmRunner.Run(["evaluate", "--model", onnx, "--data", yelp, .. TextFirst]);
        Assert.True(onnxTextFirst.ExitCode == 0, onnxTextFirst.ToString());
        Assert.Equal(Metrics(evaluate.Output), Metrics(onnxTextFirst.Output));

        // One option given: the other is the run's.
        var textOutOfRange = LstmRunner.Run("evaluate", "--model", run, "--data", yelp, "--text-column", "3");
        Assert.Equal(ExitCodes.UserError, textOutOfRange.ExitCode);
        Assert.Equal("error: yelp-like.tsv line 1: expected 3 columns (label in column 2, text in column 3) separated by a tab, found 2.", FirstLine(textOutOfRange.Error));
    }

    [Fact]
    public void ResumeReadsTheRecordedColumnsAndIgnoresNewOnes()
    {
        using var temp = new TempFolder();
        string yelp = TinyReviews.WriteTextFirst(temp.File("yelp-like.tsv"));
        string run = temp.File("run");
        Assert.Equal(0, LstmRunner.Run([.. EndToEndTests.TinyTraining(yelp, run, epochs: 1), .. TextFirst]).ExitCode);

        var resumed = LstmRunner.Run("train", "--resume", Path.Combine(run, RunDirectory.CheckpointFile), "--epochs", "2", "--label-column", "1", "--text-column", "2");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("warning: --label-column is ignored with --resume", resumed.Error);
        Assert.Contains("warning: --text-column is ignored with --resume", resumed.Error);
        Assert.Contains($"Loading labelled file {yelp} (label column 2, text column 1)", resumed.Output);
        Assert.Contains("Continuing after epoch 1 of 2", resumed.Output);
        var manifest = TrainingManifest.Load(Path.Combine(run, RunDirectory.ManifestFile));
        Assert.Equal(("completed", 2), (manifest.Status, manifest.Result!.EpochsCompleted));
        Assert.Equal(("2", "1"), (manifest.Data.LabelColumn, manifest.Data.TextColumn));
    }

    [Fact]
    public void NamedColumnsReadTheDataAndTheValidationFile()
    {
        using var temp = new TempFolder();
        string train = WriteNamedCsv(temp.File("train.csv"), TinyReviews.Write(temp.File("reviews.tsv")));
        string validation = WriteNamedCsv(temp.File("validation.csv"), TinyReviews.Write(temp.File("more.tsv"), count: 20, seed: 2));
        string run = temp.File("run");

        var outcome = LstmRunner.Run([.. EndToEndTests.TinyTraining(train, run, epochs: 1), "--validation", validation, "--label-column", "Sentiment", "--text-column", "review"]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Loaded 60 training and 20 validation reviews", outcome.Output);
        Assert.Contains("(label column 'Sentiment', text column 'review')", outcome.Output);

        var evaluate = LstmRunner.Run("evaluate", "--model", run, "--data", validation);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Contains("20/20 - ", evaluate.Output);
    }

    [Fact]
    public void BadColumnsAreOneErrorLineNamingTheFileLineAndColumn()
    {
        using var temp = new TempFolder();
        string yelp = TinyReviews.WriteTextFirst(temp.File("yelp-like.tsv"));
        string labelFirst = TinyReviews.Write(temp.File("reviews.tsv"));

        var same = LstmRunner.Run([.. EndToEndTests.TinyTraining(yelp, temp.File("run")), "--label-column", "2", "--text-column", "2"]);
        Assert.Equal(ExitCodes.UserError, same.ExitCode);
        Assert.Equal("error: yelp-like.tsv line 1, column 2: the label and the text are both column 2 (label column 2, text column 2); they must be different columns.", FirstLine(same.Error));

        var missing = LstmRunner.Run([.. EndToEndTests.TinyTraining(labelFirst, temp.File("run")), "--label-column", "sentiment"]);
        Assert.Equal(ExitCodes.UserError, missing.ExitCode);
        Assert.Equal("error: reviews.tsv line 1: no column named 'sentiment' for the label in the header ('label', 'text'); a column given by name makes the first line the header.", FirstLine(missing.Error));

        // Today's layout is still the default: a text-first file without the options is refused.
        var unchanged = LstmRunner.Run(EndToEndTests.TinyTraining(yelp, temp.File("run")));
        Assert.Equal(ExitCodes.UserError, unchanged.ExitCode);
        Assert.Contains(", column 1: expected a label (1/0, true/false, pos/neg, positive/negative), found '", FirstLine(unchanged.Error));
        Assert.DoesNotContain("   at ", unchanged.Error);
    }

    [Theory]
    [InlineData("train", "--label-column", "0")]
    [InlineData("train", "--text-column", " ")]
    [InlineData("evaluate", "--label-column", "00")]
    [InlineData("evaluate", "--text-column", "0")]
    public void ABadColumnValueIsAParseError(string command, string option, string value)
    {
        var outcome = LstmRunner.Run(command == "evaluate" ? [command, "--model", "unused", option, value] : [command, option, value]);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Equal($"error: {option} must be a header name or a 1-based column index, got {value}.", FirstLine(outcome.Error));
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public void TrainReadsTheColumnOptionsAndDefaultsToLabelThenText()
    {
        var command = new TrainCommand(new CommandEnvironment { Output = TextWriter.Null, Error = TextWriter.Null });
        var defaults = command.ReadSettings(command.Command.Parse([]));
        Assert.Equal(LabelledTextFileOptions.Default, defaults.Columns);
        var given = command.ReadSettings(command.Command.Parse(["--label-column", "sentiment", "--text-column", "3"]));
        Assert.Equal(new LabelledTextFileOptions { LabelColumn = "sentiment", TextColumn = "3" }, given.Columns);
        Assert.DoesNotContain("--label-column", TrainCommand.ResumableOptions);
        Assert.DoesNotContain("--text-column", TrainCommand.ResumableOptions);
    }

    [Fact]
    public void AFormatV1ManifestWithoutColumnsReadsLabelThenText()
    {
        var v1 = FixtureSet.Get(FixtureSet.V1);
        string path = v1.File(RunDirectory.ManifestFile);
        Assert.DoesNotContain("Column", File.ReadAllText(path), StringComparison.Ordinal);
        var manifest = TrainingManifest.Load(path);
        Assert.Null(manifest.Data.LabelColumn);
        Assert.Null(manifest.Data.TextColumn);
        Assert.Equal(LabelledTextFileOptions.Default, manifest.Data.ToColumns());
        Assert.Equal(LabelledTextFileOptions.Default, manifest.ToSettings(v1.Folder).Columns);
        Assert.Equal(LabelledTextFileOptions.Default, RunFolderReader.Read(v1.Folder).DataColumns);
    }

    /// <summary>Rewrites a label-first TSV as a CSV with other columns around: id, review (quoted, with a comma), stars, Sentiment.</summary>
    private static string WriteNamedCsv(string path, string labelFirstTsv)
    {
        var csv = new StringBuilder("id,review,stars,Sentiment\n");
        int id = 0;
        foreach (string line in File.ReadLines(labelFirstTsv).Skip(1))
        {
            string[] fields = line.Split('\t');
            csv.Append($"{++id},\"{fields[1]}, \"\"quoted\"\"\",{(fields[0] == "1" ? 5 : 1)},{(fields[0] == "1" ? "positive" : "negative")}\n");
        }
        File.WriteAllText(path, csv.ToString());
        return path;
    }
}
