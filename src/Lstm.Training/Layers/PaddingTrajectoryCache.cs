using System.Runtime.InteropServices;
using Lstm.Training.Text;

namespace Lstm.Training.Layers;

/// <summary>
/// The last <see cref="PaddingTrajectory"/> an <see cref="LstmClassifier"/> computed, with a copy of the weights it
/// depends on (the padding id's embedding row, the kernel, the recurrent kernel and the bias). Predicting one short
/// text would otherwise spend almost all its time stepping through the padding again (487 of 500 steps for 12
/// words); a lookup compares those weights bit for bit instead, so a trajectory is reused only while it is exactly
/// what a fresh computation would give, however the weights were changed (training, loading, direct writes).
/// </summary>
internal sealed class PaddingTrajectoryCache
{
    private readonly float[] _embeddingRow;
    private readonly float[] _kernel;
    private readonly float[] _recurrentKernel;
    private readonly float[] _bias;

    private PaddingTrajectoryCache(LstmClassifierParameters parameters, int steps, PaddingTrajectory trajectory)
    {
        _embeddingRow = PaddingRow(parameters).ToArray();
        _kernel = (float[])parameters.Kernel.Clone();
        _recurrentKernel = (float[])parameters.RecurrentKernel.Clone();
        _bias = (float[])parameters.Bias.Clone();
        Steps = steps;
        Trajectory = trajectory;
    }

    /// <summary>States after 0..<see cref="Steps"/> padding ids.</summary>
    public int Steps { get; }

    public PaddingTrajectory Trajectory { get; }

    /// <summary>
    /// The trajectory of at least <paramref name="steps"/> steps for the current weights: <paramref name="cache"/>'s
    /// when its weights are still those of <paramref name="parameters"/>, else a new one, which replaces it.
    /// Concurrent callers may both compute; each gets an exact trajectory.
    /// </summary>
    public static PaddingTrajectory Get(ref PaddingTrajectoryCache? cache, LstmClassifierParameters parameters, LstmLayer layer, int steps)
    {
        var current = Volatile.Read(ref cache);
        if (current is not null && current.Steps >= steps && current.Matches(parameters)) return current.Trajectory;
        var computed = new PaddingTrajectoryCache(parameters, steps, layer.PadTrajectory(Vocabulary.PaddingId, steps));
        Volatile.Write(ref cache, computed);
        return computed.Trajectory;
    }

    private bool Matches(LstmClassifierParameters parameters) =>
        SameBits(_bias, parameters.Bias) && SameBits(_embeddingRow, PaddingRow(parameters))
        && SameBits(_kernel, parameters.Kernel) && SameBits(_recurrentKernel, parameters.RecurrentKernel);

    private static ReadOnlySpan<float> PaddingRow(LstmClassifierParameters parameters)
    {
        int e = parameters.Config.EmbeddingDim;
        return parameters.Embedding.AsSpan(Vocabulary.PaddingId * e, e);
    }

    // Bits, not float equality: -0 and +0 (or two NaNs) are not interchangeable for a bit-exact result.
    private static bool SameBits(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        MemoryMarshal.Cast<float, int>(a).SequenceEqual(MemoryMarshal.Cast<float, int>(b));
}
