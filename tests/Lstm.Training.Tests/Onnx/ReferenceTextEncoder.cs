using Lstm.Training.Text;

namespace Lstm.Training.Tests.Onnx;

/// <summary>
/// Keras's IMDB encoding of normalised text, written independently of the graph: split on spaces, rank r → id r + 3
/// (ids at or above num_words → 2), prepend 1, then pad_sequences with the given sides.
/// </summary>
internal sealed class ReferenceTextEncoder(IReadOnlyList<string> words, int numWords)
{
    private readonly Dictionary<string, long> _ids = words
        .Select((w, i) => (w, id: (long)i + 4))
        .Where(x => x.id < numWords)
        .ToDictionary(x => x.w, x => x.id, StringComparer.Ordinal);

    public long[] Encode(string normalised) =>
        [1, .. normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => _ids.GetValueOrDefault(w, 2))];

    public static long[] Pad(long[] ids, int maxLen, PaddingSide padding = PaddingSide.Pre, PaddingSide truncating = PaddingSide.Pre)
    {
        var kept = ids.Length <= maxLen ? ids : truncating == PaddingSide.Pre ? ids[^maxLen..] : ids[..maxLen];
        var result = new long[maxLen];
        kept.CopyTo(result, padding == PaddingSide.Pre ? maxLen - kept.Length : 0);
        return result;
    }

    public long[] EncodePadded(string normalised, int maxLen, PaddingSide padding = PaddingSide.Pre, PaddingSide truncating = PaddingSide.Pre) =>
        Pad(Encode(normalised), maxLen, padding, truncating);
}
