
namespace Lstm.Training.Layers;

/// <summary>Keras's default weight initializers, drawn from a <see cref="SeededRandom"/>.</summary>
public static class KerasInitializers
{
    /// <summary><c>RandomUniform(minval, maxval)</c>, Keras's Embedding default is (-0.05, 0.05).</summary>
    public static void Uniform(Span<float> values, float min, float max, SeededRandom random)
    {
        for (int i = 0; i < values.Length; i++) values[i] = min + (max - min) * random.NextSingle();
    }

    /// <summary><c>glorot_uniform</c>: uniform(±sqrt(6 / (fanIn + fanOut))).</summary>
    public static void GlorotUniform(Span<float> values, int fanIn, int fanOut, SeededRandom random)
    {
        float limit = MathF.Sqrt(6f / (fanIn + fanOut));
        Uniform(values, -limit, limit, random);
    }

    /// <summary>
    /// <c>Orthogonal(gain=1)</c> for a row-major [rows, cols] matrix: as Keras does, a normal matrix of shape
    /// [max, min] is QR-factorised with the signs of R's diagonal folded into Q, transposed when rows &lt; cols.
    /// Gram-Schmidt yields that Q directly (its R has a positive diagonal).
    /// </summary>
    public static void Orthogonal(Span<float> values, int rows, int cols, SeededRandom random)
    {
        if (values.Length != rows * cols) throw new ArgumentException($"Expected {rows}x{cols} values, found {values.Length}.");
        int n = Math.Max(rows, cols), m = Math.Min(rows, cols);
        var q = new double[n * m]; // [n, m] row-major; columns get orthonormalised
        for (int i = 0; i < q.Length; i++) q[i] = random.NextGaussian();
        for (int j = 0; j < m; j++)
        {
            for (int pass = 0; pass < 2; pass++) // re-orthogonalise once for accuracy
            {
                for (int p = 0; p < j; p++)
                {
                    double dot = 0;
                    for (int r = 0; r < n; r++) dot += q[r * m + p] * q[r * m + j];
                    for (int r = 0; r < n; r++) q[r * m + j] -= dot * q[r * m + p];
                }
            }
            double norm = 0;
            for (int r = 0; r < n; r++) norm += q[r * m + j] * q[r * m + j];
            norm = Math.Sqrt(norm);
            for (int r = 0; r < n; r++) q[r * m + j] /= norm;
        }
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                values[r * cols + c] = (float)(rows >= cols ? q[r * m + c] : q[c * m + r]);
    }

    /// <summary>Fills <paramref name="parameters"/> as Keras builds the seed's layers.</summary>
    public static void Initialize(LstmClassifierParameters parameters, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var cfg = parameters.Config;
        int e = cfg.EmbeddingDim, h = cfg.Units;
        Uniform(parameters.Embedding, -0.05f, 0.05f, random);
        GlorotUniform(parameters.Kernel, e, 4 * h, random);
        Orthogonal(parameters.RecurrentKernel, h, 4 * h, random);
        parameters.Bias.AsSpan().Clear();
        parameters.Bias.AsSpan(h, h).Fill(1f); // unit_forget_bias
        GlorotUniform(parameters.DenseKernel, h, 1, random);
        parameters.DenseBias[0] = 0f;
    }
}
