using Lstm.Training.Models;

namespace Lstm.Training.Tests.Family;

/// <summary>
/// An independent, double-precision, one-sequence-at-a-time forward pass of any <see cref="NetworkSpec"/>, written
/// from Keras's equations rather than from the library's time-major kernels; the truth the gradient and ONNX tests use.
/// </summary>
internal sealed class ReferenceFamilyNetwork
{
    private readonly NetworkSpec _spec;
    private readonly NetworkParameters _layout;

    public ReferenceFamilyNetwork(NetworkParameters parameters)
    {
        _spec = parameters.Spec;
        _layout = parameters;
        Tensors = parameters.Tensors.Select(t => t.Select(v => (double)v).ToArray()).ToArray();
    }

    /// <summary>The weights in double precision, in <see cref="NetworkParameters.Tensors"/>'s order; tests perturb them.</summary>
    public double[][] Tensors { get; }

    /// <summary>
    /// Raw head outputs for one sequence. <paramref name="masks"/>[layer][direction] = (input mask, recurrent mask), or
    /// null for no dropout. <paramref name="embedded"/> overrides the embedding rows per step when given.
    /// </summary>
    public double[] Outputs(int[] ids, (double[]? Input, double[]? Recurrent)[][]? masks = null, double[][]? embedded = null)
    {
        int steps = ids.Length;
        var x = new double[steps][];
        for (int t = 0; t < steps; t++) x[t] = embedded?[t] ?? Tensors[0].AsSpan(ids[t] * _spec.EmbeddingDim, _spec.EmbeddingDim).ToArray();
        bool Valid(int t) => !_spec.MaskZero || ids[t] != 0;
        double[] lastStates = [];
        for (int l = 0; l < _spec.Recurrent.Count; l++)
        {
            var layer = _spec.Recurrent[l];
            int h = layer.Units, width = layer.OutputWidth;
            var y = new double[steps][];
            for (int t = 0; t < steps; t++) y[t] = new double[width];
            lastStates = new double[width];
            for (int d = 0; d < layer.Directions; d++)
            {
                int k = _layout.KernelIndex(l, d);
                double[] w = Tensors[k], u = Tensors[k + 1], b = Tensors[k + 2];
                var inMask = masks?[l][d].Input;
                var recMask = masks?[l][d].Recurrent;
                var state = new double[h];
                var cell = new double[h];
                for (int p = 0; p < steps; p++)
                {
                    int t = d == 0 ? p : steps - 1 - p;
                    if (!Valid(t)) continue;
                    var xin = inMask is null ? x[t] : x[t].Select((v, i) => v * inMask[i]).ToArray();
                    var hin = recMask is null ? state : state.Select((v, i) => v * recMask[i]).ToArray();
                    state = layer.Kind switch
                    {
                        RecurrentKind.Lstm => LstmStep(xin, hin, cell, w, u, b, h),
                        RecurrentKind.Gru => GruStep(xin, hin, state, w, u, b, h),
                        _ => RnnStep(xin, hin, w, u, b, h),
                    };
                    Array.Copy(state, 0, y[t], d * h, h);
                }
                Array.Copy(state, 0, lastStates, d * h, h);
            }
            x = y;
        }
        int f = _spec.FeatureWidth;
        var pooled = new double[f];
        if (_spec.Pooling == PoolingKind.Last) pooled = lastStates;
        else
        {
            int count = 0;
            for (int t = 0; t < steps; t++)
            {
                if (!Valid(t)) continue;
                for (int j = 0; j < f; j++)
                    pooled[j] = _spec.Pooling == PoolingKind.Mean ? pooled[j] + x[t][j] : count == 0 ? x[t][j] : Math.Max(pooled[j], x[t][j]);
                count++;
            }
            if (_spec.Pooling == PoolingKind.Mean && count > 0)
                for (int j = 0; j < f; j++) pooled[j] /= count;
        }
        int outputs = _spec.Outputs;
        double[] kernel = Tensors[^2], bias = Tensors[^1];
        var result = new double[outputs];
        for (int o = 0; o < outputs; o++)
        {
            double sum = bias[o];
            for (int j = 0; j < f; j++) sum += pooled[j] * kernel[j * outputs + o];
            result[o] = sum;
        }
        return result;
    }

    /// <summary>The task's loss for one row: binary cross-entropy, sparse categorical cross-entropy or mean squared error.</summary>
    public double Loss(double[] outputs, ReadOnlySpan<float> target)
    {
        switch (_spec.Task)
        {
            case TaskKind.BinaryClassification:
                {
                    double z = outputs[0], y = target[0];
                    return Math.Max(z, 0) - z * y + Math.Log(1 + Math.Exp(-Math.Abs(z)));
                }
            case TaskKind.MulticlassClassification:
                {
                    double max = outputs.Max();
                    double log = Math.Log(outputs.Sum(v => Math.Exp(v - max))) + max;
                    return log - outputs[(int)target[0]];
                }
            default:
                {
                    double sum = 0;
                    for (int i = 0; i < outputs.Length; i++) sum += (outputs[i] - target[i]) * (outputs[i] - target[i]);
                    return sum / outputs.Length;
                }
        }
    }

    private static double[] Project(double[] input, double[] w, int columns, int offset, int count)
    {
        var z = new double[count];
        for (int j = 0; j < count; j++)
        {
            double sum = 0;
            for (int i = 0; i < input.Length; i++) sum += input[i] * w[i * columns + offset + j];
            z[j] = sum;
        }
        return z;
    }

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    private static double[] LstmStep(double[] x, double[] hin, double[] cell, double[] w, double[] u, double[] b, int h)
    {
        int g = 4 * h;
        var zx = Project(x, w, g, 0, g);
        var zh = Project(hin, u, g, 0, g);
        var next = new double[h];
        for (int j = 0; j < h; j++)
        {
            double i = Sigmoid(zx[j] + zh[j] + b[j]);
            double f = Sigmoid(zx[h + j] + zh[h + j] + b[h + j]);
            double c = Math.Tanh(zx[2 * h + j] + zh[2 * h + j] + b[2 * h + j]);
            double o = Sigmoid(zx[3 * h + j] + zh[3 * h + j] + b[3 * h + j]);
            cell[j] = f * cell[j] + i * c;
            next[j] = o * Math.Tanh(cell[j]);
        }
        return next;
    }

    private static double[] GruStep(double[] x, double[] hin, double[] state, double[] w, double[] u, double[] b, int h)
    {
        int g = 3 * h;
        var zx = Project(x, w, g, 0, g);
        var zh = Project(hin, u, g, 0, g);
        var next = new double[h];
        for (int j = 0; j < h; j++)
        {
            double z = Sigmoid(zx[j] + b[j] + zh[j] + b[g + j]);
            double r = Sigmoid(zx[h + j] + b[h + j] + zh[h + j] + b[g + h + j]);
            double candidate = Math.Tanh(zx[2 * h + j] + b[2 * h + j] + r * (zh[2 * h + j] + b[g + 2 * h + j]));
            next[j] = z * state[j] + (1 - z) * candidate;
        }
        return next;
    }

    private static double[] RnnStep(double[] x, double[] hin, double[] w, double[] u, double[] b, int h)
    {
        var zx = Project(x, w, h, 0, h);
        var zh = Project(hin, u, h, 0, h);
        return Enumerable.Range(0, h).Select(j => Math.Tanh(zx[j] + zh[j] + b[j])).ToArray();
    }
}
