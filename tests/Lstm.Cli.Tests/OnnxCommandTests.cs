using System.Globalization;
using System.Text.RegularExpressions;
using Lstm.Cli.Commands;
using Lstm.Cli.Data;
using Lstm.Cli.Runs;
using Lstm.Training.Layers;
using Lstm.Training.Losses;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Cli.Tests;

/// <summary><c>lstm train</c>'s model.onnx, <c>lstm export</c>, and <c>lstm evaluate</c>/<c>predict</c> on .onnx files, end to end on a tiny labelled file.</summary>
public class OnnxCommandTests
{
    /// <summary>Mixed case, punctuation, HTML, unknown words, and one review longer than max-len 20 (so truncation matters).</summary>
    private static readonly string[] Reviews =
    [
        "GREAT, wonderful film!!! Loved it.",
        "awful <br /> boring; a waste",
        "zyzzyva quux",
        "the movie was a fun story and the acting was brilliant and amazing but the plot was dull boring and the worst waste of an evening really",
    ];

    private static string Train(TempFolder temp, int epochs = 2)
    {
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string run = temp.File("run");
        var train = LstmRunner.Run(EndToEndTests.TinyTraining(data, run, epochs));
        Assert.True(train.ExitCode == 0, train.ToString());
        return run;
    }

    private static float[] PredictedProbabilities(string model) =>
        [.. PredictCommand.Logits(TrainedModel.Load(model), Reviews, threads: 1, CancellationToken.None).Select(BinaryCrossEntropy.Sigmoid)];

