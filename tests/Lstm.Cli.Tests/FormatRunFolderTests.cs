using System.Globalization;
using Lstm.Cli.Commands;
using Lstm.Cli.Progress;
using Lstm.Cli.Runs;
using Lstm.Training.Losses;
using Lstm.Training.Tests.Fixtures;

namespace Lstm.Cli.Tests;

/// <summary>
/// Compatibility (issue 10): the seed-shaped run folder and checkpoint of a fixture set (tests/Fixtures/format-vN) and
/// the shipped models/imdb-lstm, written by the code of that format, still work with <c>lstm predict</c>,
/// <c>lstm evaluate</c> and <c>lstm train --resume</c>, and predict the bits recorded in its expected.json. A later format
/// must keep these passing, or refuse the files with a message that names their format version. Each set is a derived
/// class (<see cref="FormatV1RunFolderTests"/>, <see cref="FormatV2RunFolderTests"/>).
/// </summary>
public abstract class FormatRunFolderTests
{
    private protected FormatRunFolderTests(string set) => Set = FixtureSet.Get(set);

    private protected FixtureSet Set { get; }

    private FixtureExpectations Expected => Set.Expected;

    // The models are given relative to the fixture folder.
    [Theory]
    [InlineData("model.lstm", ".")]
    [InlineData("model.onnx", "model.onnx")]
    public void Lstm_predict_prints_the_recorded_bits(string artefact, string model)
    {
        // 'lstm predict' skips blank arguments, so they are left out here (the next test covers them).
        var texts = Expected.Texts.Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();
        var outcome = LstmRunner.Run(["predict", "--model", Set.File(model), "--format", "tsv", .. texts]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        string[] lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("probability\tlabel\ttext\tunknown_share", lines[0]);
        Assert.Equal(texts.Length, lines.Length - 1);
        // The TSV prints the probability formatted "R", which parses back to the same float.
        float[] probabilities = [.. lines.Skip(1).Select(line => float.Parse(line.Split('\t')[0], CultureInfo.InvariantCulture))];
        var expected = Expected[artefact];
        int[] kept = [.. Enumerable.Range(0, Expected.Texts.Count).Where(i => !string.IsNullOrWhiteSpace(Expected.Texts[i]))];
        Assert.Equal(kept.Select(i => expected.ProbabilityBits[i]), probabilities.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(kept.Select(i => BitConverter.Int32BitsToSingle(expected.LogitBits![i]) > 0 ? "positive" : "negative"), lines.Skip(1).Select(line => line.Split('\t')[1]));
    }

    [Theory]
    [InlineData("model.lstm", ".")]
    [InlineData("checkpoint.lstmckpt", "checkpoint.lstmckpt")]
    [InlineData("model.onnx", "model.onnx")]
    public void The_predict_code_path_gives_the_recorded_bits_for_every_text(string artefact, string source)
    {
        // What 'lstm predict' runs (and 'lstm export --checkpoint' reads), on all texts including the empty and blank ones.
        string path = Set.File(source);
        var model = path.EndsWith(RunDirectory.CheckpointFile, StringComparison.Ordinal) ? RunFolderReader.ReadCheckpoint(path) : TrainedModel.Load(path);
        float[] logits = PredictCommand.Logits(model, Expected.Texts, threads: null, CancellationToken.None);
        Expected[artefact].AssertMatches(Expected.Texts, logits, [.. logits.Select(BinaryCrossEntropy.Sigmoid)]);
    }

    [Fact]
    public void Lstm_evaluate_reports_the_recorded_loss_and_accuracy()
    {
        var outcome = LstmRunner.Run("evaluate", "--model", Set.Folder, "--data", Set.File("reviews.tsv"));
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains($"{Expected.EvaluateCount}/{Expected.EvaluateCount} - ", outcome.Output);
        Assert.Contains($" - loss: {ProgressText.Metric(Expected.EvaluateLoss)} - accuracy: {ProgressText.Metric(Expected.EvaluateAccuracy)} - ", outcome.Output);
        Assert.Contains(EvaluateCommand.LossUnitNote(Expected.EvaluateLoss), outcome.Output);
    }

    [Fact]
    public void Lstm_train_resumes_the_fixture_checkpoint_for_one_more_epoch()
    {
        // A copy: resuming writes the checkpoint, model and manifest again. training.json names the data as reviews.tsv,
        // relative to the run folder, so the copied folder resumes on its own copy of the data.
        using var temp = new TempFolder();
        foreach (string name in new[] { "checkpoint.lstmckpt", "vocabulary.json", "training.json", "history.json", "model.lstm", "model.onnx", "reviews.tsv" })
            File.Copy(Set.File(name), temp.File(name));
        var outcome = LstmRunner.Run("train", "--resume", temp.File("checkpoint.lstmckpt"), "--epochs", "3");
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Continuing after epoch 2 of 3", outcome.Output);
    }
}
