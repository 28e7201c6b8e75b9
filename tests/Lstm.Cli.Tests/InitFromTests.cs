using Lstm.Cli.Runs;
using Lstm.Training.Layers;

namespace Lstm.Cli.Tests;

/// <summary><c>lstm train --init-from MODEL</c> starts a new run from a trained model's weights and vocabulary.</summary>
public class InitFromTests
{
    [Fact]
    public void A_new_run_starts_from_the_models_weights_vocabulary_and_shape()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string first = temp.File("first"), second = temp.File("second"), fresh = temp.File("fresh");
        var trained = LstmRunner.Run(EndToEndTests.TinyTraining(data, first, epochs: 3));
        Assert.True(trained.ExitCode == 0, trained.ToString());

        // A learning rate far below the weights' float resolution leaves them where they start: the model's.
        string[] continued = ["train", "--data", data, "--init-from", first, "--epochs", "1", "--learning-rate", "1e-30", "--out", second, "--threads", "1"];
        var run = LstmRunner.Run(continued);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Starting from the run folder {first}", run.Output);
        Assert.Contains("Embedding(200, 8) -> LSTM(8,", run.Output);
        var before = LstmClassifier.Load(Path.Combine(first, RunDirectory.ModelFile));
        var after = LstmClassifier.Load(Path.Combine(second, RunDirectory.ModelFile));
        Assert.Equal(before.Config, after.Config);
        for (int i = 0; i < before.Parameters.Tensors.Count; i++) Assert.Equal(before.Parameters.Tensors[i], after.Parameters.Tensors[i]);
        Assert.Equal(File.ReadAllText(Path.Combine(first, RunDirectory.VocabularyFile)), File.ReadAllText(Path.Combine(second, RunDirectory.VocabularyFile)));
        var manifest = TrainingManifest.Load(Path.Combine(second, RunDirectory.ManifestFile));
        Assert.Equal("../first", manifest.InitializedFrom);
        Assert.Equal(20, manifest.Preprocessing.MaxLen);

        // The same command without --init-from starts from Keras's initialisation, far from the trained weights.
        var scratch = LstmRunner.Run([.. continued.Where((_, i) => i is not (3 or 4)).Select(a => a == second ? fresh : a), "--max-len", "20", "--units", "8", "--embedding-dim", "8", "--num-words", "200"]);
        Assert.True(scratch.ExitCode == 0, scratch.ToString());
        var initialised = LstmClassifier.Load(Path.Combine(fresh, RunDirectory.ModelFile));
        Assert.NotEqual(before.Parameters.Tensors[1], initialised.Parameters.Tensors[1]);
    }

    [Fact]
    public void An_exported_onnx_model_is_a_starting_point_too_and_training_moves_it()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string first = temp.File("first"), second = temp.File("second");
        Assert.Equal(0, LstmRunner.Run(EndToEndTests.TinyTraining(data, first)).ExitCode);
        string onnx = Path.Combine(first, RunDirectory.OnnxFile);

        var run = LstmRunner.Run("train", "--data", data, "--init-from", onnx, "--epochs", "2", "--max-len", "30", "--out", second, "--threads", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Starting from the ONNX", run.Output);
        var manifest = TrainingManifest.Load(Path.Combine(second, RunDirectory.ManifestFile));
        Assert.Equal(30, manifest.Preprocessing.MaxLen); // --max-len given: the run's, not the model's
        Assert.Equal(8, manifest.Model.Units);
        var before = LstmClassifier.Load(Path.Combine(first, RunDirectory.ModelFile));
        var after = LstmClassifier.Load(Path.Combine(second, RunDirectory.ModelFile));
        Assert.NotEqual(before.Parameters.Tensors[1], after.Parameters.Tensors[1]);
        Assert.Equal(0, LstmRunner.Run("evaluate", "--model", second, "--data", data).ExitCode);
    }

    [Theory]
    [InlineData("--units", "16", "--units 16 disagrees with the model given to --init-from, which has 8")]
    [InlineData("--num-words", "300", "--num-words 300 disagrees with the model given to --init-from, which has 200")]
    [InlineData("--resume", "RUN/checkpoint.lstmckpt", "--init-from cannot be combined with --resume")]
    [InlineData("--out", "RUN", "is the folder of the model given to --init-from")]
    public void Conflicting_options_are_one_error_line(string option, string value, string message)
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string first = temp.File("first");
        Assert.Equal(0, LstmRunner.Run(EndToEndTests.TinyTraining(data, first)).ExitCode);
        byte[] modelBefore = File.ReadAllBytes(Path.Combine(first, RunDirectory.ModelFile));
        string[] args = ["train", "--data", data, "--init-from", first, "--epochs", "1", option, value.Replace("RUN", first, StringComparison.Ordinal)];
        if (option != "--out") args = [.. args, "--out", temp.File("second")];
        var run = LstmRunner.Run(args);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Equal("completed", TrainingManifest.Load(Path.Combine(first, RunDirectory.ManifestFile)).Status); // the model's own run is untouched
        Assert.Equal(modelBefore, File.ReadAllBytes(Path.Combine(first, RunDirectory.ModelFile)));
    }

    [Fact]
    public void A_missing_model_is_named()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        var run = LstmRunner.Run("train", "--data", data, "--init-from", temp.File("nothing-here"), "--out", temp.File("second"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("nothing-here", run.Error);
        Assert.False(Directory.Exists(temp.File("second")));
    }
}
