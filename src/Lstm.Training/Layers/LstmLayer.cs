using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Lstm.Training.Kernels;

namespace Lstm.Training.Layers;

/// <summary>
/// Keras's <c>LSTM(units, dropout, recurrent_dropout)</c> with <c>return_sequences=False</c>, gates i, f, c, o:
/// <code>
/// z_t = x̃_t·W + h̃_{t-1}·U + b,   x̃ = x ⊙ m_x,  h̃ = h ⊙ m_h  (one mask per sequence, all steps)
/// i, f, o = σ(z_i), σ(z_f), σ(z_o);  g = tanh(z_c)
/// c_t = f ⊙ c_{t-1} + i ⊙ g;  h_t = o ⊙ tanh(c_t)
/// </code>
/// The input projection of all steps is one matrix product; only h̃·U (forward) and dz·Uᵀ (backward) run per step.
/// Backward is full BPTT; dW, dU and the input gradient are each one product over all steps.
/// </summary>
internal sealed class LstmLayer
{
    private readonly LstmClassifierParameters _p;
    private readonly int _e, _h, _g;
    private readonly float[] _kernelT;
    private readonly float[] _recurrentT;

    public LstmLayer(LstmClassifierParameters parameters)
    {
        _p = parameters;
        _e = parameters.Config.EmbeddingDim;
        _h = parameters.Config.Units;
        _g = 4 * _h;
        _kernelT = new float[_g * _e];
        _recurrentT = new float[_g * _h];
    }

    /// <summary>Refreshes Wᵀ and Uᵀ, used by <see cref="Backward"/>; call after the weights change.</summary>
    public void RefreshTransposes()
    {
        Transpose(_p.Kernel, _e, _g, _kernelT);
        Transpose(_p.RecurrentKernel, _h, _g, _recurrentT);
    }

    private static void Transpose(ReadOnlySpan<float> source, int rows, int cols, Span<float> destination)
    {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                destination[c * rows + r] = source[r * cols + c];
    }

    /// <summary>
    /// Training forward over <paramref name="rows"/> sequences whose masked inputs are already in
    /// <see cref="LstmActivations.Inputs"/>; leaves h_T in <see cref="LstmActivations.Hidden"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Forward(LstmActivations a, int rows, bool recurrentMask)
    {
        int steps = a.Steps, h = _h, g = _g;
        Span<float> gates = a.Gates.AsSpan(0, steps * rows * g);
        for (int r = 0; r < steps * rows; r++) _p.Bias.CopyTo(gates.Slice(r * g, g));
        Gemm.Multiply(steps * rows, g, _e, a.Inputs, _e, 1, _p.Kernel, g, gates, g, accumulate: true);

        Span<float> hidden = a.Hidden.AsSpan(0, rows * h);
        for (int t = 0; t < steps; t++)
        {
            Span<float> prev = a.PreviousHidden.AsSpan(t * rows * h, rows * h);
            Span<float> z = gates.Slice(t * rows * g, rows * g);
            if (t == 0) prev.Clear();
            else
            {
                if (recurrentMask) TensorPrimitives.Multiply(hidden, a.RecurrentMasks.AsSpan(0, rows * h), prev);
                else hidden.CopyTo(prev);
                Gemm.Multiply(rows, g, h, prev, h, 1, _p.RecurrentKernel, g, z, g, accumulate: true);
            }
            for (int s = 0; s < rows; s++)
            {
                ReadOnlySpan<float> cPrev = t == 0 ? default : a.Cells.AsSpan(((t - 1) * rows + s) * h, h);
                GateMath.Forward(z.Slice(s * g, g), cPrev, a.Cells.AsSpan((t * rows + s) * h, h), hidden.Slice(s * h, h));
            }
        }
    }

