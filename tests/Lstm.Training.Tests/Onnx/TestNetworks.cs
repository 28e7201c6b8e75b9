using Lstm.Training.Layers;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Onnx;

/// <summary>Random networks, synthetic vocabularies and texts of many lengths for the ONNX tests.</summary>
internal static class TestNetworks
{
    public static LstmClassifierConfig Small { get; } = new() { VocabularySize = 300, EmbeddingDim = 8, Units = 6 };

    public static LstmClassifierConfig SeedSized { get; } = new();

    /// <summary>A randomly initialised network whose biases are also random, so that gate order mistakes show.</summary>
    public static LstmClassifier Create(LstmClassifierConfig config, ulong seed)
    {
        var model = new LstmClassifier(config, seed);
        var random = new SeededRandom(seed + 1000);
        KerasInitializers.Uniform(model.Parameters.Bias, -0.5f, 0.5f, random);
        model.Parameters.DenseBias[0] = 0.1f;
        return model;
    }

    /// <summary>Words in rank order: more than fit, so that some in-vocabulary words are beyond num_words.</summary>
    public static string[] Words(int vocabularySize) => [.. Enumerable.Range(0, vocabularySize + 20).Select(i => $"w{i}")];

    /// <summary>Texts of the given word counts drawn from the vocabulary, out-of-range words and unknown words.</summary>
    public static string[] Texts(string[] words, IEnumerable<int> lengths, ulong seed)
    {
        var random = new SeededRandom(seed);
        return [.. lengths.Select(n => string.Join(' ', Enumerable.Range(0, n).Select(_ => random.NextInt(10) switch
        {
            0 => $"unknown{random.NextInt(50)}",
            _ => words[random.NextInt(words.Length)],
        })))];
    }

    /// <summary>Word counts around every edge for <paramref name="maxLen"/>: empty, short, maxLen ± 1 (with the start id), long.</summary>
    public static int[] EdgeLengths(int maxLen) =>
        [0, 1, 2, 3, maxLen - 2, maxLen - 1, maxLen, maxLen + 1, 2 * maxLen + 3, maxLen / 2];
}
