namespace Lstm.Training.Kernels;

/// <summary>
/// Sums whose order is fixed by the code, not by the CPU: <c>TensorPrimitives.Dot</c> and <c>SumOfSquares</c> split
/// the work by vector width, so they give different bits with AVX-512, AVX2 and 128-bit vectors. These are scalar, with
/// independent accumulators for instruction-level parallelism, and cheap where they are used (a 128-wide dot product
/// per row, a norm per batch).
/// </summary>
internal static class Reductions
{
    /// <summary>Σ x[i]·y[i], one fused multiply-add per element in index order.</summary>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"Lengths differ: {x.Length} and {y.Length}.", nameof(y));
        float sum = 0;
        for (int i = 0; i < x.Length; i++) sum = MathF.FusedMultiplyAdd(x[i], y[i], sum);
        return sum;
    }

    /// <summary>Σ x[i]² in double precision, in four interleaved partial sums added in a fixed order.</summary>
    public static double SumOfSquares(ReadOnlySpan<float> x)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= x.Length; i += 4)
        {
            double a = x[i], b = x[i + 1], c = x[i + 2], d = x[i + 3];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += d * d;
        }
        for (; i < x.Length; i++) s0 += (double)x[i] * x[i];
        return (s0 + s1) + (s2 + s3);
    }
}