    /// <summary>
    /// BPTT from dL/dh_T in <see cref="LstmActivations.HiddenGradient"/>: writes dW, dU, db into
    /// <paramref name="grads"/> (overwriting) and dL/dx_t (through the input mask) into <see cref="LstmActivations.Inputs"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backward(LstmActivations a, int rows, bool recurrentMask, bool inputMask, LstmGradients grads)
    {
        int steps = a.Steps, h = _h, g = _g, e = _e;
        Span<float> gates = a.Gates.AsSpan(0, steps * rows * g);
        Span<float> dh = a.HiddenGradient.AsSpan(0, rows * h);
        Span<float> dc = a.CellGradient.AsSpan(0, rows * h);
        dc.Clear();
        for (int t = steps - 1; t >= 0; t--)
        {
            Span<float> z = gates.Slice(t * rows * g, rows * g);
            for (int s = 0; s < rows; s++)
            {
                ReadOnlySpan<float> cPrev = t == 0 ? default : a.Cells.AsSpan(((t - 1) * rows + s) * h, h);
                GateMath.Backward(z.Slice(s * g, g), a.Cells.AsSpan((t * rows + s) * h, h), cPrev, dh.Slice(s * h, h), dc.Slice(s * h, h));
            }
            if (t > 0)
            {
                Gemm.Multiply(rows, h, g, z, g, 1, _recurrentT, h, dh, h, accumulate: false);
                if (recurrentMask) TensorPrimitives.Multiply(dh, a.RecurrentMasks.AsSpan(0, rows * h), dh);
            }
        }

        // h̃_{-1} = 0, so the first step adds nothing to dU.
        int k = (steps - 1) * rows;
        Gemm.Multiply(h, g, k, a.PreviousHidden.AsSpan(rows * h), 1, h, gates[(rows * g)..], g, grads.RecurrentKernel, g, accumulate: false);
        Gemm.Multiply(e, g, steps * rows, a.Inputs, 1, e, gates, g, grads.Kernel, g, accumulate: false);
        Span<float> db = grads.Bias;
        db.Clear();
        for (int r = 0; r < steps * rows; r++) TensorPrimitives.Add(db, gates.Slice(r * g, g), db);

        Span<float> dx = a.Inputs.AsSpan(0, steps * rows * e);
        Gemm.Multiply(steps * rows, e, g, gates, g, 1, _kernelT, e, dx, e, accumulate: false);
        if (inputMask)
        {
            ReadOnlySpan<float> masks = a.InputMasks.AsSpan(0, rows * e);
            for (int t = 0; t < steps; t++)
            {
                Span<float> block = dx.Slice(t * rows * e, rows * e);
                TensorPrimitives.Multiply(block, masks, block);
            }
        }
    }

