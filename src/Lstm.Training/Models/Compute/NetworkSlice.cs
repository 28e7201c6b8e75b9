using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Lstm.Training.Kernels;

namespace Lstm.Training.Models.Compute;

/// <summary>
/// Up to <see cref="Capacity"/> sequences of one length run through a <see cref="SequenceNetwork"/> by one thread:
/// forward (and, when built for training, backward) through the embedding, every recurrent layer and direction, the
/// pooling and the Dense head. Buffers are time-major, [steps, rows, width], and allocated once.
/// </summary>
/// <remarks>
/// Masking (<see cref="NetworkSpec.MaskZero"/>): at a step whose id is 0 a row keeps its state, outputs zeros, takes
/// no gradient and is left out of pooling. Steps before the slice's first unmasked one are not run at all, which is
/// what makes masked models cost the length of their texts rather than the padded length.
/// </remarks>
internal sealed class NetworkSlice
{
    private readonly NetworkParameters _p;
    private readonly NetworkTransposes? _transposes;
    private readonly NetworkSpec _spec;
    private readonly int _steps;
    private readonly float[] _x0;
    private readonly float[]? _dx0;
    private readonly LayerBuffers[] _layers;
    private readonly float[] _dh, _dc, _scratch;
    private readonly float[] _pooled, _dPooled;
    private readonly int[] _argMax;
    private readonly int[] _validCount;
    private int[][] _rowIds = [];
    private int _rows, _t0;
    private bool _weightGradients = true;

