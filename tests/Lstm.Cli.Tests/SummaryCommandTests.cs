using System.Text.Json;
using Lstm.Cli.Runs;
using Lstm.Training.Layers;
using Lstm.Training.Tests.Fixtures;
using Lstm.Training.Tests.Layers;
using Lstm.Training.Text;

namespace Lstm.Cli.Tests;

/// <summary><c>lstm summary</c>: Keras's model.summary() table and the model's settings, for each kind of model the CLI reads.</summary>
public class SummaryCommandTests
{
    private const string ShippedDetails = """
        Vocabulary:  num_words 10000, 9,996 words (ids 4-9999); 0 padding, 1 start, 2 out-of-vocabulary, 3 unused
        Sequences:   maxlen 500, padding pre, truncating pre
        Dropout:     dropout 0.2, recurrent_dropout 0.2 (while training only)
        Normaliser:  lstm-mlnet-words v1
        """;

    private static string Shipped => FixtureSet.ShippedFolder;

    private static string Lines(params string[] parts) => string.Join("\n", parts.Select(p => p.ReplaceLineEndings("\n"))) + "\n";

    private static LstmRunner.Outcome Summary(params string[] args)
    {
        var outcome = LstmRunner.Run(["summary", .. args]);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("", outcome.Error);
        return outcome;
    }

