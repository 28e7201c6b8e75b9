using Lstm.Training.Data;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Cli.Data;

/// <summary>
/// The preprocessing the seed program gets from <c>imdb.load_data</c> and <c>pad_sequences</c>: text →
/// <see cref="TextNormalizer.Tokenize"/> → <see cref="Vocabulary.Encode(IReadOnlyList{string})"/> (start id 1, OOV 2) →
/// <see cref="PadSequences.Pad"/> to <c>maxLen</c>, padding and truncating at the front with id 0.
/// </summary>
internal static class ReviewEncoder
{
    /// <summary>Padding side (Keras <c>padding='pre'</c>).</summary>
    public const PaddingSide Padding = PaddingSide.Pre;

    /// <summary>Truncating side (Keras <c>truncating='pre'</c>: a long review keeps its last ids).</summary>
    public const PaddingSide Truncating = PaddingSide.Pre;

    /// <summary>The words of each text, tokenised in parallel; order is kept.</summary>
    public static string[][] Tokenize(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        var tokens = new string[texts.Count][];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = ct }, i => tokens[i] = TextNormalizer.Tokenize(texts[i]));
        return tokens;
    }

    /// <summary>Encodes and pads tokenised texts into rows of exactly <paramref name="maxLen"/> ids.</summary>
    public static int[][] Encode(IReadOnlyList<string[]> tokens, Vocabulary vocabulary, int maxLen)
    {
        var ids = new int[tokens.Count][];
        Parallel.For(0, tokens.Count, i => ids[i] = vocabulary.Encode(tokens[i]));
        return PadSequences.Pad(ids, maxLen, Padding, Truncating, Vocabulary.PaddingId);
    }

    /// <summary>Tokenises, encodes and pads raw texts.</summary>
    public static int[][] Encode(IReadOnlyList<string> texts, Vocabulary vocabulary, int maxLen, CancellationToken ct = default) =>
        Encode(Tokenize(texts, ct), vocabulary, maxLen);

    /// <summary>Labelled reviews as a <see cref="SequenceDataset"/> of padded ids.</summary>
    public static SequenceDataset ToDataset(IReadOnlyList<LabelledText> reviews, Vocabulary vocabulary, int maxLen, CancellationToken ct = default) =>
        new(Encode([.. reviews.Select(r => r.Text)], vocabulary, maxLen, ct), [.. reviews.Select(r => r.Label)]);
}