    public NetworkSlice(NetworkParameters parameters, NetworkTransposes? transposes, int capacity, int steps, bool training)
    {
        _p = parameters;
        _transposes = transposes;
        _spec = parameters.Spec;
        Capacity = capacity;
        _steps = steps;
        int r = capacity, e = _spec.InputWidth, maxUnits = 0;
        _x0 = new float[(long)steps * r * e > Array.MaxLength ? throw new ArgumentOutOfRangeException(nameof(steps)) : steps * r * e];
        if (training) _dx0 = new float[_x0.Length];
        _layers = new LayerBuffers[_spec.Recurrent.Count];
        int input = e;
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _spec.Recurrent[l];
            _layers[l] = new LayerBuffers(layer, input, steps, r, training);
            maxUnits = Math.Max(maxUnits, layer.Units);
            input = layer.OutputWidth;
        }
        _dh = new float[r * maxUnits];
        _dc = new float[r * maxUnits];
        _scratch = new float[r * maxUnits];
        int f = _spec.FeatureWidth;
        _pooled = new float[r * f];
        _dPooled = new float[r * f];
        _argMax = new int[r * f];
        _validCount = new int[r];
        Outputs = new float[r * _spec.Outputs];
        OutputGradient = new float[r * _spec.Outputs];
        if (training)
        {
            Gradients = new float[parameters.Tensors.Count][];
            Gradients[0] = [];
            for (int i = 1; i < Gradients.Length; i++) Gradients[i] = new float[parameters.Tensors[i].Length];
        }
        else Gradients = [];
    }

    /// <summary>Most rows one call runs.</summary>
    public int Capacity { get; }

    /// <summary>Steps every sequence has.</summary>
    public int Steps => _steps;

    /// <summary>Head outputs (logits, or values for regression) of the last forward, [rows, outputs].</summary>
    public float[] Outputs { get; }

    /// <summary>dL/d<see cref="Outputs"/>, filled by the caller before <see cref="Backward(bool)"/>.</summary>
    public float[] OutputGradient { get; }

    /// <summary>Gradients of every tensor but the embedding (index 0, left empty: see <see cref="ScatterEmbeddingGradient"/>).</summary>
    public float[][] Gradients { get; }

    /// <summary>Rows of the last forward.</summary>
    public int Rows => _rows;

    /// <summary>Dropout masks of layer <paramref name="layer"/>, direction <paramref name="direction"/>: ([rows, input], [rows, units]).</summary>
    public (float[] Input, float[] Recurrent) Masks(int layer, int direction) => (_layers[layer].Directions[direction].InputMask!, _layers[layer].Directions[direction].RecurrentMask!);

    /// <summary>Runs <paramref name="sequences"/> forward; with <paramref name="dropout"/>, the masks already drawn by the caller are applied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward(ReadOnlySpan<int[]> sequences, bool dropout)
    {
        int rows = _rows = sequences.Length, e = _spec.EmbeddingDim, steps = _steps;
        if (_rowIds.Length < rows) _rowIds = new int[Capacity][];
        sequences.CopyTo(_rowIds);
        _t0 = _spec.MaskZero ? FirstUnmaskedStep(sequences) : 0;
        for (int t = _t0; t < steps; t++)
            for (int s = 0; s < rows; s++)
                _p.Embedding.AsSpan(sequences[s][t] * e, e).CopyTo(_x0.AsSpan((t * rows + s) * e, e));
        ForwardFromInputs(dropout);
    }

    /// <summary>
    /// Runs numeric <paramref name="windows"/> forward (a network of <see cref="NetworkSpec.InputFeatures"/>: each
    /// window is steps × features, step by step); with <paramref name="dropout"/>, the masks already drawn by the caller are applied.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward(ReadOnlySpan<float[]> windows, bool dropout)
    {
        int rows = _rows = windows.Length, f = _spec.InputFeatures, steps = _steps;
        _t0 = 0;
        for (int t = 0; t < steps; t++)
            for (int s = 0; s < rows; s++)
                windows[s].AsSpan(t * f, f).CopyTo(_x0.AsSpan((t * rows + s) * f, f));
        ForwardFromInputs(dropout);
    }

    /// <summary>
    /// Runs given embedded inputs forward, dropout off: <paramref name="embedded"/> is [steps, rows, embedding width]
    /// and replaces the embedding lookup, while <paramref name="sequences"/>' ids still decide masking. What integrated
    /// gradients runs its path points through; <see cref="InputGradient"/> is the gradient after <see cref="Backward(bool)"/>.
    /// </summary>
    public void ForwardEmbedded(ReadOnlySpan<int[]> sequences, ReadOnlySpan<float> embedded)
    {
        int rows = _rows = sequences.Length;
        if (_rowIds.Length < rows) _rowIds = new int[Capacity][];
        sequences.CopyTo(_rowIds);
        _t0 = _spec.MaskZero ? FirstUnmaskedStep(sequences) : 0;
        embedded[..(_steps * rows * _spec.EmbeddingDim)].CopyTo(_x0);
        ForwardFromInputs(dropout: false);
    }

    /// <summary>dL/d(embedded inputs) of the last <see cref="Backward(bool)"/>, [steps, rows, embedding width]; zero at steps a masked slice skipped.</summary>
    public ReadOnlySpan<float> InputGradient => _dx0.AsSpan(0, _steps * _rows * _spec.InputWidth);

    // The layers and the head, from the inputs in _x0 ([steps, rows, input width]).
    private void ForwardFromInputs(bool dropout)
    {
        int rows = _rows, e = _spec.InputWidth, steps = _steps;
        ReadOnlySpan<float> input = _x0;
        int width = e;
        for (int l = 0; l < _layers.Length; l++)
        {
            var buffers = _layers[l];
            buffers.Output.AsSpan(0, steps * rows * buffers.Spec.OutputWidth).Clear();
            for (int d = 0; d < buffers.Spec.Directions; d++)
                ForwardDirection(l, d, input, width, dropout);
            input = buffers.Output;
            width = buffers.Spec.OutputWidth;
        }
        Pool();
        int f = _spec.FeatureWidth, k = _spec.Outputs;
        Span<float> outputs = Outputs.AsSpan(0, rows * k);
        for (int s = 0; s < rows; s++) _p.DenseBias.CopyTo(outputs.Slice(s * k, k));
        Gemm.Multiply(rows, k, f, _pooled, f, 1, _p.DenseKernel, k, outputs, k, accumulate: true);
    }

    /// <summary>
    /// Backward from <see cref="OutputGradient"/> of the last forward (ids or windows): fills <see cref="Gradients"/>
    /// (overwriting) and the embedding-input gradient that <see cref="ScatterEmbeddingGradient"/> adds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backward(bool dropout) => Backward(dropout, weightGradients: true);

    /// <summary>
    /// <see cref="Backward(bool)"/>; without <paramref name="weightGradients"/> only <see cref="InputGradient"/> is
    /// computed (what explanations need) and <see cref="Gradients"/> is left stale, saving the weight products.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backward(bool dropout, bool weightGradients)
    {
        _weightGradients = weightGradients;
        int rows = _rows, f = _spec.FeatureWidth, k = _spec.Outputs, steps = _steps;
        var t = _transposes!;
        ReadOnlySpan<float> dOut = OutputGradient.AsSpan(0, rows * k);
        Span<float> dPooled = _dPooled.AsSpan(0, rows * f);
        Gemm.Multiply(rows, f, k, dOut, k, 1, t.Dense, f, dPooled, f, accumulate: false);
        if (weightGradients)
        {
            Gemm.Multiply(f, k, rows, _pooled, 1, f, dOut, k, Gradients[^2], k, accumulate: false);
            Span<float> dBias = Gradients[^1];
            dBias.Clear();
            for (int s = 0; s < rows; s++) TensorPrimitives.Add(dBias, dOut.Slice(s * k, k), dBias);
        }

        var last = _layers[^1];
        Span<float> dY = last.OutputGradient.AsSpan(0, steps * rows * f);
        dY.Clear();
        UnPool(dPooled, dY);
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            var buffers = _layers[l];
            Span<float> dInput = l > 0 ? _layers[l - 1].OutputGradient : _dx0!;
            int inputWidth = l > 0 ? _layers[l - 1].Spec.OutputWidth : _spec.InputWidth;
            dInput[..(steps * rows * inputWidth)].Clear();
            for (int d = 0; d < buffers.Spec.Directions; d++)
            {
                bool fromPooled = l == _layers.Length - 1 && _spec.Pooling == PoolingKind.Last;
                BackwardDirection(l, d, inputWidth, dInput, fromPooled ? dPooled : default, dropout);
            }
        }
    }

    /// <summary>Adds columns [lo, hi) of this slice's embedding-input gradient into the rows of <paramref name="gradient"/> its ids select.</summary>
    public void ScatterEmbeddingGradient(Span<float> gradient, int lo, int hi)
    {
        int rows = _rows, e = _spec.EmbeddingDim, width = hi - lo;
        for (int t = _t0; t < _steps; t++)
            for (int s = 0; s < rows; s++)
            {
                Span<float> dst = gradient.Slice(_rowIds[s][t] * e + lo, width);
                TensorPrimitives.Add(dst, _dx0.AsSpan((t * rows + s) * e + lo, width), dst);
            }
    }

    private int FirstUnmaskedStep(ReadOnlySpan<int[]> sequences)
    {
        int first = _steps;
        foreach (var sequence in sequences)
            for (int t = 0; t < first; t++)
                if (sequence[t] != 0)
                {
                    first = t;
                    break;
                }
        return first;
    }

    private bool Valid(int s, int t) => !_spec.MaskZero || _rowIds[s][t] != 0;

    /// <summary>The step the p-th processed step of direction <paramref name="direction"/> reads.</summary>
    private int TimeOf(int direction, int p) => direction == 0 ? _t0 + p : _steps - 1 - p;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ForwardDirection(int l, int d, ReadOnlySpan<float> input, int inputWidth, bool dropout)
    {
        var buffers = _layers[l];
        var layer = buffers.Spec;
        var dir = buffers.Directions[d];
        int rows = _rows, n = _steps - _t0, h = layer.Units, g = layer.GateWidth, outWidth = layer.OutputWidth, di = inputWidth;
        if (n == 0) return;
        int ki = _p.KernelIndex(l, d);
        float[] kernel = _p.Tensors[ki], recurrent = _p.Tensors[ki + 1], bias = _p.Tensors[ki + 2];
        bool inputMask = dropout && layer.Dropout > 0, recurrentMask = dropout && layer.RecurrentDropout > 0;

        Span<float> x = dir.Inputs.AsSpan(0, n * rows * di);
        for (int p = 0; p < n; p++)
        {
            int t = TimeOf(d, p);
            for (int s = 0; s < rows; s++)
            {
                ReadOnlySpan<float> source = input.Slice((t * rows + s) * di, di);
                Span<float> destination = x.Slice((p * rows + s) * di, di);
                if (inputMask) TensorPrimitives.Multiply(source, dir.InputMask.AsSpan(s * di, di), destination);
                else source.CopyTo(destination);
            }
        }
        Span<float> gates = dir.Gates.AsSpan(0, n * rows * g);
        for (int r = 0; r < n * rows; r++) bias.AsSpan(0, g).CopyTo(gates.Slice(r * g, g));
        Gemm.Multiply(n * rows, g, di, x, di, 1, kernel, g, gates, g, accumulate: true);

        bool gru = layer.Kind == RecurrentKind.Gru, lstm = layer.Kind == RecurrentKind.Lstm;
        for (int p = 0; p < n; p++)
        {
            int t = TimeOf(d, p);
            Span<float> hTilde = dir.PreviousHidden.AsSpan(p * rows * h, rows * h);
            if (p == 0) hTilde.Clear();
            else if (recurrentMask) TensorPrimitives.Multiply(dir.Hidden.AsSpan((p - 1) * rows * h, rows * h), dir.RecurrentMask.AsSpan(0, rows * h), hTilde);
            else dir.Hidden.AsSpan((p - 1) * rows * h, rows * h).CopyTo(hTilde);
            Span<float> z = gates.Slice(p * rows * g, rows * g);
            Span<float> rz = gru ? dir.RecurrentGates!.AsSpan(p * rows * g, rows * g) : default;
            if (gru)
            {
                for (int s = 0; s < rows; s++) bias.AsSpan(g, g).CopyTo(rz.Slice(s * g, g));
                if (p > 0) Gemm.Multiply(rows, g, h, hTilde, h, 1, recurrent, g, rz, g, accumulate: true);
            }
            else if (p > 0) Gemm.Multiply(rows, g, h, hTilde, h, 1, recurrent, g, z, g, accumulate: true);

            for (int s = 0; s < rows; s++)
            {
                Span<float> hs = dir.Hidden.AsSpan((p * rows + s) * h, h);
                ReadOnlySpan<float> hp = p == 0 ? default : dir.Hidden.AsSpan(((p - 1) * rows + s) * h, h);
                Span<float> cs = lstm ? dir.Cells!.AsSpan((p * rows + s) * h, h) : default;
                ReadOnlySpan<float> cp = lstm && p > 0 ? dir.Cells!.AsSpan(((p - 1) * rows + s) * h, h) : default;
                if (!Valid(s, t))
                {
                    if (p == 0)
                    {
                        hs.Clear();
                        cs.Clear();
                    }
                    else
                    {
                        hp.CopyTo(hs);
                        cp.CopyTo(cs);
                    }
                    continue;
                }
                Span<float> zs = z.Slice(s * g, g);
                switch (layer.Kind)
                {
                    case RecurrentKind.Lstm: GateMath.Forward(zs, cp, cs, hs); break;
                    case RecurrentKind.Gru: CellMath.GruForward(zs, rz.Slice(s * g, g), hp, hs); break;
                    default: CellMath.RnnForward(zs, hs); break;
                }
                hs.CopyTo(buffers.Output.AsSpan((t * rows + s) * outWidth + d * h, h));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BackwardDirection(int l, int d, int inputWidth, Span<float> dInput, ReadOnlySpan<float> dPooled, bool dropout)
    {
        var buffers = _layers[l];
        var layer = buffers.Spec;
        var dir = buffers.Directions[d];
        int rows = _rows, n = _steps - _t0, h = layer.Units, g = layer.GateWidth, outWidth = layer.OutputWidth, di = inputWidth;
        int ki = _p.KernelIndex(l, d);
        float[] gKernel = Gradients[ki], gRecurrent = Gradients[ki + 1], gBias = Gradients[ki + 2];
        if (n == 0)
        {
            gKernel.AsSpan().Clear();
            gRecurrent.AsSpan().Clear();
            gBias.AsSpan().Clear();
            return;
        }
        bool inputMask = dropout && layer.Dropout > 0, recurrentMask = dropout && layer.RecurrentDropout > 0;
        bool gru = layer.Kind == RecurrentKind.Gru, lstm = layer.Kind == RecurrentKind.Lstm;
        Span<float> dh = _dh.AsSpan(0, rows * h), dc = _dc.AsSpan(0, rows * h), scratch = _scratch.AsSpan(0, rows * h);
        dc.Clear();
        if (dPooled.IsEmpty) dh.Clear();
        else
            for (int s = 0; s < rows; s++) dPooled.Slice(s * outWidth + d * h, h).CopyTo(dh.Slice(s * h, h));
        Span<float> gates = dir.Gates.AsSpan(0, n * rows * g);
        Span<float> recurrentGates = gru ? dir.RecurrentGates!.AsSpan(0, n * rows * g) : gates;
        ReadOnlySpan<float> dY = buffers.OutputGradient;
        float[] recurrentT = _transposes!.Recurrent[l][d];

        for (int p = n - 1; p >= 0; p--)
        {
            int t = TimeOf(d, p);
            Span<float> z = gates.Slice(p * rows * g, rows * g);
            Span<float> rz = recurrentGates.Slice(p * rows * g, rows * g);
            for (int s = 0; s < rows; s++)
            {
                Span<float> dhs = dh.Slice(s * h, h);
                if (!Valid(s, t))
                {
                    z.Slice(s * g, g).Clear();
                    if (gru) rz.Slice(s * g, g).Clear();
                    continue;
                }
                TensorPrimitives.Add(dhs, dY.Slice((t * rows + s) * outWidth + d * h, h), dhs);
                ReadOnlySpan<float> hp = p == 0 ? default : dir.Hidden.AsSpan(((p - 1) * rows + s) * h, h);
                Span<float> zs = z.Slice(s * g, g);
                switch (layer.Kind)
                {
                    case RecurrentKind.Lstm:
                        GateMath.Backward(zs, dir.Cells!.AsSpan((p * rows + s) * h, h), p == 0 ? default : dir.Cells!.AsSpan(((p - 1) * rows + s) * h, h), dhs, dc.Slice(s * h, h));
                        dhs.Clear();
                        break;
                    case RecurrentKind.Gru:
                        CellMath.GruBackward(zs, rz.Slice(s * g, g), hp, dhs);
                        break;
                    default:
                        CellMath.RnnBackward(zs, dhs);
                        dhs.Clear();
                        break;
                }
            }
            if (p > 0)
            {
                Gemm.Multiply(rows, h, g, rz, g, 1, recurrentT, h, scratch, h, accumulate: false);
                if (recurrentMask) TensorPrimitives.Multiply(scratch, dir.RecurrentMask.AsSpan(0, rows * h), scratch);
                TensorPrimitives.Add(dh, scratch, dh);
            }
        }

        Span<float> x = dir.Inputs.AsSpan(0, n * rows * di);
        if (_weightGradients) WeightGradients(dir, n, rows, h, g, di, gru, x, gates, recurrentGates, gKernel, gRecurrent, gBias);

        // dx̃ = dz·Wᵀ, written over the inputs (no longer needed), then through the input mask into the layer's input gradient.
        Gemm.Multiply(n * rows, di, g, gates, g, 1, _transposes.Kernels[l][d], di, x, di, accumulate: false);
        for (int p = 0; p < n; p++)
        {
            int t = TimeOf(d, p);
            for (int s = 0; s < rows; s++)
            {
                Span<float> dx = x.Slice((p * rows + s) * di, di);
                if (inputMask) TensorPrimitives.Multiply(dx, dir.InputMask.AsSpan(s * di, di), dx);
                Span<float> destination = dInput.Slice((t * rows + s) * di, di);
                TensorPrimitives.Add(destination, dx, destination);
            }
        }
    }

    private static void WeightGradients(DirectionBuffers dir, int n, int rows, int h, int g, int di, bool gru, ReadOnlySpan<float> x,
        ReadOnlySpan<float> gates, ReadOnlySpan<float> recurrentGates, float[] gKernel, float[] gRecurrent, float[] gBias)
    {
        if (n > 1) Gemm.Multiply(h, g, (n - 1) * rows, dir.PreviousHidden.AsSpan(rows * h), 1, h, recurrentGates[(rows * g)..], g, gRecurrent, g, accumulate: false);
        else gRecurrent.AsSpan().Clear();
        Gemm.Multiply(di, g, n * rows, x, 1, di, gates, g, gKernel, g, accumulate: false);
        gBias.AsSpan().Clear();
        Span<float> dbInput = gBias.AsSpan(0, g);
        for (int r = 0; r < n * rows; r++) TensorPrimitives.Add(dbInput, gates.Slice(r * g, g), dbInput);
        if (gru)
        {
            Span<float> dbRecurrent = gBias.AsSpan(g, g);
            for (int r = 0; r < n * rows; r++) TensorPrimitives.Add(dbRecurrent, recurrentGates.Slice(r * g, g), dbRecurrent);
        }
    }

    /// <summary>The head's input: each direction's last state, or the maximum or mean of the last layer's outputs over unmasked steps.</summary>
    private void Pool()
    {
        var last = _layers[^1];
        int rows = _rows, f = _spec.FeatureWidth, h = last.Spec.Units, n = _steps - _t0;
        Span<float> pooled = _pooled.AsSpan(0, rows * f);
        pooled.Clear();
        if (_spec.Pooling == PoolingKind.Last)
        {
            if (n == 0) return;
            for (int d = 0; d < last.Spec.Directions; d++)
                for (int s = 0; s < rows; s++)
                    last.Directions[d].Hidden.AsSpan(((n - 1) * rows + s) * h, h).CopyTo(pooled.Slice(s * f + d * h, h));
            return;
        }
        ReadOnlySpan<float> y = last.Output;
        for (int s = 0; s < rows; s++)
        {
            Span<float> row = pooled.Slice(s * f, f);
            Span<int> argMax = _argMax.AsSpan(s * f, f);
            argMax.Fill(-1);
            int count = 0;
            for (int t = _t0; t < _steps; t++)
            {
                if (!Valid(s, t)) continue;
                ReadOnlySpan<float> step = y.Slice((t * rows + s) * f, f);
                if (_spec.Pooling == PoolingKind.Mean) TensorPrimitives.Add(row, step, row);
                else
                    for (int j = 0; j < f; j++)
                        if (count == 0 || step[j] > row[j])
                        {
                            row[j] = step[j];
                            argMax[j] = t;
                        }
                count++;
            }
            _validCount[s] = count;
            if (_spec.Pooling == PoolingKind.Mean && count > 0) TensorPrimitives.Multiply(row, 1f / count, row);
        }
    }

    private void UnPool(ReadOnlySpan<float> dPooled, Span<float> dY)
    {
        int rows = _rows, f = _spec.FeatureWidth;
        if (_spec.Pooling == PoolingKind.Last) return;
        for (int s = 0; s < rows; s++)
        {
            ReadOnlySpan<float> g = dPooled.Slice(s * f, f);
            if (_spec.Pooling == PoolingKind.Max)
            {
                for (int j = 0; j < f; j++)
                    if (_argMax[s * f + j] is var t and >= 0) dY[(t * rows + s) * f + j] += g[j];
                continue;
            }
            if (_validCount[s] == 0) continue;
            float scale = 1f / _validCount[s];
            for (int t = _t0; t < _steps; t++)
            {
                if (!Valid(s, t)) continue;
                Span<float> step = dY.Slice((t * rows + s) * f, f);
                for (int j = 0; j < f; j++) step[j] += g[j] * scale;
            }
        }
    }

    /// <summary>One recurrent layer's buffers: its output sequence and, per direction, inputs, gates and states.</summary>
    private sealed class LayerBuffers
    {
        public LayerBuffers(RecurrentLayerSpec spec, int inputWidth, int steps, int rows, bool training)
        {
            Spec = spec;
            Output = new float[steps * rows * spec.OutputWidth];
            OutputGradient = training ? new float[Output.Length] : [];
            Directions = new DirectionBuffers[spec.Directions];
            for (int d = 0; d < Directions.Length; d++) Directions[d] = new DirectionBuffers(spec, inputWidth, steps, rows, training);
        }

        public RecurrentLayerSpec Spec { get; }
        public float[] Output { get; }
        public float[] OutputGradient { get; }
        public DirectionBuffers[] Directions { get; }
    }

    /// <summary>Buffers of one direction, indexed by processing order p (time for forward, reversed time for backward).</summary>
    private sealed class DirectionBuffers(RecurrentLayerSpec spec, int inputWidth, int steps, int rows, bool training)
    {
        public float[] Inputs { get; } = new float[steps * rows * inputWidth];
        public float[] Gates { get; } = new float[steps * rows * spec.GateWidth];
        public float[]? RecurrentGates { get; } = spec.Kind == RecurrentKind.Gru ? new float[steps * rows * spec.GateWidth] : null;
        public float[] PreviousHidden { get; } = new float[steps * rows * spec.Units];
        public float[] Hidden { get; } = new float[steps * rows * spec.Units];
        public float[]? Cells { get; } = spec.Kind == RecurrentKind.Lstm ? new float[steps * rows * spec.Units] : null;
        public float[] InputMask { get; } = training ? new float[rows * inputWidth] : [];
        public float[] RecurrentMask { get; } = training ? new float[rows * spec.Units] : [];
    }
}
