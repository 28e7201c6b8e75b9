using Lstm.Cli.Runs;

namespace Lstm.Cli.Tests;

/// <summary>
/// Issue 11 in the CLI: no command writes over its inputs or another run without --overwrite; a diverging run fails
/// with the reason and writes no model; damaged or edited run files are refused; leftovers of killed runs are removed.
/// </summary>
public class ReliabilityTests
{
    private static string TrainTiny(TempFolder temp, string run, params string[] more)
    {
        string data = File.Exists(temp.File("reviews.tsv")) ? temp.File("reviews.tsv") : TinyReviews.Write(temp.File("reviews.tsv"));
        var outcome = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, run, epochs: 1), .. more]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        return data;
    }

    [Fact]
    public void Train_refuses_a_folder_holding_another_run_unless_overwrite_which_replaces_it_whole()
    {
        using var temp = new TempFolder();
        string run = temp.File("run");
        string data = TrainTiny(temp, run);
        byte[] first = File.ReadAllBytes(Path.Combine(run, RunDirectory.ModelFile));

        var refused = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, run, epochs: 1), "--seed", "9"]);
        Assert.Equal(ExitCodes.UserError, refused.ExitCode);
        Assert.Contains($"--out {run} already holds a run (training.json, model.lstm, vocabulary.json, checkpoint.lstmckpt", refused.Error);
        Assert.Contains("pass --overwrite to replace it", refused.Error);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(run, RunDirectory.ModelFile)));

        // A stale temporary file of a killed writer (a process id that is not running) goes too.
        string stale = Path.Combine(run, ".checkpoint.lstmckpt.999999.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllText(stale, "partial");
        var replaced = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, run, epochs: 1), "--seed", "9", "--overwrite"]);
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.NotEqual(first, File.ReadAllBytes(Path.Combine(run, RunDirectory.ModelFile)));
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void Train_refuses_an_out_that_is_a_file_and_overwrite_never_deletes_an_input()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        var file = LstmRunner.Run(EndToEndTests.TinyTraining(data, data));
        Assert.Equal(ExitCodes.UserError, file.ExitCode);
        Assert.Contains($"--out {data} is a file", file.Error);

        string run = temp.File("run");
        TrainTiny(temp, run);
        string inside = Path.Combine(run, RunDirectory.HistoryFile);
        var input = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, run, epochs: 1), "--validation", inside, "--overwrite"]);
        Assert.Equal(ExitCodes.UserError, input.ExitCode);
        Assert.Contains("is one of this run's inputs", input.Error);
        Assert.True(File.Exists(inside));
    }

    [Fact]
    public void Export_never_writes_over_the_models_files_and_other_files_need_overwrite()
    {
        using var temp = new TempFolder();
        string run = temp.File("run");
        string data = TrainTiny(temp, run);
        byte[] model = File.ReadAllBytes(Path.Combine(run, RunDirectory.ModelFile));
        byte[] reviews = File.ReadAllBytes(data);

        foreach (string own in new[] { RunDirectory.ModelFile, RunDirectory.CheckpointFile, RunDirectory.VocabularyFile })
        {
            var outcome = LstmRunner.Run("export", "--model", run, "--out", Path.Combine(run, own), "--overwrite");
            Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
            Assert.Contains("is one of the model's own files", outcome.Error);
        }
        var checkpointOntoItself = LstmRunner.Run("export", "--checkpoint", Path.Combine(run, RunDirectory.CheckpointFile), "--out", Path.Combine(run, RunDirectory.CheckpointFile));
        Assert.Equal(ExitCodes.UserError, checkpointOntoItself.ExitCode);
        Assert.Equal(model, File.ReadAllBytes(Path.Combine(run, RunDirectory.ModelFile)));

        var victim = LstmRunner.Run("export", "--model", run, "--out", data);
        Assert.Equal(ExitCodes.UserError, victim.ExitCode);
        Assert.Contains("exists and is not this model's ONNX output; pass --overwrite", victim.Error);
        Assert.Equal(reviews, File.ReadAllBytes(data));
        Assert.Equal(0, LstmRunner.Run("export", "--model", run, "--out", data, "--overwrite").ExitCode);

        // Refreshing the run's own ONNX files keeps working.
        Assert.Equal(0, LstmRunner.Run("export", "--checkpoint", Path.Combine(run, RunDirectory.CheckpointFile)).ExitCode);
        Assert.Equal(0, LstmRunner.Run("export", "--model", run, "--variant", "ids").ExitCode);
        Assert.Equal(0, LstmRunner.Run("export", "--model", run, "--variant", "ids").ExitCode);
    }

    [Fact]
    public void A_diverging_run_fails_with_the_reason_and_writes_no_model()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string run = temp.File("run");
        var outcome = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, run, epochs: 3), "--learning-rate", "5e37"]);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("error: Training diverged at epoch ", outcome.Error);
        Assert.Contains("lower the learning rate", outcome.Error);
        Assert.False(File.Exists(Path.Combine(run, RunDirectory.ModelFile)));
        var manifest = TrainingManifest.Load(Path.Combine(run, RunDirectory.ManifestFile));
        Assert.Equal("failed", manifest.Status);
        Assert.StartsWith("Training diverged at epoch ", manifest.FailureReason);
    }

    [Fact]
    public void A_damaged_model_or_an_edited_vocabulary_is_refused_naming_the_file()
    {
        using var temp = new TempFolder();
        string run = temp.File("run");
        TrainTiny(temp, run);
        string modelPath = Path.Combine(run, RunDirectory.ModelFile);
        byte[] intact = File.ReadAllBytes(modelPath);
        byte[] flipped = (byte[])intact.Clone();
        flipped[flipped.Length / 2] ^= 0x04;
        File.WriteAllBytes(modelPath, flipped);
        var damaged = LstmRunner.Run("predict", "--model", run, "good");
        Assert.Equal(ExitCodes.UserError, damaged.ExitCode);
        Assert.Contains($"{modelPath}: the checksum does not match the contents", damaged.Error);
        File.WriteAllBytes(modelPath, intact);

        string vocabularyPath = Path.Combine(run, RunDirectory.VocabularyFile);
        string vocabulary = File.ReadAllText(vocabularyPath);
        int first = vocabulary.IndexOf("\"words\": [", StringComparison.Ordinal);
        int quote = vocabulary.IndexOf('"', first + 10);
        File.WriteAllText(vocabularyPath, vocabulary[..(quote + 1)] + "zz" + vocabulary[(quote + 1)..]);
        var edited = LstmRunner.Run("predict", "--model", run, "good");
        Assert.Equal(ExitCodes.UserError, edited.ExitCode);
        Assert.Contains($"{vocabularyPath}: not the vocabulary {modelPath} was trained with", edited.Error);
        var resume = LstmRunner.Run("train", "--resume", Path.Combine(run, RunDirectory.CheckpointFile), "--epochs", "2");
        Assert.Equal(ExitCodes.UserError, resume.ExitCode);
        Assert.Contains("is not the vocabulary the checkpoint was trained with", resume.Error);
    }

    [Fact]
    public void One_class_and_a_validation_text_the_vocabulary_misses_are_warned_about()
    {
        using var temp = new TempFolder();
        string data = temp.File("all-positive.tsv");
        File.WriteAllLines(data, Enumerable.Range(0, 40).Select(i => $"1\tgood film number {i % 7} with a fine plot"));
        string validation = temp.File("korean.tsv");
        File.WriteAllLines(validation, Enumerable.Range(0, 10).Select(i => $"{i % 2}\t지루하고 최악인 영화 {i}"));
        var outcome = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, temp.File("run"), epochs: 1), "--validation", validation]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("warning: every training label is positive: the model can only learn to predict that one class.", outcome.Error);
        Assert.Matches(@"warning: only [\d.]+% of the validation text's words are in the vocabulary built from the training texts", outcome.Error);
    }

    [Fact]
    public void Predict_on_input_without_line_breaks_stops_at_the_line_cap()
    {
        using var temp = new TempFolder();
        string run = temp.File("run");
        TrainTiny(temp, run);
        string endless = OperatingSystem.IsLinux() ? "/dev/zero" : temp.File("zeros.txt");
        if (!OperatingSystem.IsLinux()) File.WriteAllBytes(endless, new byte[PredictCommandLineCap + 10]);
        var outcome = LstmRunner.Run("predict", "--model", run, "--file", endless);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains($"--file {endless}: line 1 is longer than 10,000,000 characters", outcome.Error);
    }

    [Fact]
    public void A_run_left_running_by_a_killed_process_is_summarised_as_killed()
    {
        using var temp = new TempFolder();
        string run = temp.File("run");
        TrainTiny(temp, run);
        string manifestPath = Path.Combine(run, RunDirectory.ManifestFile);
        string json = File.ReadAllText(manifestPath);
        Assert.Contains("\"processId\": ", json);
        json = System.Text.RegularExpressions.Regex.Replace(json, "\"status\": \"completed\"", "\"status\": \"running\"");
        json = System.Text.RegularExpressions.Regex.Replace(json, "\"processId\": \\d+", "\"processId\": 999999");
        File.WriteAllText(manifestPath, json);
        var summary = LstmRunner.Run("summary", "--model", run);
        Assert.True(summary.ExitCode == 0, summary.ToString());
        Assert.Contains("Training:    killed, ", summary.Output);
    }

    private const int PredictCommandLineCap = Lstm.Cli.Commands.PredictCommand.MaxLineLength;
}
