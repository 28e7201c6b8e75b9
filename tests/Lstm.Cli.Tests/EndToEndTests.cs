using System.Globalization;
using System.Text.Json;
using Lstm.Cli.Runs;
using Lstm.Training.Training;

namespace Lstm.Cli.Tests;

/// <summary><c>lstm train</c>, <c>evaluate</c> and <c>predict</c> run in-process on a tiny labelled file.</summary>
public class EndToEndTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    internal static string[] TinyTraining(string data, string outDirectory, int epochs = 2) =>
        ["train", "--data", data, "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--max-len", "20", "--units", "8",
         "--embedding-dim", "8", "--num-words", "200", "--out", outDirectory, "--threads", "1"];

    [Fact]
    public void TrainWritesTheRunFolderThenEvaluateAndPredictUseIt()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string run = temp.File("run");

        var train = LstmRunner.Run(TinyTraining(data, run));
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("Loaded 48 training and 12 validation reviews", train.Output);
        Assert.Contains("Vocabulary: ", train.Output);
        Assert.Contains("Epoch 1/2 - ", train.Output);
        Assert.Contains("Epoch 2/2 - ", train.Output);
        Assert.Contains(run, train.Output);
        Assert.DoesNotContain('\r', train.Output);

        foreach (string file in (string[])[RunDirectory.ModelFile, RunDirectory.OnnxFile, RunDirectory.VocabularyFile, RunDirectory.HistoryFile, RunDirectory.ManifestFile,
                     RunDirectory.LossPlotFile, RunDirectory.AccuracyPlotFile, RunDirectory.CheckpointFile])
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} missing");
        Assert.Empty(Directory.GetFiles(run, "*.tmp")); // atomic writes leave no temp files

        foreach (string png in (string[])[RunDirectory.LossPlotFile, RunDirectory.AccuracyPlotFile])
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(run, png));
            Assert.True(bytes.Length > 5_000, $"{png} has only {bytes.Length} bytes");
            Assert.Equal(PngSignature, bytes[..8]);
        }

        using (var history = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, RunDirectory.HistoryFile))))
        {
            var keras = history.RootElement.GetProperty("history");
            foreach (string key in (string[])["loss", "accuracy", "val_loss", "val_accuracy"])
                Assert.Equal(2, keras.GetProperty(key).GetArrayLength());
        }

        var manifest = TrainingManifest.Load(Path.Combine(run, RunDirectory.ManifestFile));
        Assert.Equal("completed", manifest.Status);
        Assert.Equal(20, manifest.Preprocessing.MaxLen);
        Assert.Equal(200, manifest.Preprocessing.NumWords);
        Assert.Equal("pre", manifest.Preprocessing.Padding);
        Assert.Equal(8, manifest.Model.Units);
        Assert.Equal("../reviews.tsv", manifest.Data.Path); // relative to the run folder
        Assert.False(manifest.Data.Cached);
        Assert.Equal((48, 12), (manifest.Data.TrainCount, manifest.Data.ValidationCount));
        Assert.Equal(2, manifest.Result!.EpochsCompleted);
        Assert.True(manifest.Timings.TotalSeconds > 0);

        var evaluate = LstmRunner.Run("evaluate", "--model", run, "--data", data);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Matches(@"60/60 - \d+\.\ds - loss: \d\.\d{4} - accuracy: \d\.\d{4} - \d+\.\d reviews/s", evaluate.Output);
        Assert.Contains("loss is binary cross-entropy in nats (natural log)", evaluate.Output);

        var predict = LstmRunner.Run("predict", "--model", run, "great wonderful loved it", "awful boring waste");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        string[] lines = predict.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("P(positive)  label     text", lines[0]);
        lines = lines[1..];
        Assert.EndsWith("\"great wonderful loved it\"", lines[0]);
        Assert.EndsWith("\"awful boring waste\"", lines[1]);
        foreach (string line in lines)
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^(\d\.\d{4}) {7}(positive|negative)  "".*""$");
            Assert.True(match.Success, line);
            double probability = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(probability, 0, 1);
            Assert.Equal(probability > 0.5 ? "positive" : "negative", match.Groups[2].Value);
        }
    }

    [Fact]
    public void PredictReadsStandardInputAndFiles()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string run = temp.File("run");
        Assert.Equal(0, LstmRunner.Run(TinyTraining(data, run, epochs: 1)).ExitCode);
        string file = temp.File("more.txt");
        File.WriteAllLines(file, ["the best film", "", "dull plot"]);

        var predict = LstmRunner.Run(e => e with { Input = new StringReader("first from stdin\nsecond from stdin\n") },
            "predict", "--model", run, "an argument", "-", "--file", file);
        Assert.True(predict.ExitCode == 0, predict.ToString());
        string[] lines = predict.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["\"an argument\"", "\"first from stdin\"", "\"second from stdin\"", "\"the best film\"", "\"dull plot\""],
            lines.Skip(1).Select(l => l[l.IndexOf('"')..]).ToArray());
    }

    [Fact]
    public void ResumeAfterCtrlCContinuesExactlyAsAnUninterruptedRun()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));

        string straight = temp.File("straight");
        Assert.Equal(0, LstmRunner.Run(TinyTraining(data, straight, epochs: 3)).ExitCode);

        // Ctrl+C as soon as the first epoch's summary is printed: training stops in epoch 2.
        string interrupted = temp.File("interrupted");
        using var cancellation = new CancellationTokenSource();
        var output = new CancelOnTextWriter("Epoch 1/3 - ", cancellation);
        var error = new StringWriter();
        int code = LstmCommandLine.Invoke(TinyTraining(data, interrupted, epochs: 3),
            new CommandEnvironment { Output = output, Error = error, CancellationToken = cancellation.Token });
        Assert.Equal(ExitCodes.Cancelled, code);
        string checkpoint = Path.Combine(interrupted, RunDirectory.CheckpointFile);
        Assert.Contains("Interrupted during epoch 2 of 3", error.ToString());
        Assert.Contains($"lstm train --resume {checkpoint}", error.ToString());
        Assert.Contains($"lstm export --checkpoint {checkpoint}", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.Equal("interrupted", TrainingManifest.Load(Path.Combine(interrupted, RunDirectory.ManifestFile)).Status);
        Assert.False(File.Exists(Path.Combine(interrupted, RunDirectory.ModelFile)));
        Assert.False(File.Exists(Path.Combine(interrupted, RunDirectory.OnnxFile))); // like model.lstm: not the weights of an unfinished epoch

        var resumed = LstmRunner.Run("train", "--resume", checkpoint, "--units", "99");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("--units is ignored with --resume", resumed.Error);
        Assert.Contains("Continuing after epoch 1 of 3", resumed.Output);
        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, RunDirectory.ModelFile)), File.ReadAllBytes(Path.Combine(interrupted, RunDirectory.ModelFile)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, RunDirectory.OnnxFile)), File.ReadAllBytes(Path.Combine(interrupted, RunDirectory.OnnxFile)));
        Assert.Equal(KerasHistory(straight), KerasHistory(interrupted));
    }

    [Fact]
    public void EarlyStoppingIsReportedLikeKeras()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        // A learning rate of 10 makes val_loss worse after the first epoch, so patience 1 stops the run in epoch 2.
        var outcome = LstmRunner.Run([.. TinyTraining(data, temp.File("run"), epochs: 4), "--early-stopping-patience", "1", "--learning-rate", "10"]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Restoring model weights from the end of the best epoch: 1.", outcome.Output);
        Assert.Contains("Epoch 2: early stopping", outcome.Output);
        var manifest = TrainingManifest.Load(Path.Combine(temp.File("run"), RunDirectory.ManifestFile));
        Assert.Equal((2, true, (int?)1), (manifest.Result!.EpochsCompleted, manifest.Result.StoppedEarly, manifest.Result.RestoredEpoch));
        Assert.Equal(1, manifest.Training.EarlyStoppingPatience);
        // The result describes the weights in the folder: epoch 1's, not the last epoch's.
        var history = History.FromJson(File.ReadAllText(Path.Combine(temp.File("run"), RunDirectory.HistoryFile)));
        Assert.Equal(history.Epochs[0].ValLoss, manifest.Result.ValLoss);
        Assert.NotEqual(history.Epochs[1].ValLoss, manifest.Result.ValLoss);
    }

    [Fact]
    public void AMissingDataPathExitsNonZeroNamingThePath()
    {
        using var temp = new TempFolder();
        string missing = temp.File("no-such-reviews.tsv");
        var outcome = LstmRunner.Run("train", "--data", missing, "--out", temp.File("run"));
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains(missing, outcome.Error);
        Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", outcome.Error);
        Assert.False(Directory.Exists(temp.File("run")));
    }

    [Fact]
    public void AMalformedDataFileNamesTheFileAndLine()
    {
        using var temp = new TempFolder();
        string data = temp.File("bad.tsv");
        File.WriteAllLines(data, ["label\ttext", "1\tgood", "maybe\tso-so"]);
        var outcome = LstmRunner.Run("train", "--data", data, "--out", temp.File("run"));
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("bad.tsv", outcome.Error);
        Assert.Contains("line 3", outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
    }

    [Fact]
    public void EarlyStoppingWithoutValidationIsRefusedBeforeWritingAnything()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        var outcome = LstmRunner.Run([.. TinyTraining(data, temp.File("run")), "--validation-split", "0", "--early-stopping-patience", "2"]);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("--early-stopping-patience", outcome.Error);
        Assert.Contains("--validation", outcome.Error);
        Assert.False(Directory.Exists(temp.File("run")));
    }

    [Fact]
    public void AValidationFileAndLimitsAreUsed()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("train.tsv"));
        string validation = TinyReviews.Write(temp.File("validation.tsv"), count: 30, seed: 2);
        var outcome = LstmRunner.Run([.. TinyTraining(data, temp.File("run"), epochs: 1), "--validation", validation, "--limit", "21", "--validation-limit", "10"]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Loaded 21 training and 10 validation reviews", outcome.Output);
        var manifest = TrainingManifest.Load(Path.Combine(temp.File("run"), RunDirectory.ManifestFile));
        Assert.Equal((21, 10, "../validation.tsv"), (manifest.Data.TrainCount, manifest.Data.ValidationCount, manifest.Data.ValidationPath));
    }

    [Fact]
    public void EvaluateOnAFolderThatIsNotARunNamesTheMissingFile()
    {
        using var temp = new TempFolder();
        var outcome = LstmRunner.Run("evaluate", "--model", temp.Path, "--data", TinyReviews.Write(temp.File("r.tsv")));
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains(RunDirectory.ModelFile, outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
    }

    [Fact]
    public void PredictWithoutReviewsSaysHowToGiveThem()
    {
        var outcome = LstmRunner.Run("predict", "--model", "whatever");
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("--file", outcome.Error);
    }

    private static string KerasHistory(string run)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, RunDirectory.HistoryFile)));
        return document.RootElement.GetProperty("history").GetRawText();
    }

    /// <summary>Captures output and cancels <paramref name="cancellation"/> once <paramref name="trigger"/> has been written (a user pressing Ctrl+C).</summary>
    private sealed class CancelOnTextWriter(string trigger, CancellationTokenSource cancellation) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith(trigger, StringComparison.Ordinal) == true) cancellation.Cancel();
        }
    }
}
