using Lstm.Training.Losses;
using Lstm.Training.Models;
using Lstm.Training.Models.Compute;

namespace Lstm.Training.Explanations;

/// <summary>
/// Integrated gradients (Sundararajan et al., 2017) over the embedding of a <see cref="SequenceNetwork"/> reading token
/// ids: how much each step's embedded token moved one head output away from its value at a baseline input. The m points
/// of the straight path from the baseline to the input run as one batch through the network's own forward and
/// backward pass (dropout off); every network of the family, the seed's included, is explained by the same code.
/// </summary>
/// <remarks>Not thread-safe: it keeps its buffers between calls. Use one per thread.</remarks>
public sealed class IntegratedGradients
{
    // Path points per forward/backward pass: enough to keep the matrix products busy, few enough for a small slice.
    private const int PathRows = 32;

    private readonly SequenceNetwork _network;
    private readonly NetworkTransposes _transposes;
    private NetworkSlice? _slice;
    private float[] _path = [];
    private double[] _gradient = [];
    private readonly float[] _zeros;

    /// <summary>Explains outputs of <paramref name="network"/>, which must read token ids.</summary>
    /// <exception cref="ArgumentException">The network reads numeric windows, which have no embedding.</exception>
    public IntegratedGradients(SequenceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Spec.IsNumeric) throw new ArgumentException($"{network.Spec.Describe()} reads numeric windows; integrated gradients here explains token ids through their embedding.", nameof(network));
        _network = network;
        _transposes = new NetworkTransposes(network.Parameters);
        _transposes.Refresh();
        _zeros = new float[network.Spec.EmbeddingDim];
    }

    /// <summary>
    /// Attributions of output <see cref="IntegratedGradientsOptions.Output"/> to each step of <paramref name="ids"/> (one
    /// padded sequence): attribution_t = (x_t − b_t) · (1/m) Σ_k ∂f/∂x_t at b + α_k (x − b), summed over the embedding width.
    /// </summary>
    /// <exception cref="ArgumentException">An id is outside the vocabulary, the sequence is empty, or the output does not exist.</exception>
    public SequenceAttribution Explain(int[] ids, IntegratedGradientsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        options ??= new IntegratedGradientsOptions();
        options.Validate();
        var spec = _network.Spec;
        if (ids.Length == 0) throw new ArgumentException("The sequence is empty.", nameof(ids));
        SequenceChecks.Validate([ids], spec.VocabularySize, nameof(ids));
        int steps = ids.Length, e = spec.EmbeddingDim, k = spec.Outputs;
        var slice = SliceFor(steps);
        var rowIds = new int[PathRows][];
        Array.Fill(rowIds, ids);

        // f(x) and f(baseline): rows 0 and 1 of one pass.
        Span<float> path = _path.AsSpan(0, steps * PathRows * e);
        for (int t = 0; t < steps; t++)
        {
            Input(ids, t).CopyTo(path.Slice((t * 2) * e, e));
            Baseline(options.Baseline, t).CopyTo(path.Slice((t * 2 + 1) * e, e));
        }
        slice.ForwardEmbedded(rowIds.AsSpan(0, 2), path);
        int output = options.Output ?? (spec.Task == TaskKind.MulticlassClassification ? SoftmaxCrossEntropy.ArgMax(slice.Outputs.AsSpan(0, k)) : 0);
        if (output >= k) throw new ArgumentException($"Output {output} does not exist: {spec.Describe()} has {k}.", nameof(options));
        double score = slice.Outputs[output], baselineScore = slice.Outputs[k + output];

        int points = options.Rule == IntegrationRule.Midpoint ? options.Steps : options.Steps + 1;
        Span<double> gradient = _gradient.AsSpan(0, steps * e);
        gradient.Clear();
        for (int first = 0; first < points; first += PathRows)
        {
            int rows = Math.Min(PathRows, points - first);
            FillPath(ids, options, first, rows, path);
            slice.ForwardEmbedded(rowIds.AsSpan(0, rows), path);
            Span<float> dOut = slice.OutputGradient.AsSpan(0, rows * k);
            dOut.Clear();
            for (int s = 0; s < rows; s++) dOut[s * k + output] = 1;
            slice.Backward(dropout: false, weightGradients: false);
            Accumulate(slice.InputGradient, options, first, rows, steps, e, gradient);
        }

        var attributions = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            ReadOnlySpan<float> x = Input(ids, t), b = Baseline(options.Baseline, t);
            double sum = 0;
            for (int j = 0; j < e; j++) sum += (x[j] - (double)b[j]) * gradient[t * e + j];
            attributions[t] = sum;
        }
        return new SequenceAttribution(output, score, baselineScore, attributions, points);
    }

    private NetworkSlice SliceFor(int steps)
    {
        if (_slice is { } slice && slice.Steps == steps) return slice;
        int e = _network.Spec.EmbeddingDim;
        _path = new float[steps * PathRows * e];
        _gradient = new double[steps * e];
        return _slice = new NetworkSlice(_network.Parameters, _transposes, PathRows, steps, training: true);
    }

    private ReadOnlySpan<float> Input(int[] ids, int t)
    {
        int e = _network.Spec.EmbeddingDim;
        return _network.Parameters.Embedding.AsSpan(ids[t] * e, e);
    }

    // The padding baseline is row 0 of the embedding at every step; the zero baseline reads the same width of zeros.
    private ReadOnlySpan<float> Baseline(AttributionBaseline baseline, int t)
    {
        int e = _network.Spec.EmbeddingDim;
        return baseline == AttributionBaseline.Padding ? _network.Parameters.Embedding.AsSpan(0, e) : _zeros;
    }

    private static double Alpha(IntegrationRule rule, int point, int steps) =>
        rule == IntegrationRule.Midpoint ? (point + 0.5) / steps : (double)point / steps;

    private static double Weight(IntegrationRule rule, int point, int steps) =>
        rule == IntegrationRule.Trapezoid && (point == 0 || point == steps) ? 0.5 / steps : 1.0 / steps;

    // Path points first … first + rows − 1 as rows of the [steps, rows, width] input: b + α (x − b).
    private void FillPath(int[] ids, IntegratedGradientsOptions options, int first, int rows, Span<float> path)
    {
        int steps = ids.Length, e = _network.Spec.EmbeddingDim;
        for (int t = 0; t < steps; t++)
        {
            ReadOnlySpan<float> x = Input(ids, t), b = Baseline(options.Baseline, t);
            for (int s = 0; s < rows; s++)
            {
                float alpha = (float)Alpha(options.Rule, first + s, options.Steps);
                Span<float> row = path.Slice((t * rows + s) * e, e);
                for (int j = 0; j < e; j++) row[j] = b[j] + alpha * (x[j] - b[j]);
            }
        }
    }

    // Adds each path point's input gradient, weighted by the rule, into the mean gradient [steps, width].
    private static void Accumulate(ReadOnlySpan<float> inputGradient, IntegratedGradientsOptions options, int first, int rows, int steps, int e, Span<double> gradient)
    {
        for (int t = 0; t < steps; t++)
        {
            Span<double> mean = gradient.Slice(t * e, e);
            for (int s = 0; s < rows; s++)
            {
                double weight = Weight(options.Rule, first + s, options.Steps);
                ReadOnlySpan<float> g = inputGradient.Slice((t * rows + s) * e, e);
                for (int j = 0; j < e; j++) mean[j] += weight * g[j];
            }
        }
    }
}