    [Fact]
    public void TrainWritesAModelOnnxHoldingTheWeightsOfModelLstm()
    {
        using var temp = new TempFolder();
        string run = Train(temp);
        string onnx = Path.Combine(run, RunDirectory.OnnxFile);
        Assert.True(File.Exists(onnx));
        Assert.Empty(Directory.GetFiles(run, "*.tmp"));
        Assert.Equal(RunDirectory.OnnxFile, TrainingManifest.Load(Path.Combine(run, RunDirectory.ManifestFile)).Files["onnx"]);

        var imported = OnnxImporter.ImportFile(onnx);
        var trained = LstmClassifier.Load(Path.Combine(run, RunDirectory.ModelFile));
        Assert.Equal(trained.Config, imported.Model.Config);
        var expected = trained.Parameters.Tensors.ToArray();
        var actual = imported.Model.Parameters.Tensors.ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i].ToArray(), actual[i].ToArray());

        var vocabulary = Vocabulary.Load(Path.Combine(run, RunDirectory.VocabularyFile));
        Assert.Equal(vocabulary.Words, imported.Vocabulary.Words);
        Assert.Equal(vocabulary.NumWords, imported.Vocabulary.NumWords);
        var metadata = imported.Metadata;
        Assert.Equal((OnnxModelVariant.Text, 20, PaddingSide.Pre, PaddingSide.Pre), (metadata.Variant, metadata.MaxLength, metadata.Padding, metadata.Truncating));
    }

    [Fact]
    public void ExportWritesBothVariantsFromACheckpointAndARunFolderThatOnnxRuntimeRunsLikePredict()
    {
        using var temp = new TempFolder();
        string run = Train(temp);
        string checkpoint = Path.Combine(run, RunDirectory.CheckpointFile);
        string trainOnnx = Path.Combine(run, RunDirectory.OnnxFile);
        byte[] trainBytes = File.ReadAllBytes(trainOnnx);
        float[] expected = PredictedProbabilities(run);

        var exports = new (string[] Args, string Path, OnnxModelVariant Variant)[]
        {
            (["--checkpoint", checkpoint], trainOnnx, OnnxModelVariant.Text), // the default: model.onnx beside the checkpoint
            (["--checkpoint", checkpoint, "--variant", "ids", "--out", temp.File("checkpoint.ids.onnx")], temp.File("checkpoint.ids.onnx"), OnnxModelVariant.Ids),
            (["--model", run, "--variant", "ids"], Path.Combine(run, RunDirectory.OnnxIdsFile), OnnxModelVariant.Ids),
            (["--model", run, "--variant", "text", "--out", temp.File("run.onnx")], temp.File("run.onnx"), OnnxModelVariant.Text),
        };
        foreach (var (args, path, variant) in exports)
        {
            var export = LstmRunner.Run(["export", .. args]);
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.Contains($"Wrote {path}", export.Output);
            Assert.Contains($"{new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes", export.Output);
            Assert.Contains(variant == OnnxModelVariant.Text ? "variant text" : "variant ids", export.Output);
            Assert.Contains(variant == OnnxModelVariant.Text ? "opset ai.onnx 20 + ai.onnx.ml 3" : "opset ai.onnx 17", export.Output);
            Assert.Equal(variant, OnnxImporter.ImportFile(path).Metadata.Variant);

            float[] onnxRuntime = OnnxRuntimeProbabilities(path, variant);
            float[] predicted = PredictedProbabilities(path);
            for (int i = 0; i < Reviews.Length; i++)
            {
                Assert.Equal(predicted[i], onnxRuntime[i], 1e-5f);
                Assert.Equal(expected[i], predicted[i]); // the .onnx holds the run's weights exactly
            }
        }
        Assert.Equal(trainBytes, File.ReadAllBytes(trainOnnx)); // the checkpoint of the last epoch is the trained model
        Assert.Equal(trainBytes, File.ReadAllBytes(temp.File("run.onnx")));
        Assert.Equal(File.ReadAllBytes(temp.File("checkpoint.ids.onnx")), File.ReadAllBytes(Path.Combine(run, RunDirectory.OnnxIdsFile)));
    }

    /// <summary>ONNX Runtime's probabilities for <see cref="Reviews"/> from the file: normalised text, or ids encoded as the model was trained.</summary>
    private static float[] OnnxRuntimeProbabilities(string path, OnnxModelVariant variant)
    {
        using var session = new OnnxRuntimeModel(path);
        if (variant == OnnxModelVariant.Text) return session.ProbabilitiesOfText([.. Reviews.Select(TextNormalizer.Normalize)]);
        var model = TrainedModel.Load(path);
        return session.ProbabilitiesOfIds(ReviewEncoder.Encode(Reviews, model.Vocabulary, model.Padding));
    }

    [Fact]
    public void ExportWritesPaddingFreeByDefault_AndPaddedOnRequest_BothVariantsRunningLikeTheTrainer()
    {
        using var temp = new TempFolder();
        string run = Train(temp);
        float[] expected = PredictedProbabilities(run);
        Assert.True(OnnxImporter.ImportFile(Path.Combine(run, "model.onnx")).Metadata.PaddingFree);
        foreach (var (variant, padded) in new[] { (OnnxModelVariant.Text, false), (OnnxModelVariant.Ids, false), (OnnxModelVariant.Text, true), (OnnxModelVariant.Ids, true) })
        {
            string path = temp.File($"{(padded ? "padded" : "free")}.{OnnxVariantNames.Format(variant)}.onnx");
            string[] layout = padded ? ["--padded"] : [];
            var export = LstmRunner.Run(["export", "--model", run, "--variant", OnnxVariantNames.Format(variant), .. layout, "--out", path]);
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.Contains(padded ? " - padded" : " - padding-free", export.Output);
            Assert.Equal(!padded, OnnxImporter.ImportFile(path).Metadata.PaddingFree);

            float[] onnxRuntime = OnnxRuntimeProbabilities(path, variant);
            float[] predicted = PredictedProbabilities(path);
            for (int i = 0; i < Reviews.Length; i++)
            {
                Assert.Equal(expected[i], onnxRuntime[i], 1e-5f);
                Assert.Equal(expected[i], predicted[i]);
            }
        }
    }

    [Fact]
    public void EvaluateAndPredictGiveTheSameNumbersWithTheOnnxModelsAsWithTheRunFolder()
    {
        using var temp = new TempFolder();
        string run = Train(temp);
        string data = temp.File("reviews.tsv");
        Assert.Equal(0, LstmRunner.Run("export", "--model", run, "--variant", "ids").ExitCode);

        string expectedMetrics = Metrics(LstmRunner.Run("evaluate", "--model", run, "--data", data));
        string expectedPredictions = LstmRunner.Run(["predict", "--model", run, .. Reviews]).Output;
        foreach (string file in (string[])[RunDirectory.OnnxFile, RunDirectory.OnnxIdsFile])
        {
            string onnx = Path.Combine(run, file);
            var evaluate = LstmRunner.Run("evaluate", "--model", onnx, "--data", data);
            Assert.Contains($"Model: {onnx} (ONNX", evaluate.Output);
            Assert.Equal(expectedMetrics, Metrics(evaluate));
            var predict = LstmRunner.Run(["predict", "--model", onnx, .. Reviews]);
            Assert.True(predict.ExitCode == 0, predict.ToString());
            Assert.Equal(expectedPredictions, predict.Output);
        }
    }

    [Fact]
    public void AnOnnxModelsPaddingComesFromItsMetadata()
    {
        using var temp = new TempFolder();
        string run = Train(temp, epochs: 1);
        var trained = TrainedModel.Load(run);
        string post = temp.File("post.onnx");
        OnnxExporter.ExportToFile(trained.Network.Classifier!, trained.Vocabulary,
            new OnnxExportOptions { MaxLength = 6, Padding = PaddingSide.Post, Truncating = PaddingSide.Post }, post);

        var model = TrainedModel.Load(post);
        Assert.Equal(new SequencePadding(6, PaddingSide.Post, PaddingSide.Post), model.Padding);
        using var session = new OnnxRuntimeModel(post); // the graph pads with its own operators
        float[] onnxRuntime = session.ProbabilitiesOfText([.. Reviews.Select(TextNormalizer.Normalize)]);
        float[] predicted = PredictedProbabilities(post);
        for (int i = 0; i < Reviews.Length; i++) Assert.Equal(onnxRuntime[i], predicted[i], 1e-5f);
        Assert.NotEqual(PredictedProbabilities(run)[^1], predicted[^1]);
    }

    [Theory]
    [InlineData("evaluate", "garbage")]
    [InlineData("predict", "garbage")]
    [InlineData("predict", "truncated")]
    [InlineData("export", "garbage")]
    public void AnOnnxFileNotWrittenByLstmIsOneErrorLineNamingIt(string command, string kind)
    {
        using var temp = new TempFolder();
        string file = temp.File($"{kind}.onnx");
        if (kind == "garbage") File.WriteAllBytes(file, [.. Enumerable.Range(0, 500).Select(i => (byte)(i * 37 % 251))]);
        else File.WriteAllBytes(file, File.ReadAllBytes(Path.Combine(Train(temp, epochs: 1), RunDirectory.OnnxFile))[..2000]);
        string[] args = command switch
        {
            "evaluate" => ["evaluate", "--model", file, "--data", TinyReviews.Write(temp.File("r.tsv"))],
            "predict" => ["predict", "--model", file, "a fine film"],
            _ => ["export", "--model", file, "--variant", "ids", "--out", temp.File("out.onnx")],
        };
        var outcome = LstmRunner.Run(args);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        string line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(file, line);
        Assert.Contains("ONNX", line);
        Assert.False(File.Exists(temp.File("out.onnx")));
    }

    [Fact]
    public void AMissingOnnxFileIsNamed()
    {
        using var temp = new TempFolder();
        var outcome = LstmRunner.Run("predict", "--model", temp.File("nope.onnx"), "text");
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains(temp.File("nope.onnx"), outcome.Error);
    }

    [Theory]
    [InlineData(new string[0], "--checkpoint PATH or --model DIR")]
    [InlineData(new[] { "--model", "a", "--checkpoint", "b" }, "not both")]
    [InlineData(new[] { "--model", "a", "--variant", "onnx" }, "--variant must be 'text' or 'ids', got onnx.")]
    public void ExportNeedsExactlyOneSourceAndAKnownVariant(string[] args, string expected)
    {
        var outcome = LstmRunner.Run(["export", .. args]);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.StartsWith("error: ", outcome.Error);
        Assert.Contains(expected, outcome.Error.Split('\n')[0]);
    }

    [Fact]
    public void ExportFromACheckpointOutsideItsRunFolderNamesTheMissingFile()
    {
        using var temp = new TempFolder();
        string run = Train(temp, epochs: 1);
        string lonely = temp.File("lonely.lstmckpt");
        File.Copy(Path.Combine(run, RunDirectory.CheckpointFile), lonely);
        var outcome = LstmRunner.Run("export", "--checkpoint", lonely);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains(RunDirectory.VocabularyFile, outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
    }

    private static string Metrics(LstmRunner.Outcome evaluate)
    {
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        var match = Regex.Match(evaluate.Output, @"loss: \d\.\d{4} - accuracy: \d\.\d{4}");
        Assert.True(match.Success, evaluate.Output);
        return match.Value;
    }
}
