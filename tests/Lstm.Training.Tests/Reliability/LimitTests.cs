using Lstm.Training.Models;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Reliability;

/// <summary>Issue 11: settings beyond the documented caps, or beyond memory, are refused before anything large is allocated.</summary>
public class LimitTests
{
    [Fact]
    public void Settings_beyond_the_caps_are_refused_naming_the_cap()
    {
        Assert.Contains("at most 1,048,576", Assert.Throws<ArgumentOutOfRangeException>(() => new TextModelTrainer(new TextModelOptions { Fit = new FitOptions { BatchSize = int.MaxValue } })).Message);
        Assert.Contains("MaxLength must be in [1, 100000]", Assert.Throws<ArgumentOutOfRangeException>(() => new TextModelTrainer(new TextModelOptions { MaxLength = 100_000_000 })).Message);
        Assert.Contains("at most 10,000,000", Assert.Throws<ArgumentOutOfRangeException>(() => new TextModelTrainer(new TextModelOptions { NumWords = int.MaxValue })).Message);
        Assert.Contains("Units must be in [1, 8192]", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new TextModelTrainer(new TextModelOptions { Network = NetworkSpec.Seed with { Recurrent = [new RecurrentLayerSpec { Units = 100_000 }] } })).Message);
    }

    [Fact]
    public void A_run_that_cannot_fit_in_memory_is_refused_with_the_estimate()
    {
        var options = new TextModelOptions { MaxLength = 100_000, NumWords = 50, Fit = new FitOptions { BatchSize = 1_000_000 } };
        var texts = Enumerable.Range(0, 2_000_000).Select(i => "a b").ToArray();
        var error = Assert.Throws<ArgumentException>(() => new TextModelTrainer(options).Prepare(new LabelledTexts(texts, TextLabels.Binary([.. texts.Select((_, i) => i % 2 == 0)]))));
        Assert.Matches(@"^Training would need about [\d.]+ GB of memory \(batch size 1000000, max length 100000, 2,000,000 examples, [\d,]+ weights\) but about [\d.]+ GB is available", error.Message);
    }

    [Fact]
    public void The_estimate_grows_with_each_setting()
    {
        long Estimate(NetworkSpec spec, int maxLength = 500, int batch = 32, long examples = 25_000) => TrainingMemory.Estimate(spec, maxLength, batch, examples);
        long seed = Estimate(NetworkSpec.Seed);
        Assert.InRange(seed, 40L << 20, 400L << 20); // the seed program trains in a few hundred MB
        Assert.True(Estimate(NetworkSpec.Seed, maxLength: 1000) > seed);
        Assert.True(Estimate(NetworkSpec.Seed, batch: 64) > seed);
        Assert.True(Estimate(NetworkSpec.Seed, examples: 50_000) > seed);
        Assert.True(Estimate(NetworkSpec.Seed with { Recurrent = [new RecurrentLayerSpec { Bidirectional = true }] }) > seed);
    }
}

/// <summary>Issue 11: ONNX metadata is held to the same caps as the settings it records.</summary>
public class OnnxMetadataLimitTests
{
    [Fact]
    public void A_max_length_beyond_the_cap_in_onnx_metadata_is_refused()
    {
        var network = new SequenceNetwork(NetworkSpec.Seed with { VocabularySize = 20, EmbeddingDim = 4, Recurrent = [new RecurrentLayerSpec { Units = 3 }] }, seed: 1);
        var vocabulary = Lstm.Training.Text.Vocabulary.FromWords(["good", "bad"], numWords: 20);
        byte[] bytes = Lstm.Training.Onnx.OnnxExporter.ExportToBytes(network, vocabulary, new Lstm.Training.Onnx.OnnxExportOptions { MaxLength = 100_000 });
        // The same length of digits: "100000" becomes "900000".
        byte[] key = "lstm_mlnet.max_len"u8.ToArray();
        int value = bytes.AsSpan().IndexOf(key) + key.Length + 2;
        Assert.Equal((byte)'1', bytes[value]);
        bytes[value] = (byte)'9';
        var error = Assert.Throws<InvalidDataException>(() => Lstm.Training.Onnx.OnnxImporter.Import(bytes, "spoofed.onnx"));
        Assert.Contains("spoofed.onnx: metadata key 'lstm_mlnet.max_len' is '900000'; expected an integer from 1 to 100000.", error.Message);
    }
}
