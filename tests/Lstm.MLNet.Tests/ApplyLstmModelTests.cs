using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Lstm.MLNet.Tests;

public sealed class ApplyLstmModelTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void OnAModelFolder_ReadsItsModelOnnx_AndAnEmptyFolderIsNamed()
    {
        using var temp = new TempDirectory();
        var reviews = SyntheticReviews.Make(20);
        string folder = temp.File("run");
        Directory.CreateDirectory(folder);
        var missing = Assert.Throws<FileNotFoundException>(() => _ml.Transforms.ApplyLstmModel(folder));
        Assert.Contains($"'{folder}' holds no ONNX model", missing.Message);
        Assert.Contains("model.onnx or model.ids.onnx", missing.Message);

        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), RandomModels.Synthetic());
        var data = _ml.Data.LoadFromEnumerable(reviews);
        using var fromFolder = _ml.Transforms.ApplyLstmModel(folder).Fit(data);
        using var fromFile = _ml.Transforms.ApplyLstmModel(Path.Combine(folder, "model.onnx")).Fit(data);
        Assert.Equal(fromFile.Transform(data).GetColumn<float>("Probability").ToArray(), fromFolder.Transform(data).GetColumn<float>("Probability").ToArray());
    }

    [Fact]
    public void OnAFileWrittenByTheExporter_GivesOnnxRuntimesProbabilities()
    {
        using var temp = new TempDirectory();
        var reviews = SyntheticReviews.Make(77); // not a multiple of the batch size
        string file = temp.File("model.onnx");
        File.WriteAllBytes(file, RandomModels.Synthetic());

        float[] expected = RunOnnxRuntime(file, reviews.Select(r => TextNormalizer.Normalize(r.Text)).ToArray());
        using var transformer = _ml.Transforms.ApplyLstmModel(file, inputColumnName: "Text").Fit(_ml.Data.LoadFromEnumerable(reviews));
        float[] actual = transformer.Transform(_ml.Data.LoadFromEnumerable(reviews)).GetColumn<float>("Probability").ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-6f);
        Assert.Equal(OnnxModelVariant.Text, transformer.Metadata.Variant);
        Assert.Null(transformer.TrainingHistory);
    }

    [Fact]
    public void OnAPaddingFreeFile_GivesThePaddedFilesProbabilities_InTheRowsOrder()
    {
        // More than one sorted window (1,024 rows), of texts of many lengths in no order.
        var reviews = SyntheticReviews.Make(1100).Select((r, i) => i % 7 == 0 ? new Review { Text = string.Join(' ', Enumerable.Repeat(r.Text, 1 + (i % 5))), Label = r.Label } : r)
            .Append(new Review { Text = "", Label = true })
            .Append(new Review { Text = string.Join(' ', SyntheticReviews.Make(6).Select(r => r.Text)), Label = false }) // longer than 40 words
            .ToArray();
        var vocabulary = Vocabulary.BuildFromTexts(SyntheticReviews.Make(200).Select(r => r.Text), 200);
        var model = new Lstm.Training.Layers.LstmClassifier(new Lstm.Training.Layers.LstmClassifierConfig { VocabularySize = 200, EmbeddingDim = 8, Units = 8 }, seed: 3);
        var options = new OnnxExportOptions { MaxLength = 40 };
        byte[] padded = OnnxExporter.ExportToBytes(model, vocabulary, options with { Layout = OnnxGraphLayout.Padded });
        byte[] free = OnnxExporter.ExportToBytes(model, vocabulary, options with { Layout = OnnxGraphLayout.PaddingFree });
        var data = _ml.Data.LoadFromEnumerable(reviews);
        using var fromPadded = _ml.Transforms.ApplyLstmModel(padded).Fit(data);
        using var fromFree = _ml.Transforms.ApplyLstmModel(free).Fit(data);
        Assert.True(fromFree.Metadata.PaddingFree);
        float[] expected = fromPadded.Transform(data).GetColumn<float>("Probability").ToArray();
        float[] actual = fromFree.Transform(data).GetColumn<float>("Probability").ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5f);

        // Saved and loaded, the chain runs the padding-free graph through ML.NET's own ApplyOnnxModel.
        using var temp = new TempDirectory();
        string zip = temp.File("model.zip");
        _ml.Model.Save(fromFree, data.Schema, zip);
        var loaded = _ml.Model.Load(zip, out _);
        try
        {
            float[] reloaded = loaded.Transform(data).GetColumn<float>("Probability").ToArray();
            Assert.Equal(expected.Length, reloaded.Length);
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], reloaded[i], 1e-5f);
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void StreamAndByteOverloads_ReadTheSameModel()
    {
        byte[] bytes = RandomModels.Synthetic();
        var data = _ml.Data.LoadFromEnumerable(SyntheticReviews.Make(10));
        using var stream = new MemoryStream(bytes);
        using var fromStream = _ml.Transforms.ApplyLstmModel(stream).Fit(data);
        using var fromBytes = _ml.Transforms.ApplyLstmModel(bytes).Fit(data);
        Assert.Equal(fromBytes.Transform(data).GetColumn<float>("Score"), fromStream.Transform(data).GetColumn<float>("Score"));
        Assert.Equal(bytes, fromBytes.GetOnnxModel());
    }

    [Fact]
    public void AFileWhoseMetadataWasChanged_IsRefusedWhenLoadedNotAtTheFirstPrediction()
    {
        byte[] bytes = RandomModels.Synthetic();
        // Metadata entries are protobuf (key, value) pairs: change the value after the key "lstm_mlnet.vocabulary_size"
        // to a size the graph's embedding does not have, keeping the file's length.
        byte[] key = "lstm_mlnet.vocabulary_size"u8.ToArray();
        int at = bytes.AsSpan().IndexOf(key);
        Assert.True(at > 0);
        int value = at + key.Length + 2; // the value field's tag and length
        Assert.Equal((byte)'2', bytes[value]);
        bytes[value] = (byte)'9';
        var error = Assert.Throws<InvalidDataException>(() => _ml.Transforms.ApplyLstmModel(bytes));
        Assert.StartsWith("The ONNX model", error.Message);
    }

    [Fact]
    public void AnOnnxFileFromAnotherProducer_IsRefusedWithAClearMessage()
    {
        using var temp = new TempDirectory();
        string file = temp.File("other.onnx");
        // A minimal ModelProto: ir_version 8, producer_name "pytorch", an empty graph.
        File.WriteAllBytes(file, [0x08, 0x08, 0x12, 0x07, .. "pytorch"u8, 0x3A, 0x00]);
        var error = Assert.Throws<InvalidDataException>(() => _ml.Transforms.ApplyLstmModel(file));
        Assert.Contains("was not written by Lstm.MLNet", error.Message);
        Assert.Contains("pytorch", error.Message);

        File.WriteAllBytes(file, "not an onnx model"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => _ml.Transforms.ApplyLstmModel(file));
        Assert.Throws<FileNotFoundException>(() => _ml.Transforms.ApplyLstmModel(temp.File("missing.onnx")));
    }

    [Fact]
    public void TheIdsVariant_IsRefused_BecauseItsVocabularyIsOutsideTheGraph()
    {
        byte[] ids = RandomModels.Export(SyntheticReviews.Make(50).Select(r => r.Text), variant: OnnxModelVariant.Ids);
        var error = Assert.Throws<InvalidDataException>(() => _ml.Transforms.ApplyLstmModel(ids));
        Assert.Contains("ids variant", error.Message);
    }

    [Fact]
    public void InputColumns_PassThrough_AndColumnsNamedLikeOutputsAreHidden()
    {
        var rows = SyntheticReviews.Make(40).Select((r, i) => new WithScore { Text = r.Text, Id = i, Score = -1f }).ToArray();
        var data = _ml.Data.LoadFromEnumerable(rows);
        using var transformer = _ml.Transforms.ApplyLstmModel(RandomModels.Synthetic()).Fit(data);
        var scored = transformer.Transform(data);
        Assert.Equal(["Text", "Id", "Score", "Probability", "PredictedLabel"], scored.Schema.Where(c => !c.IsHidden).Select(c => c.Name));
        Assert.True(scored.Schema[2].IsHidden); // the input's Score
        Assert.Equal(Enumerable.Range(0, 40), scored.GetColumn<int>("Id"));
        Assert.DoesNotContain(-1f, scored.GetColumn<float>("Score"));
        Assert.Equal(40, scored.GetRowCount());
    }

    [Fact]
    public void ACursorOverPassThroughColumnsOnly_ReadsEveryRow()
    {
        var data = _ml.Data.LoadFromEnumerable(SyntheticReviews.Make(70));
        using var transformer = _ml.Transforms.ApplyLstmModel(RandomModels.Synthetic()).Fit(data);
        var scored = transformer.Transform(data);
        Assert.Equal(70, scored.GetColumn<bool>("Label").Count());
        using var cursor = scored.GetRowCursor([scored.Schema["Label"]]);
        Assert.False(cursor.IsColumnActive(scored.Schema["Score"]));
        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<float>(scored.Schema["Score"]));
    }

    [Fact]
    public void AShuffledOrFilteredInput_GetsEachRowsOwnScore()
    {
        var reviews = SyntheticReviews.Make(150);
        var data = _ml.Data.LoadFromEnumerable(reviews);
        using var transformer = _ml.Transforms.ApplyLstmModel(RandomModels.Synthetic()).Fit(data);
        var engine = _ml.Model.CreatePredictionEngine<Review, ReviewPrediction>(transformer);
        var shuffled = _ml.Data.ShuffleRows(data, seed: 4);
        var filtered = _ml.Data.FilterByCustomPredicate<Review>(shuffled, r => r.Text.Length % 3 == 0);
        foreach (var view in new[] { shuffled, filtered })
        {
            var rows = _ml.Data.CreateEnumerable<TextAndScore>(transformer.Transform(view), reuseRowObject: false).ToArray();
            Assert.NotEmpty(rows);
            foreach (var row in rows) Assert.Equal(engine.Predict(new Review { Text = row.Text }).Score, row.Score, 1e-5f);
        }
    }

    [Fact]
    public void AModelSavedAsOnnxByTheTransformer_IsReadBackByApplyLstmModel()
    {
        using var temp = new TempDirectory();
        var data = _ml.Data.LoadFromEnumerable(SyntheticReviews.Make(70));
        using var first = _ml.Transforms.ApplyLstmModel(RandomModels.Synthetic()).Fit(data);
        string file = temp.File("copy.onnx");
        first.SaveOnnxModel(file);
        using var second = _ml.Transforms.ApplyLstmModel(file).Fit(data);
        Assert.Equal(first.Transform(data).GetColumn<float>("Score"), second.Transform(data).GetColumn<float>("Score"));
        Assert.Equal(first.Metadata, second.Metadata);
    }

    private static float[] RunOnnxRuntime(string file, string[] normalised)
    {
        using var session = new InferenceSession(file);
        var tensor = new DenseTensor<string>([normalised.Length, 1]);
        for (int i = 0; i < normalised.Length; i++) tensor[i, 0] = normalised[i];
        using var input = OrtValue.CreateFromStringTensor(tensor);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, new Dictionary<string, OrtValue> { ["text"] = input }, ["probability"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private sealed class TextAndScore
    {
        public string Text { get; set; } = "";

        public float Score { get; set; }
    }

    private sealed class WithScore
    {
        public string Text { get; set; } = "";

        public int Id { get; set; }

        public float Score { get; set; }
    }
}
