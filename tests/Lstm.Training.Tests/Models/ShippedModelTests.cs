using Lstm.Training.Data;
using Lstm.Training.Layers;
using Lstm.Training.Onnx;
using Lstm.Training.Tests.TestData;
using Lstm.Training.Text;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.Models;

/// <summary>The model in models/imdb-lstm: it loads, describes itself, and scores real IMDB test reviews as documented.</summary>
public class ShippedModelTests(ITestOutputHelper output)
{
    private static string ModelFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return Path.Combine(dir.FullName, "models", "imdb-lstm");
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} holds Lstm.MLNet.sln.");
    }

    [Fact]
    public void The_onnx_file_and_the_lstm_file_are_the_same_seed_shaped_network()
    {
        string folder = ModelFolder();
        var imported = OnnxImporter.ImportFile(Path.Combine(folder, "model.onnx"));
        var lstm = LstmClassifier.Load(Path.Combine(folder, "model.lstm"));
        Assert.Equal(new LstmClassifierConfig() with { Dropout = imported.Model.Config.Dropout, RecurrentDropout = imported.Model.Config.RecurrentDropout }, imported.Model.Config);
        Assert.Equal(lstm.Config, imported.Model.Config);
        for (int i = 0; i < lstm.Parameters.Tensors.Count; i++) Assert.Equal(lstm.Parameters.Tensors[i], imported.Model.Parameters.Tensors[i]);
        Assert.Equal(500, imported.Metadata.MaxLength);
        Assert.Equal(TextNormalizer.Name, imported.Metadata.NormalizerName);
        Assert.Equal(Vocabulary.Load(Path.Combine(folder, "vocabulary.json")).Words, imported.Vocabulary.Words);
    }

    [Fact]
    public void Onnx_runtime_gives_the_probabilities_of_the_csharp_forward_pass()
    {
        // The model was retrained in issue 12, so the format fixtures' records of the earlier shipped model no longer
        // apply; its files are checked against ONNX Runtime here instead.
        string[] texts = ["A moving, beautifully acted film.", "Dull and far too long.", "This movie is not good.", "", "지루하고 최악인 영화",
            "<br />I loved it, loved it, LOVED it!!! " + string.Concat(Enumerable.Repeat("the plot was long ", 60))];
        var imported = OnnxImporter.ImportFile(Path.Combine(ModelFolder(), "model.onnx"));
        float[] expected = imported.Model.PredictProbabilities(PadSequences.Pad([.. texts.Select(imported.Vocabulary.Encode)], imported.Metadata.MaxLength));
        using var session = new Onnx.OnnxSession(File.ReadAllBytes(Path.Combine(ModelFolder(), "model.onnx")));
        var result = session.RunText([.. texts.Select(TextNormalizer.Normalize)]);
        for (int i = 0; i < texts.Length; i++) Assert.Equal(expected[i], result.Probabilities[i], 1e-5f);
    }

    [SkippableFact]
    public void It_classifies_held_out_imdb_reviews_as_documented()
    {
        var imdb = RealImdb.LoadOrSkip();
        var imported = OnnxImporter.ImportFile(Path.Combine(ModelFolder(), "model.onnx"));
        var test = imdb.Subset(trainLimit: 0, testLimit: 4000, seed: 3).Test;
        var sequences = PadSequences.Pad(test.Select(r => imported.Vocabulary.Encode(r.Text)).ToArray(), imported.Metadata.MaxLength);
        var result = imported.Model.Evaluate(sequences, test.Select(r => r.Label).ToArray());
        output.WriteLine($"4,000 IMDB test reviews: loss {result.Loss:F4}, accuracy {result.Accuracy:F4}");
        Assert.True(result.Accuracy >= 0.84, $"accuracy {result.Accuracy:F4} on 4,000 held-out reviews; models/imdb-lstm/README.md documents 0.8566 on all 25,000");
        Assert.Contains(test, r => r.Text.Contains("<br />", StringComparison.Ordinal));
    }
}