    [Fact]
    public void TheShippedRunFolderPrintsKerasTableThenVocabularyPaddingDropoutNormaliserAndTrainingResult()
    {
        var expected = Lines(KerasSummaries.SeedModel, $"Source:      {Shipped} (run folder)", ShippedDetails,
            "Training:    completed, 8 of 10 epochs, stopped early, weights of epoch 5 - loss: 0.1779 - accuracy: 0.9335 - val_loss: 0.3754 - val_accuracy: 0.8624",
            "Test:        loss: 0.3795 - accuracy: 0.8566 on 25,000 reviews of IMDB test split, looked at once after training");
        Assert.Equal(expected, Summary("--model", Shipped).Output.ReplaceLineEndings("\n"));
        // model.lstm given directly reads its run folder.
        Assert.Equal(expected, Summary("--model", Path.Combine(Shipped, RunDirectory.ModelFile)).Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void TheShippedOnnxModelPrintsTheSameTableWithTheLengthFromItsMetadata()
    {
        string onnx = Path.Combine(Shipped, RunDirectory.OnnxFile);
        var expected = Lines(KerasSummaries.SeedModel, $"Source:      {onnx} (ONNX text model)", ShippedDetails);
        Assert.Equal(expected, Summary("--model", onnx).Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void JsonHasTheLayersTotalsPreprocessingAndTrainingResult()
    {
        using var json = JsonDocument.Parse(Summary("--model", Shipped, "--format", "json").Output);
        var root = json.RootElement;
        var model = LstmClassifier.Load(Path.Combine(Shipped, RunDirectory.ModelFile));
        Assert.Equal("sequential", root.GetProperty("model").GetString());
        Assert.Equal("run folder", root.GetProperty("kind").GetString());
        var layers = root.GetProperty("layers").EnumerateArray().ToArray();
        Assert.Equal(["embedding", "lstm", "dense"], layers.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(["Embedding", "LSTM", "Dense"], layers.Select(l => l.GetProperty("type").GetString()));
        Assert.Equal(["[null,500,128]", "[null,128]", "[null,1]"],
            layers.Select(l => string.Concat(l.GetProperty("outputShape").GetRawText().Where(c => !char.IsWhiteSpace(c)))));
        Assert.Equal([1_280_000L, 131_584L, 129L], layers.Select(l => l.GetProperty("params").GetInt64()));
        Assert.Equal(model.Parameters.Tensors.Sum(t => t.LongLength), root.GetProperty("totalParams").GetInt64());
        Assert.Equal(1_411_713, root.GetProperty("trainableParams").GetInt64());
        Assert.Equal(0, root.GetProperty("nonTrainableParams").GetInt64());
        Assert.Equal(10_000, root.GetProperty("vocabulary").GetProperty("numWords").GetInt32());
        Assert.Equal(9_996, root.GetProperty("vocabulary").GetProperty("words").GetInt32());
        Assert.Equal("words", root.GetProperty("vocabulary").GetProperty("tokenizer").GetString());
        var preprocessing = root.GetProperty("preprocessing");
        Assert.Equal((TextNormalizer.Name, 500, "pre", "pre"), (preprocessing.GetProperty("normalizer").GetString(), preprocessing.GetProperty("maxLen").GetInt32(),
            preprocessing.GetProperty("padding").GetString(), preprocessing.GetProperty("truncating").GetString()));
        Assert.Equal(0.2, root.GetProperty("dropout").GetDouble(), 6);
        var training = root.GetProperty("training");
        Assert.Equal((8, 5, 0.8624), (training.GetProperty("epochsCompleted").GetInt32(), training.GetProperty("restoredEpoch").GetInt32(),
            training.GetProperty("valAccuracy").GetDouble()));
        var test = root.GetProperty("test");
        Assert.Equal(("IMDB test split", 25000, 0.85664), (test.GetProperty("data").GetString(), test.GetProperty("count").GetInt32(), test.GetProperty("accuracy").GetDouble()));
    }

    [Fact]
    public void ATinyRunsFolderAndCheckpointGiveItsShapeAndTensorCounts()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string run = temp.File("run");
        var train = LstmRunner.Run(EndToEndTests.TinyTraining(data, run, epochs: 2));
        Assert.True(train.ExitCode == 0, train.ToString());
        var model = LstmClassifier.Load(Path.Combine(run, RunDirectory.ModelFile));
        Assert.Equal(2_153, model.Parameters.Tensors.Sum(t => t.LongLength)); // 200·8 + 4·(8·(8+8)+8) + (8+1)
        int words = Vocabulary.Load(Path.Combine(run, RunDirectory.VocabularyFile)).Words.Count;

        string table = """
             embedding (Embedding)       (None, 20, 8)             1600
             lstm (LSTM)                 (None, 8)                 544
             dense (Dense)               (None, 1)                 9
            =================================================================
            Total params: 2,153
            Trainable params: 2,153
            Non-trainable params: 0
            """.ReplaceLineEndings("\n");
        string vocabulary = $"Vocabulary:  num_words 200, {words} words (ids 4-{3 + words}); 0 padding, 1 start, 2 out-of-vocabulary, 3 unused\n";

        string checkpoint = Path.Combine(run, RunDirectory.CheckpointFile);
        string fromCheckpoint = Summary("--model", checkpoint).Output.ReplaceLineEndings("\n");
        Assert.Contains(table, fromCheckpoint);
        Assert.Contains($"Source:      {checkpoint} (checkpoint after epoch 2)\n", fromCheckpoint);
        Assert.Contains(vocabulary, fromCheckpoint);
        Assert.Contains("Sequences:   maxlen 20, padding pre, truncating pre\n", fromCheckpoint);
        Assert.DoesNotContain("Training:", fromCheckpoint); // training.json's result describes model.lstm, not the checkpoint

        string fromFolder = Summary("--model", run).Output.ReplaceLineEndings("\n");
        Assert.Contains(table, fromFolder);
        Assert.Contains(vocabulary, fromFolder);
        Assert.Matches(@"\nTraining:    completed, 2 of 2 epochs - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}\n$", fromFolder);

        using var json = JsonDocument.Parse(Summary("--model", checkpoint, "--format", "json").Output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("training").ValueKind);
        Assert.Equal(2_153, json.RootElement.GetProperty("totalParams").GetInt64());
    }

    [Theory]
    [InlineData("missing folder")]
    [InlineData("missing .onnx")]
    [InlineData("missing .lstmckpt")]
    [InlineData("garbage .onnx")]
    [InlineData("garbage .lstmckpt")]
    [InlineData("garbage model.lstm")]
    [InlineData("folder without model.lstm")]
    public void AMissingOrGarbageModelIsOneErrorLineNamingItWithExitCode1(string kind)
    {
        using var temp = new TempFolder();
        byte[] garbage = [.. Enumerable.Range(0, 500).Select(i => (byte)(i * 37 % 251))];
        string model = kind switch
        {
            "missing folder" => temp.File("no-run"),
            "missing .onnx" => temp.File("none.onnx"),
            "missing .lstmckpt" => temp.File("none.lstmckpt"),
            "garbage .onnx" => Write(temp.File("garbage.onnx"), garbage),
            "garbage .lstmckpt" => Write(temp.File("garbage.lstmckpt"), garbage),
            _ => temp.Path,
        };
        if (kind == "garbage model.lstm")
        {
            foreach (string file in (string[])[RunDirectory.VocabularyFile, RunDirectory.ManifestFile])
                File.Copy(Path.Combine(Shipped, file), temp.File(file));
            model = Write(temp.File(RunDirectory.ModelFile), garbage);
        }

        var outcome = LstmRunner.Run("summary", "--model", model);
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Equal("", outcome.Output);
        string line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(kind.StartsWith("garbage model", StringComparison.Ordinal) ? model : Path.GetFileName(model), line);
    }

    [Fact]
    public void AnUnknownFormatIsAParseError()
    {
        var outcome = LstmRunner.Run("summary", "--model", Shipped, "--format", "xml");
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.StartsWith("error: --format must be 'text' or 'json', got xml.", outcome.Error);
    }

    private static string Write(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
