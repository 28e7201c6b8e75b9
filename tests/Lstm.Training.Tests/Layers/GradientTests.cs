using Lstm.Training.Layers;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Layers;

/// <summary>Backpropagation through time against central finite differences of an independent double-precision network.</summary>
public class GradientTests
{
    public static TheoryData<int, int, int, int, int, bool> Cases => new()
    {
        // vocab, embedding, units, steps, rows, dropout masks
        { 10, 5, 3, 7, 3, false },
        { 10, 5, 3, 7, 3, true },
        { 8, 16, 16, 5, 5, false },  // vector paths (16-wide gate math, 64-column GEMM blocks, 4-row + 1-row kernels)
        { 8, 16, 16, 5, 8, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_parameter_gradient_matches_finite_differences(int vocab, int e, int h, int steps, int rows, bool masks)
    {
        var config = new LstmClassifierConfig { VocabularySize = vocab, EmbeddingDim = e, Units = h, Dropout = masks ? 0.3f : 0, RecurrentDropout = masks ? 0.4f : 0 };
        var parameters = new LstmClassifierParameters(config);
        var rng = new SeededRandom(11);
        foreach (var t in parameters.Tensors)
            for (int i = 0; i < t.Length; i++) t[i] = (rng.NextSingle() - 0.5f) * 1.2f;
        var seqs = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, steps).Select(_ => rng.NextInt(vocab)).ToArray()).ToArray();
        var labels = Enumerable.Range(0, rows).Select(i => i % 2 == 0).ToArray();
        double[][]? xm = null, hm = null;
        var (analytic, inputGradient) = Analytic(parameters, seqs, labels, masks, rng, out xm, out hm);

        var reference = new ReferenceNetwork(parameters);
        for (int ti = 0; ti < reference.Tensors.Length; ti++)
        {
            var tensor = reference.Tensors[ti];
            for (int i = 0; i < tensor.Length; i++)
            {
                double numeric = CentralDifference(tensor, i, () => reference.MeanLoss(seqs, labels, xm, hm));
                double got = analytic[ti][i];
                Assert.True(Math.Abs(got - numeric) <= 1e-4 * Math.Max(1, Math.Abs(numeric)) + 2e-6,
                    $"{LstmClassifierParameters.TensorNames[ti]}[{i}]: backprop {got:G9}, finite difference {numeric:G9}");
            }
        }

        // dL/dx_t for each sequence and step: perturb the (unmasked) input vector itself.
        for (int s = 0; s < rows; s++)
        {
            var inputs = Enumerable.Range(0, steps).Select(t => reference.Tensors[0].AsSpan(seqs[s][t] * e, e).ToArray()).ToArray();
            for (int t = 0; t < steps; t++)
                for (int k = 0; k < e; k++)
                {
                    int row = s;
                    double numeric = CentralDifference(inputs[t], k, () =>
                    {
                        double z = reference.Logit(seqs[row], xm?[row], hm?[row], inputs);
                        double y = labels[row] ? 1 : 0;
                        return (Math.Max(z, 0) - z * y + Math.Log(1 + Math.Exp(-Math.Abs(z)))) / rows;
                    });
                    double got = inputGradient[(t * rows + s) * e + k];
                    Assert.True(Math.Abs(got - numeric) <= 1e-4 * Math.Max(1, Math.Abs(numeric)) + 2e-6,
                        $"dL/dx[seq {s}, step {t}, {k}]: backprop {got:G9}, finite difference {numeric:G9}");
                }
        }
    }

    [Fact]
    public void Forward_matches_the_reference_network()
    {
        var config = new LstmClassifierConfig { VocabularySize = 50, EmbeddingDim = 20, Units = 24, Dropout = 0, RecurrentDropout = 0 };
        var model = new LstmClassifier(config, seed: 5);
        var rng = new SeededRandom(3);
        var seqs = Enumerable.Range(0, 70).Select(_ => Enumerable.Range(0, 30).Select(_ => rng.NextInt(50)).ToArray()).ToArray();
        var logits = model.PredictLogits(seqs, batchSize: 16);
        var reference = new ReferenceNetwork(model.Parameters);
        for (int s = 0; s < seqs.Length; s++)
            Assert.True(Math.Abs(logits[s] - reference.Logit(seqs[s])) < 1e-5, $"sequence {s}: {logits[s]} vs {reference.Logit(seqs[s])}");
    }

    private static double CentralDifference(double[] values, int index, Func<double> loss)
    {
        const double eps = 1e-5;
        double saved = values[index];
        values[index] = saved + eps;
        double plus = loss();
        values[index] = saved - eps;
        double minus = loss();
        values[index] = saved;
        return (plus - minus) / (2 * eps);
    }

    private static (double[][] Gradients, float[] InputGradient) Analytic(LstmClassifierParameters p, int[][] seqs, bool[] labels, bool masks, SeededRandom rng,
        out double[][]? inputMasks, out double[][]? recurrentMasks)
    {
        var cfg = p.Config;
        var layer = new LstmLayer(p);
        layer.RefreshTransposes();
        var slice = new TrainingSlice(p, layer, seqs[0].Length);
        inputMasks = recurrentMasks = null;
        if (masks)
        {
            inputMasks = new double[seqs.Length][];
            recurrentMasks = new double[seqs.Length][];
            for (int s = 0; s < seqs.Length; s++)
            {
                inputMasks[s] = Enumerable.Range(0, cfg.EmbeddingDim).Select(_ => rng.NextSingle() < cfg.Dropout ? 0 : 1 / (1 - (double)cfg.Dropout)).ToArray();
                recurrentMasks[s] = Enumerable.Range(0, cfg.Units).Select(_ => rng.NextSingle() < cfg.RecurrentDropout ? 0 : 1 / (1 - (double)cfg.RecurrentDropout)).ToArray();
                for (int k = 0; k < cfg.EmbeddingDim; k++) slice.Activations.InputMasks[s * cfg.EmbeddingDim + k] = (float)inputMasks[s][k];
                for (int k = 0; k < cfg.Units; k++) slice.Activations.RecurrentMasks[s * cfg.Units + k] = (float)recurrentMasks[s][k];
            }
        }
        slice.Run(seqs, labels, seqs.Length, masks, masks);
        var embeddingGradient = new float[p.Embedding.Length];
        var inputGradient = slice.Activations.Inputs.AsSpan(0, seqs.Length * seqs[0].Length * cfg.EmbeddingDim).ToArray();
        // Backward leaves dL/dx̃ ⊙ mask = dL/dx, the derivative with respect to the raw (unmasked) embedding row.
        EmbeddingLayer.ScatterAdd(inputGradient, cfg.EmbeddingDim, seqs, embeddingGradient, 0, cfg.EmbeddingDim);
        var g = slice.Gradients;
        var all = new[] { embeddingGradient, g.Kernel, g.RecurrentKernel, g.Bias, g.DenseKernel, g.DenseBias };
        return (all.Select(t => t.Select(v => (double)v).ToArray()).ToArray(), inputGradient);
    }
}
