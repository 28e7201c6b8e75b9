using Lstm.Training.Layers;

namespace Lstm.Training.Tests.Onnx;

/// <summary>
/// An independent scalar forward pass in double precision, written straight from CONTEXT.md's equations over the
/// Keras-layout parameters (gate order i, f, c, o; no dropout at inference).
/// </summary>
internal static class ReferenceLstmForward
{
    public static double[] Probabilities(LstmClassifierParameters p, IReadOnlyList<long[]> padded) =>
        [.. Logits(p, padded).Select(z => 1 / (1 + Math.Exp(-z)))];

    public static double[] Logits(LstmClassifierParameters p, IReadOnlyList<long[]> padded)
    {
        var logits = new double[padded.Count];
        Parallel.For(0, padded.Count, n => logits[n] = Logit(p, padded[n]));
        return logits;
    }

    private static double Logit(LstmClassifierParameters p, long[] ids)
    {
        int e = p.Config.EmbeddingDim, h = p.Config.Units, g4 = 4 * h;
        var hidden = new double[h];
        var cell = new double[h];
        var z = new double[g4];
        foreach (long id in ids)
        {
            for (int k = 0; k < g4; k++) z[k] = p.Bias[k];
            for (int r = 0; r < e; r++)
            {
                double x = p.Embedding[id * e + r];
                for (int k = 0; k < g4; k++) z[k] += x * p.Kernel[r * g4 + k];
            }
            for (int r = 0; r < h; r++)
            {
                double hr = hidden[r];
                for (int k = 0; k < g4; k++) z[k] += hr * p.RecurrentKernel[r * g4 + k];
            }
            for (int j = 0; j < h; j++)
            {
                double i = Sigmoid(z[j]), f = Sigmoid(z[h + j]), g = Math.Tanh(z[2 * h + j]), o = Sigmoid(z[3 * h + j]);
                cell[j] = f * cell[j] + i * g;
                hidden[j] = o * Math.Tanh(cell[j]);
            }
        }
        double logit = p.DenseBias[0];
        for (int j = 0; j < h; j++) logit += hidden[j] * p.DenseKernel[j];
        return logit;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
