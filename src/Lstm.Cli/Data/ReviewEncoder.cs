using Lstm.Training.Data;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Cli.Data;

/// <summary>
/// The preprocessing the seed program gets from <c>imdb.load_data</c> and <c>pad_sequences</c>: text →
/// <see cref="TextNormalizer"/> → <see cref="Vocabulary.Encode(string)"/> (start id 1, OOV 2) →
/// <see cref="PadSequences.Pad"/> to the <see cref="SequencePadding"/> the model was trained with.
/// </summary>
internal static class ReviewEncoder
{
    /// <summary>Normalises, encodes and pads raw texts (in parallel, order kept) into rows of exactly <see cref="SequencePadding.MaxLen"/> ids.</summary>
    public static int[][] Encode(IReadOnlyList<string> texts, Vocabulary vocabulary, SequencePadding padding, CancellationToken ct = default) => vocabulary.EncodePadded(texts, padding.MaxLen, padding.Padding, padding.Truncating, ct);

    /// <summary>Labelled reviews as a <see cref="SequenceDataset"/> of padded ids.</summary>
    public static SequenceDataset ToDataset(IReadOnlyList<LabelledText> reviews, Vocabulary vocabulary, SequencePadding padding, CancellationToken ct = default) =>
        new(Encode([.. reviews.Select(r => r.Text)], vocabulary, padding, ct), [.. reviews.Select(r => r.Label)]);
}
