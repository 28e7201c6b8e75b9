using Lstm.Training.Text;

namespace Lstm.MLNet.Training;

/// <summary>
/// How the trainer turns raw texts into the network's input, as Keras's IMDB pipeline does:
/// <see cref="TextNormalizer"/> → <see cref="Vocabulary.Encode(string)"/> (start id, word ids, OOV id) →
/// <see cref="PadSequences"/> (pre-padding, pre-truncation to the maximum length).
/// </summary>
internal static class ReviewEncoding
{
    /// <summary>Each text's padded ids, <paramref name="maxLength"/> long.</summary>
    public static int[][] Encode(IReadOnlyList<string> texts, Vocabulary vocabulary, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var ids = new int[texts.Count][];
        for (int i = 0; i < ids.Length; i++) ids[i] = vocabulary.Encode(texts[i]);
        return PadSequences.Pad(ids, maxLength);
    }
}
