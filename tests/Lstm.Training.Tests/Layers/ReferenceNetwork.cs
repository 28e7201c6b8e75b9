using Lstm.Training.Layers;

namespace Lstm.Training.Tests.Layers;

/// <summary>
/// An independent, scalar, double-precision implementation of the network straight from CONTEXT.md's equations
/// (Keras gate order i, f, c, o; variational masks on x and h; dense + sigmoid; mean BCE). Tests use it as the truth.
/// </summary>
internal sealed class ReferenceNetwork
{
    public ReferenceNetwork(LstmClassifierParameters p)
    {
        Config = p.Config;
        Tensors = p.Tensors.Select(t => t.Select(v => (double)v).ToArray()).ToArray();
    }

    public LstmClassifierConfig Config { get; }

    /// <summary>embedding, kernel, recurrent kernel, bias, dense kernel, dense bias (as LstmClassifierParameters.Tensors).</summary>
    public double[][] Tensors { get; }

    public double Logit(int[] ids, double[]? inputMask = null, double[]? recurrentMask = null, double[][]? inputsOverride = null)
    {
        int e = Config.EmbeddingDim, h = Config.Units, g4 = 4 * h;
        double[] emb = Tensors[0], w = Tensors[1], u = Tensors[2], b = Tensors[3], wd = Tensors[4];
        var hs = new double[h];
        var cs = new double[h];
        for (int t = 0; t < ids.Length; t++)
        {
            var x = new double[e];
            for (int k = 0; k < e; k++)
                x[k] = (inputsOverride?[t][k] ?? emb[ids[t] * e + k]) * (inputMask?[k] ?? 1);
            var hm = new double[h];
            for (int k = 0; k < h; k++) hm[k] = hs[k] * (recurrentMask?[k] ?? 1);
            var z = new double[g4];
            for (int j = 0; j < g4; j++)
            {
                double sum = b[j];
                for (int k = 0; k < e; k++) sum += x[k] * w[k * g4 + j];
                for (int k = 0; k < h; k++) sum += hm[k] * u[k * g4 + j];
                z[j] = sum;
            }
            for (int k = 0; k < h; k++)
            {
                double i = Sigmoid(z[k]), f = Sigmoid(z[h + k]), gg = Math.Tanh(z[2 * h + k]), o = Sigmoid(z[3 * h + k]);
                cs[k] = f * cs[k] + i * gg;
                hs[k] = o * Math.Tanh(cs[k]);
            }
        }
        double logit = Tensors[5][0];
        for (int k = 0; k < h; k++) logit += hs[k] * wd[k];
        return logit;
    }

    public double MeanLoss(int[][] seqs, bool[] labels, double[][]? inputMasks = null, double[][]? recurrentMasks = null)
    {
        double loss = 0;
        for (int s = 0; s < seqs.Length; s++)
        {
            double z = Logit(seqs[s], inputMasks?[s], recurrentMasks?[s]);
            double y = labels[s] ? 1 : 0;
            loss += Math.Max(z, 0) - z * y + Math.Log(1 + Math.Exp(-Math.Abs(z)));
        }
        return loss / seqs.Length;
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
