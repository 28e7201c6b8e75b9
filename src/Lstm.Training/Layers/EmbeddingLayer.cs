using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Lstm.Training.Layers;

/// <summary>
/// Keras's <c>Embedding(input_dim, output_dim)</c> (no mask_zero: the padding id has a learned row):
/// a lookup forward, a scatter-add of the input gradient backward.
/// </summary>
internal static class EmbeddingLayer
{
    /// <summary>
    /// Writes rows of <paramref name="embedding"/> for steps [t0, t0+steps) of each sequence into
    /// <paramref name="destination"/>, time-major [steps, rows, dim], multiplied by the sequence's mask when given ([rows, dim]).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather(ReadOnlySpan<float> embedding, int dim, ReadOnlySpan<int[]> sequences, int t0, int steps, ReadOnlySpan<float> masks, Span<float> destination)
    {
        int rows = sequences.Length;
        for (int dt = 0; dt < steps; dt++)
            for (int s = 0; s < rows; s++)
            {
                ReadOnlySpan<float> row = embedding.Slice(sequences[s][t0 + dt] * dim, dim);
                Span<float> dst = destination.Slice((dt * rows + s) * dim, dim);
                if (masks.IsEmpty) row.CopyTo(dst);
                else TensorPrimitives.Multiply(row, masks.Slice(s * dim, dim), dst);
            }
    }

    /// <summary>
    /// Adds columns [<paramref name="lo"/>, <paramref name="hi"/>) of the time-major input gradient [steps, rows, dim]
    /// into the rows of <paramref name="gradient"/> the ids select.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScatterAdd(ReadOnlySpan<float> inputGradient, int dim, ReadOnlySpan<int[]> sequences, Span<float> gradient, int lo, int hi)
    {
        int rows = sequences.Length, steps = sequences[0].Length, width = hi - lo;
        for (int t = 0; t < steps; t++)
            for (int s = 0; s < rows; s++)
            {
                Span<float> dst = gradient.Slice(sequences[s][t] * dim + lo, width);
                TensorPrimitives.Add(dst, inputGradient.Slice((t * rows + s) * dim + lo, width), dst);
            }
    }

    /// <summary>Zeroes columns [<paramref name="lo"/>, <paramref name="hi"/>) of every row of a [rows, dim] matrix.</summary>
    public static void ClearColumns(Span<float> matrix, int dim, int lo, int hi)
    {
        if (lo == 0 && hi == dim)
        {
            matrix.Clear();
            return;
        }
        for (int r = 0; r + dim <= matrix.Length; r += dim) matrix.Slice(r + lo, hi - lo).Clear();
    }
}
