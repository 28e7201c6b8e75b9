using Lstm.Training.Models;
using Lstm.Training.Models.Compute;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Family;

/// <summary>
/// Backpropagation through every layer of the model family (LSTM, GRU, SimpleRNN; bidirectional; stacked; masking;
/// last-state, max and mean pooling; binary, multi-class and regression heads; dropout masks; example weights) against
/// central finite differences of <see cref="ReferenceFamilyNetwork"/>, an independent double-precision forward pass.
/// </summary>
public class FamilyGradientTests
{
    public static TheoryData<string> Cases => new(FamilyCases.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_gradient_matches_finite_differences(string name)
    {
        var (spec, dropout) = FamilyCases.Get(name);
        var parameters = new NetworkParameters(spec);
        var rng = new SeededRandom(17);
        foreach (var t in parameters.Tensors)
            for (int i = 0; i < t.Length; i++) t[i] = (rng.NextSingle() - 0.5f) * 1.2f;
        const int rows = 5, steps = 6;
        var sequences = FamilyCases.Sequences(rows, steps, spec.VocabularySize, rng);
        var data = FamilyCases.Targets(spec, sequences, rng, weighted: true);

        var transposes = new NetworkTransposes(parameters);
        transposes.Refresh();
        var slice = new NetworkSlice(parameters, transposes, 8, steps, training: true);
        var masks = DrawMasks(spec, slice, rows, dropout, rng);
        slice.Forward(sequences, dropout);
        int k = spec.Outputs;
        for (int s = 0; s < rows; s++)
            HeadLoss.Gradient(spec, slice.Outputs.AsSpan(s * k, k), data.TargetRow(s), data.Weight(s) / rows, slice.OutputGradient.AsSpan(s * k, k));
        slice.Backward(dropout);
        var embeddingGradient = new float[parameters.Embedding.Length];
        slice.ScatterEmbeddingGradient(embeddingGradient, 0, spec.EmbeddingDim);

        var reference = new ReferenceFamilyNetwork(parameters);
        for (int s = 0; s < rows; s++)
        {
            var expected = reference.Outputs(sequences[s], masks?[s]);
            for (int o = 0; o < k; o++)
                Assert.True(Math.Abs(expected[o] - slice.Outputs[s * k + o]) < 1e-5, $"{name}: row {s} output {o}: {slice.Outputs[s * k + o]} vs reference {expected[o]}");
        }
        double MeanLoss()
        {
            double sum = 0;
            for (int s = 0; s < rows; s++) sum += data.Weight(s) * reference.Loss(reference.Outputs(sequences[s], masks?[s]), data.TargetRow(s));
            return sum / rows;
        }
        for (int ti = 0; ti < reference.Tensors.Length; ti++)
        {
            var tensor = reference.Tensors[ti];
            var analytic = ti == 0 ? embeddingGradient : slice.Gradients[ti];
            for (int i = 0; i < tensor.Length; i++)
            {
                double keep = tensor[i];
                tensor[i] = keep + 1e-5;
                double up = MeanLoss();
                tensor[i] = keep - 1e-5;
                double down = MeanLoss();
                tensor[i] = keep;
                double numeric = (up - down) / 2e-5;
                Assert.True(Math.Abs(analytic[i] - numeric) <= 1e-3 * Math.Max(1, Math.Abs(numeric)) + 1e-5,
                    $"{name}: {parameters.Names[ti]}[{i}]: backprop {analytic[i]:G9}, finite difference {numeric:G9}");
            }
        }
    }

    /// <summary>Draws dropout masks into the slice and returns them as the reference network reads them (null without dropout).</summary>
    internal static (double[]? Input, double[]? Recurrent)[][][]? DrawMasks(NetworkSpec spec, NetworkSlice slice, int rows, bool dropout, SeededRandom rng)
    {
        if (!dropout) return null;
        var all = new (double[]? Input, double[]? Recurrent)[rows][][];
        for (int s = 0; s < rows; s++)
        {
            all[s] = new (double[]?, double[]?)[spec.Recurrent.Count][];
            int input = spec.InputWidth;
            for (int l = 0; l < spec.Recurrent.Count; l++)
            {
                var layer = spec.Recurrent[l];
                all[s][l] = new (double[]?, double[]?)[layer.Directions];
                for (int d = 0; d < layer.Directions; d++)
                {
                    var (inMask, recMask) = slice.Masks(l, d);
                    double[]? x = null, h = null;
                    if (layer.Dropout > 0)
                    {
                        x = new double[input];
                        for (int i = 0; i < input; i++) x[i] = inMask[s * input + i] = rng.NextSingle() < layer.Dropout ? 0f : 1f / (1f - layer.Dropout);
                    }
                    if (layer.RecurrentDropout > 0)
                    {
                        h = new double[layer.Units];
                        for (int i = 0; i < layer.Units; i++) h[i] = recMask[s * layer.Units + i] = rng.NextSingle() < layer.RecurrentDropout ? 0f : 1f / (1f - layer.RecurrentDropout);
                    }
                    all[s][l][d] = (x, h);
                }
                input = layer.OutputWidth;
            }
        }
        return all;
    }
}
