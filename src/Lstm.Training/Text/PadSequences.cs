namespace Lstm.Training.Text;

/// <summary>
/// Keras's <c>pad_sequences(sequences, maxlen=None, padding='pre', truncating='pre', value=0)</c>: makes every
/// sequence exactly <c>maxLen</c> long. With the defaults a short sequence gets <c>value</c> in front and a long
/// one keeps its LAST <c>maxLen</c> ids.
/// </summary>
public static class PadSequences
{
    /// <summary>
    /// Pads or truncates each sequence to <paramref name="maxLen"/> ids, or to the longest sequence's length when
    /// <paramref name="maxLen"/> is null. Returns new arrays; the inputs are not changed.
    /// </summary>
    /// <param name="sequences">The id sequences.</param>
    /// <param name="maxLen">Length of every output row; null (default) means the longest input's length.</param>
    /// <param name="padding">Where padding goes. Default <see cref="PaddingSide.Pre"/>.</param>
    /// <param name="truncating">Which end is cut from a long sequence. Default <see cref="PaddingSide.Pre"/> (keeps the last ids).</param>
    /// <param name="value">The padding id. Default 0.</param>
    public static int[][] Pad(IReadOnlyList<int[]> sequences, int? maxLen = null, PaddingSide padding = PaddingSide.Pre,
        PaddingSide truncating = PaddingSide.Pre, int value = 0)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        int length;
        if (maxLen is int requested)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(requested, nameof(maxLen));
            length = requested;
        }
        else
        {
            length = 0;
            for (int i = 0; i < sequences.Count; i++) length = Math.Max(length, Checked(sequences, i).Length);
        }

        var result = new int[sequences.Count][];
        for (int i = 0; i < sequences.Count; i++)
        {
            result[i] = new int[length];
            PadInto(Checked(sequences, i), result[i], padding, truncating, value);
        }
        return result;
    }

    /// <summary>
    /// Writes <paramref name="sequence"/> padded or truncated to <c>destination.Length</c> ids into
    /// <paramref name="destination"/> (one row of <see cref="Pad"/>, without allocating).
    /// </summary>
    /// <param name="sequence">The ids.</param>
    /// <param name="destination">The output row; its length is <c>maxlen</c>.</param>
    /// <param name="padding">Where padding goes. Default <see cref="PaddingSide.Pre"/>.</param>
    /// <param name="truncating">Which end is cut from a long sequence. Default <see cref="PaddingSide.Pre"/> (keeps the last ids).</param>
    /// <param name="value">The padding id. Default 0.</param>
    public static void PadInto(ReadOnlySpan<int> sequence, Span<int> destination, PaddingSide padding = PaddingSide.Pre,
        PaddingSide truncating = PaddingSide.Pre, int value = 0)
    {
        CheckSide(padding, nameof(padding));
        CheckSide(truncating, nameof(truncating));
        int maxLen = destination.Length;
        ReadOnlySpan<int> kept = sequence.Length <= maxLen ? sequence
            : truncating == PaddingSide.Pre ? sequence[^maxLen..]
            : sequence[..maxLen];
        int fill = maxLen - kept.Length;
        if (padding == PaddingSide.Pre)
        {
            destination[..fill].Fill(value);
            kept.CopyTo(destination[fill..]);
        }
        else
        {
            kept.CopyTo(destination);
            destination[kept.Length..].Fill(value);
        }
    }

    private static int[] Checked(IReadOnlyList<int[]> sequences, int index) =>
        sequences[index] ?? throw new ArgumentException($"Sequence {index} is null.", nameof(sequences));

    private static void CheckSide(PaddingSide side, string name)
    {
        if (side is not (PaddingSide.Pre or PaddingSide.Post))
            throw new ArgumentOutOfRangeException(name, side, "Expected PaddingSide.Pre or PaddingSide.Post.");
    }
}
