using System.Globalization;
using Lstm.Cli.Commands;
using Lstm.Cli.Progress;
using Lstm.Cli.Runs;
using Lstm.Training.Models;
using Lstm.Training.Tests.Fixtures;

namespace Lstm.Cli.Tests;

/// <summary>
/// Compatibility: the family run of tests/Fixtures/format-v2 (<c>family/</c>: <c>lstm train --cell gru --bidirectional
/// --mask-padding --pooling max</c> on three topics) still works with <c>lstm predict</c> (run folder, checkpoint and
/// model.onnx of ONNX metadata format 2), <c>lstm evaluate</c> and <c>lstm train --resume</c>, and gives the bits of
/// every class recorded in expected.json. A later format must keep these passing, or refuse the files with a message
/// that names their format version.
/// </summary>
public class FormatV2FamilyRunFolderTests
{
    private static FixtureSet Set => FixtureSet.Get(FixtureSet.V2);

    private static FixtureExpectations Expected => Set.Expected;

    private static ExpectedFamily Family => Expected.Family!;

    [Theory]
    [InlineData("model.lstm", ".")]
    [InlineData("model.onnx", "model.onnx")]
    public void Lstm_predict_prints_the_recorded_class_and_its_probability(string artefact, string model)
    {
        // 'lstm predict' skips blank arguments, so they are left out here (the next test covers them).
        var texts = Expected.Texts.Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();
        var outcome = LstmRunner.Run(["predict", "--model", Set.File($"{Family.Folder}/{model}"), "--format", "tsv", .. texts]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        string[] lines = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("probability\tlabel\ttext\tunknown_share", lines[0]);
        Assert.Equal(texts.Length, lines.Length - 1);
        // Each line is the most probable class and its probability, formatted "R" (which parses back to the same float).
        var expected = Expected[$"{Family.Folder}/{artefact}"];
        int[] kept = [.. Enumerable.Range(0, Expected.Texts.Count).Where(i => !string.IsNullOrWhiteSpace(Expected.Texts[i]))];
        float[] probabilities = [.. lines.Skip(1).Select(line => float.Parse(line.Split('\t')[0], CultureInfo.InvariantCulture))];
        Assert.Equal(kept.Select(i => BitConverter.SingleToInt32Bits(expected.Probability(i, expected.PredictedClass(i)))), probabilities.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(kept.Select(i => Family.Classes[expected.PredictedClass(i)]), lines.Skip(1).Select(line => line.Split('\t')[1]));
    }

    [Theory]
    [InlineData("model.lstm", ".")]
    [InlineData("checkpoint.lstmckpt", "checkpoint.lstmckpt")]
    [InlineData("model.onnx", "model.onnx")]
    public void The_predict_code_path_gives_the_recorded_bits_of_every_class_for_every_text(string artefact, string source)
    {
        // What 'lstm predict' runs (and 'lstm export --checkpoint' reads), on all texts including the empty and blank ones.
        string path = Set.File($"{Family.Folder}/{source}");
        var model = path.EndsWith(RunDirectory.CheckpointFile, StringComparison.Ordinal) ? RunFolderReader.ReadCheckpoint(path) : TrainedModel.Load(path);
        Assert.Equal(TaskKind.MulticlassClassification, model.Task);
        Assert.Equal(Family.Classes, model.Network.Spec.ClassNames);
        float[] logits = PredictCommand.Logits(model, Expected.Texts, threads: null, CancellationToken.None);
        float[] probabilities = [.. logits];
        int k = model.Network.Spec.Outputs;
        for (int i = 0; i < probabilities.Length; i += k) SequenceNetwork.Activate(model.Network.Spec, probabilities.AsSpan(i, k));
        Expected[$"{Family.Folder}/{artefact}"].AssertMatches(Expected.Texts, logits, probabilities);
    }

    [Fact]
    public void Lstm_evaluate_reports_the_recorded_loss_and_accuracy()
    {
        var outcome = LstmRunner.Run("evaluate", "--model", Set.File(Family.Folder), "--data", Set.File(Family.Data));
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        var evaluate = Family.Evaluate;
        Assert.Contains($"{evaluate.Count}/{evaluate.Count} - ", outcome.Output);
        Assert.Contains($" - loss: {ProgressText.Metric(evaluate.Loss)} - accuracy: {ProgressText.Metric(evaluate.Accuracy)} - ", outcome.Output);
        Assert.Contains($"sparse categorical cross-entropy in nats over {Family.Classes.Count} classes", outcome.Output);
    }

    [Fact]
    public void Lstm_train_resumes_the_family_checkpoint_for_one_more_epoch()
    {
        // A copy: resuming writes the checkpoint, model and manifest again; training.json names the data relative to the run folder.
        using var temp = new TempFolder();
        string data = Path.GetFileName(Family.Data);
        foreach (string name in new[] { "checkpoint.lstmckpt", "vocabulary.json", "training.json", "history.json", "model.lstm", "model.onnx", data })
            File.Copy(Set.File($"{Family.Folder}/{name}"), temp.File(name));
        var outcome = LstmRunner.Run("train", "--resume", temp.File("checkpoint.lstmckpt"), "--epochs", "3");
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Continuing after epoch 2 of 3", outcome.Output);
        Assert.Equal(Family.Network, SequenceNetwork.Load(temp.File("model.lstm")).Spec.Describe());
    }
}
