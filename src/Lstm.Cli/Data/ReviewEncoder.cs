using Lstm.Training.Data;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Cli.Data;

/// <summary>
/// The preprocessing the seed program gets from <c>imdb.load_data</c> and <c>pad_sequences</c>: text →
/// <see cref="TextNormalizer.Tokenize"/> → <see cref="Vocabulary.Encode(IReadOnlyList{string})"/> (start id 1, OOV 2) →
/// <see cref="PadSequences.Pad"/> to the <see cref="SequencePadding"/> the model was trained with.
/// </summary>
internal static class ReviewEncoder
{
    /// <summary>The words of each text, tokenised in parallel; order is kept.</summary>
    public static string[][] Tokenize(IReadOnlyList<string> texts, CancellationToken ct = default)
    {
        var tokens = new string[texts.Count][];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = ct }, i => tokens[i] = TextNormalizer.Tokenize(texts[i]));
        return tokens;
    }

    /// <summary>Encodes and pads tokenised texts into rows of exactly <see cref="SequencePadding.MaxLen"/> ids.</summary>
    public static int[][] Encode(IReadOnlyList<string[]> tokens, Vocabulary vocabulary, SequencePadding padding)
    {
        var ids = new int[tokens.Count][];
        Parallel.For(0, tokens.Count, i => ids[i] = vocabulary.Encode(tokens[i]));
        return PadSequences.Pad(ids, padding.MaxLen, padding.Padding, padding.Truncating, Vocabulary.PaddingId);
    }

    /// <summary>Tokenises, encodes and pads raw texts.</summary>
    public static int[][] Encode(IReadOnlyList<string> texts, Vocabulary vocabulary, SequencePadding padding, CancellationToken ct = default) =>
        Encode(Tokenize(texts, ct), vocabulary, padding);

    /// <summary>Labelled reviews as a <see cref="SequenceDataset"/> of padded ids.</summary>
    public static SequenceDataset ToDataset(IReadOnlyList<LabelledText> reviews, Vocabulary vocabulary, SequencePadding padding, CancellationToken ct = default) =>
        new(Encode([.. reviews.Select(r => r.Text)], vocabulary, padding, ct), [.. reviews.Select(r => r.Label)]);
}
