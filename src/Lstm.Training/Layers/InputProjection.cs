namespace Lstm.Training.Layers;

/// <summary>
/// The LSTM's input projection b + E[v]·W of every vocabulary id v ([vocabulary, 4·units]): with dropout off, a step's
/// input projection depends on the token alone, so inference over many tokens looks it up instead of multiplying.
/// Built with the same product as per-token inference, so lookups give the same bits.
/// </summary>
internal sealed class InputProjection(float[] table, int width)
{
    /// <summary>Writes rows for steps [t0, t0+steps) of each sequence into <paramref name="destination"/>, time-major [steps, rows, width].</summary>
    public void Gather(ReadOnlySpan<int[]> sequences, int t0, int steps, Span<float> destination)
    {
        int rows = sequences.Length;
        for (int dt = 0; dt < steps; dt++)
            for (int s = 0; s < rows; s++)
                table.AsSpan(sequences[s][t0 + dt] * width, width).CopyTo(destination.Slice((dt * rows + s) * width, width));
    }
}
