using System.Numerics.Tensors;
using Lstm.Training.Kernels;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Models.Compute;

namespace Lstm.Training.Training;

/// <summary>
/// One gradient step of any <see cref="SequenceNetwork"/> on one batch: dropout masks drawn in row order, fixed slices
/// of <see cref="SliceRows"/> sequences run forward and backward in parallel, gradients summed in slice order. Masked
/// networks sort a batch's rows by length first, so that each slice starts at its own first real token.
/// </summary>
internal sealed class NetworkBatchTrainer
{
    public const int SliceRows = 8;

    private readonly NetworkParameters _p;
    private readonly NetworkTransposes _transposes;
    private readonly float[][] _gradients;
    private NetworkSlice[] _slices = [];
    private int[][] _rows = [];
    private float[][] _windows = [];
    private int[] _indices = [];
    private int[] _starts = [];

    public NetworkBatchTrainer(NetworkParameters parameters, float[][] gradients)
    {
        _p = parameters;
        _gradients = gradients;
        _transposes = new NetworkTransposes(parameters);
    }

    private bool _stale = true;

    /// <summary>Marks the transposed weights the backward pass uses as stale; call after the weights change (they are recomputed by the next <see cref="Step"/>).</summary>
    public void Refresh() => _stale = true;

    /// <summary>
    /// Forward, loss and backward on the examples <paramref name="batch"/> of <paramref name="data"/>; leaves the
    /// gradients (of the weighted loss summed over the batch and divided by its size, Keras's reduction) in the
    /// trainer's gradient tensors. Returns the weighted loss sum and the metric sum (correct predictions, or absolute errors).
    /// </summary>
    public (double LossSum, double MetricSum) Step(SequenceDataset data, ReadOnlySpan<int> batch, IReadOnlyDictionary<int, float>? classWeight,
        SeededRandom random, ParallelOptions parallel)
    {
        var spec = _p.Spec;
        if (_stale)
        {
            _transposes.Refresh();
            _stale = false;
        }
        int rows = batch.Length, steps = data.Steps(batch[0]);
        EnsureSlices(rows, steps);
        if (_indices.Length < rows)
        {
            _indices = new int[rows];
            _rows = new int[rows][];
            _starts = new int[rows];
        }
        batch.CopyTo(_indices);
        if (spec.MaskZero)
        {
            for (int r = 0; r < rows; r++) _starts[r] = FirstNonZero(data.Sequences[_indices[r]]);
            // A stable order (by start, then position in the batch), so the slices do not depend on the sort's internals.
            var keys = new long[rows];
            for (int r = 0; r < rows; r++) keys[r] = ((long)_starts[r] << 32) | (uint)r;
            var sorted = _indices.AsSpan(0, rows).ToArray();
            Array.Sort(keys, sorted);
            sorted.CopyTo(_indices, 0);
        }
        var windows = data.Windows;
        if (windows is null)
            for (int r = 0; r < rows; r++) _rows[r] = data.Sequences[_indices[r]];
        else
        {
            if (_windows.Length < rows) _windows = new float[rows][];
            for (int r = 0; r < rows; r++) _windows[r] = windows[_indices[r]];
        }
        DrawMasks(rows, random);

        int sliceCount = (rows + SliceRows - 1) / SliceRows;
        var lossSums = new double[sliceCount];
        var metricSums = new double[sliceCount];
        var indices = _indices;
        var sequences = _rows;
        var numeric = windows is null ? null : _windows;
        int k = spec.Outputs;
        Parallel.For(0, sliceCount, parallel, s =>
        {
            int first = s * SliceRows, count = Math.Min(SliceRows, rows - first);
            var slice = _slices[s];
            if (numeric is null) slice.Forward(sequences.AsSpan(first, count), dropout: true);
            else slice.Forward(numeric.AsSpan(first, count), dropout: true);
            double loss = 0, metric = 0;
            for (int i = 0; i < count; i++)
            {
                int example = indices[first + i];
                var outputs = slice.Outputs.AsSpan(i * k, k);
                var target = data.TargetRow(example);
                float weight = data.Weight(example);
                if (classWeight is not null && spec.Task != TaskKind.Regression && classWeight.TryGetValue((int)target[0], out float cw)) weight *= cw;
                var (rowLoss, rowMetric) = HeadLoss.Evaluate(spec, outputs, target);
                loss += weight * rowLoss;
                metric += rowMetric;
                HeadLoss.Gradient(spec, outputs, target, weight / rows, slice.OutputGradient.AsSpan(i * k, k));
            }
            lossSums[s] = loss;
            metricSums[s] = metric;
            slice.Backward(dropout: true);
        });
        double lossSum = 0, metricSum = 0;
        for (int s = 0; s < sliceCount; s++)
        {
            lossSum += lossSums[s];
            metricSum += metricSums[s];
        }
        ReduceGradients(sliceCount, new ParallelOptions { MaxDegreeOfParallelism = parallel.MaxDegreeOfParallelism });
        return (lossSum, metricSum);
    }