    /// <summary>
    /// Inference (no dropout): runs <paramref name="sequences"/> through all steps, gathering their embeddings and
    /// projecting them a few steps at a time, and leaves h_T in <paramref name="hidden"/>. Each row's result is
    /// independent of the others, so predictions do not depend on batch size or threading.
    /// </summary>
    /// <remarks>
    /// With <paramref name="padding"/>, row s starts at its first step that is not the padding id,
    /// <paramref name="starts"/>[s], from the state the padding run leaves, which is the same for every row. The rows must
    /// then be ordered by start, so that the rows running at any step are a prefix. The result is the full computation's,
    /// bit for bit: every element of the products and the gate math is computed by the same operations in the same order.
    /// With <paramref name="projection"/>, each step's input projection is looked up rather than multiplied, again the
    /// same bits.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Infer(ReadOnlySpan<int[]> sequences, ReadOnlySpan<int> starts, PaddingTrajectory? padding, InputProjection? projection,
        InferenceBuffers buffers, Span<float> hidden)
    {
        int rows = sequences.Length, steps = sequences[0].Length, h = _h, g = _g, e = _e, chunk = buffers.ChunkSteps;
        Span<float> c = buffers.Cells.AsSpan(0, rows * h);
        int first = padding is null ? 0 : starts[0];
        int active = 0; // rows [0, active) have started
        for (int t0 = first; t0 < steps; t0 += chunk)
        {
            int tc = Math.Min(chunk, steps - t0);
            int chunkRows = padding is null ? rows : RowsStartedBy(starts, t0 + tc - 1);
            Span<float> gates = buffers.Gates.AsSpan(0, tc * chunkRows * g);
            if (projection is not null) projection.Gather(sequences[..chunkRows], t0, tc, gates);
            else
            {
                Span<float> x = buffers.Inputs.AsSpan(0, tc * chunkRows * e);
                EmbeddingLayer.Gather(_p.Embedding, e, sequences[..chunkRows], t0, tc, default, x);
                for (int r = 0; r < tc * chunkRows; r++) _p.Bias.CopyTo(gates.Slice(r * g, g));
                Gemm.Multiply(tc * chunkRows, g, e, x, e, 1, _p.Kernel, g, gates, g, accumulate: true);
            }
            for (int dt = 0; dt < tc; dt++)
            {
                int t = t0 + dt;
                int now = padding is null ? rows : RowsStartedBy(starts, t);
                if (padding is not null && t > 0)
                {
                    // Rows whose real tokens begin at step t take the state after t padding steps.
                    for (int s = active; s < now; s++)
                    {
                        padding.Hidden.AsSpan(t * h, h).CopyTo(hidden.Slice(s * h, h));
                        padding.Cells.AsSpan(t * h, h).CopyTo(c.Slice(s * h, h));
                    }
                }
                active = now;
                Span<float> z = gates.Slice(dt * chunkRows * g, now * g);
                if (t > 0) Gemm.Multiply(now, g, h, hidden, h, 1, _p.RecurrentKernel, g, z, g, accumulate: true);
                for (int s = 0; s < now; s++)
                    GateMath.Forward(z.Slice(s * g, g), t == 0 ? default : c.Slice(s * h, h), c.Slice(s * h, h), hidden.Slice(s * h, h));
            }
        }
        // Rows of padding only end where the padding run does.
        for (int s = active; s < rows; s++) padding!.Hidden.AsSpan(steps * h, h).CopyTo(hidden.Slice(s * h, h));
    }

    /// <summary>How many rows (ordered by start) have started by step <paramref name="t"/>.</summary>
    private static int RowsStartedBy(ReadOnlySpan<int> starts, int t)
    {
        int lo = 0, hi = starts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The state after k steps of <paramref name="paddingId"/> from a zero state, k = 0..<paramref name="maxSteps"/>,
    /// computed as <see cref="Infer"/> computes any row, so that starting a row from it is exact.
    /// </summary>
    public PaddingTrajectory PadTrajectory(int paddingId, int maxSteps)
    {
        int h = _h, g = _g, e = _e;
        var trajectory = new PaddingTrajectory(maxSteps, h);
        var projected = new float[g];
        _p.Bias.CopyTo(projected, 0);
        Gemm.Multiply(1, g, e, _p.Embedding.AsSpan(paddingId * e, e), e, 1, _p.Kernel, g, projected, g, accumulate: true);
        var z = new float[g];
        for (int t = 0; t < maxSteps; t++)
        {
            projected.CopyTo(z, 0);
            Span<float> hPrev = trajectory.Hidden.AsSpan(t * h, h), cPrev = trajectory.Cells.AsSpan(t * h, h);
            if (t > 0) Gemm.Multiply(1, g, h, hPrev, h, 1, _p.RecurrentKernel, g, z, g, accumulate: true);
            GateMath.Forward(z, t == 0 ? default : cPrev, trajectory.Cells.AsSpan((t + 1) * h, h), trajectory.Hidden.AsSpan((t + 1) * h, h));
        }
        return trajectory;
    }

    /// <summary>b + E[v]·W for every id v of the vocabulary, by the product <see cref="Infer"/> would compute per token.</summary>
    /// <remarks>Rows are split into blocks across <paramref name="parallel"/>'s threads; each row's result does not depend on the split.</remarks>
    public InputProjection ProjectVocabulary(ParallelOptions parallel)
    {
        int vocabulary = _p.Config.VocabularySize, g = _g, e = _e;
        var table = new float[(long)vocabulary * g];
        const int BlockRows = 512;
        Parallel.For(0, (vocabulary + BlockRows - 1) / BlockRows, parallel, block =>
        {
            int first = block * BlockRows, rows = Math.Min(BlockRows, vocabulary - first);
            Span<float> c = table.AsSpan(first * g, rows * g);
            for (int r = 0; r < rows; r++) _p.Bias.CopyTo(c.Slice(r * g, g));
            Gemm.Multiply(rows, g, e, _p.Embedding.AsSpan(first * e, rows * e), e, 1, _p.Kernel, g, c, g, accumulate: true);
        });
        return new InputProjection(table, g);
    }

    /// <summary>Scratch for <see cref="Infer"/>: a few steps of inputs and gates, and the cell state.</summary>
    internal sealed class InferenceBuffers(int rows, int inputDim, int units, int chunkSteps = 16)
    {
        public int ChunkSteps { get; } = chunkSteps;
        public float[] Inputs { get; } = new float[chunkSteps * rows * inputDim];
        public float[] Gates { get; } = new float[chunkSteps * rows * 4 * units];
        public float[] Cells { get; } = new float[rows * units];
        public float[] Hidden { get; } = new float[rows * units];
    }
}