    private void EnsureSlices(int rows, int steps)
    {
        int needed = (rows + SliceRows - 1) / SliceRows;
        if (_slices.Length >= needed && _slices.Length > 0 && _slices[0].Steps == steps) return;
        int count = Math.Max(needed, _slices.Length > 0 && _slices[0].Steps == steps ? _slices.Length : 0);
        var slices = new NetworkSlice[count];
        for (int i = 0; i < count; i++)
            slices[i] = i < _slices.Length && _slices[i].Steps == steps ? _slices[i] : new NetworkSlice(_p, _transposes, SliceRows, steps, training: true);
        _slices = slices;
    }

    private static int FirstNonZero(int[] sequence)
    {
        int t = 0;
        while (t < sequence.Length && sequence[t] == 0) t++;
        return t;
    }

    // Drawn on the caller's thread in row order, layer by layer, so the random stream does not depend on threading.
    private void DrawMasks(int rows, SeededRandom random)
    {
        var spec = _p.Spec;
        for (int r = 0; r < rows; r++)
        {
            var slice = _slices[r / SliceRows];
            int row = r % SliceRows, input = spec.InputWidth;
            for (int l = 0; l < spec.Recurrent.Count; l++)
            {
                var layer = spec.Recurrent[l];
                for (int d = 0; d < layer.Directions; d++)
                {
                    var (inputMask, recurrentMask) = slice.Masks(l, d);
                    if (layer.Dropout > 0) FillMask(inputMask.AsSpan(row * input, input), layer.Dropout, random);
                    if (layer.RecurrentDropout > 0) FillMask(recurrentMask.AsSpan(row * layer.Units, layer.Units), layer.RecurrentDropout, random);
                }
                input = layer.OutputWidth;
            }
        }
    }

    private static void FillMask(Span<float> mask, float rate, SeededRandom random)
    {
        float keep = 1f / (1f - rate);
        for (int i = 0; i < mask.Length; i++) mask[i] = random.NextSingle() >= rate ? keep : 0f;
    }

    private void ReduceGradients(int sliceCount, ParallelOptions parallel)
    {
        for (int i = 1; i < _gradients.Length; i++)
        {
            Span<float> total = _gradients[i];
            _slices[0].Gradients[i].AsSpan().CopyTo(total);
            for (int s = 1; s < sliceCount; s++) TensorPrimitives.Add(total, _slices[s].Gradients[i], total);
        }
        if (_p.Spec.IsNumeric) return; // no embedding: the inputs are the data
        // The embedding gradient by column ranges, one per thread; each element gets its adds in (slice, step, row) order.
        int e = _p.Spec.EmbeddingDim;
        int parts = Math.Max(1, Math.Min(e / 16, parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount));
        float[] embedding = _gradients[0];
        Parallel.For(0, parts, parallel, part =>
        {
            int lo = part * e / parts, hi = (part + 1) * e / parts;
            EmbeddingLayer.ClearColumns(embedding, e, lo, hi);
            for (int s = 0; s < sliceCount; s++) _slices[s].ScatterEmbeddingGradient(embedding, lo, hi);
        });
    }
}
