using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Lstm.Training.Kernels;

/// <summary>
/// The LSTM cell's element-wise math for one sequence at one time step, gates laid out i, f, c, o in one row of
/// 4·H pre-activations. Forward: activations in place, new cell state, new hidden state. Backward: the
/// pre-activation gradients written over the activations, and the cell-state gradient carried to t-1.
/// </summary>
internal static class GateMath
{
    /// <summary>
    /// z ← [σ(zi), σ(zf), tanh(zc), σ(zo)]; c ← f⊙cPrev + i⊙g; h ← o⊙tanh(c). <paramref name="cPrev"/> empty means zeros.
    /// <paramref name="c"/> may alias <paramref name="cPrev"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Forward(Span<float> z, ReadOnlySpan<float> cPrev, Span<float> c, Span<float> h)
    {
        int n = h.Length, u = 0;
        bool hasPrev = !cPrev.IsEmpty;
        fixed (float* pz = z, pcp = cPrev, pc = c, ph = h)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                for (; u + 16 <= n; u += 16)
                {
                    var i = Activations.Sigmoid(Vector512.Load(pz + u));
                    var f = Activations.Sigmoid(Vector512.Load(pz + n + u));
                    var g = Activations.Tanh(Vector512.Load(pz + 2 * n + u));
                    var o = Activations.Sigmoid(Vector512.Load(pz + 3 * n + u));
                    var cv = hasPrev ? Vector512.FusedMultiplyAdd(f, Vector512.Load(pcp + u), i * g) : i * g;
                    i.Store(pz + u);
                    f.Store(pz + n + u);
                    g.Store(pz + 2 * n + u);
                    o.Store(pz + 3 * n + u);
                    cv.Store(pc + u);
                    (o * Activations.Tanh(cv)).Store(ph + u);
                }
            }
            for (; u < n; u++)
            {
                float i = Activations.Sigmoid(pz[u]), f = Activations.Sigmoid(pz[n + u]);
                float g = MathF.Tanh(pz[2 * n + u]), o = Activations.Sigmoid(pz[3 * n + u]);
                float cv = hasPrev ? MathF.FusedMultiplyAdd(f, pcp[u], i * g) : i * g;
                pz[u] = i;
                pz[n + u] = f;
                pz[2 * n + u] = g;
                pz[3 * n + u] = o;
                pc[u] = cv;
                ph[u] = o * MathF.Tanh(cv);
            }
        }
    }

    /// <summary>
    /// Given activations <paramref name="a"/> = [i, f, g, o] at step t, the cell states c_t and c_{t-1}
    /// (<paramref name="cPrev"/> empty means zeros), dL/dh_t in <paramref name="dh"/> and dL/dc_t carried from t+1 in
    /// <paramref name="dc"/>: overwrites <paramref name="a"/> with dL/dz_t and <paramref name="dc"/> with dL/dc_{t-1}.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Backward(Span<float> a, ReadOnlySpan<float> c, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> dh, Span<float> dc)
    {
        int n = dh.Length;
        bool hasPrev = !cPrev.IsEmpty;
        int u = 0;
        fixed (float* pa = a, pcell = c, pcp = cPrev, pdh = dh, pdc = dc)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                var one = Vector512<float>.One;
                for (; u + 16 <= n; u += 16)
                {
                    var i = Vector512.Load(pa + u);
                    var f = Vector512.Load(pa + n + u);
                    var g = Vector512.Load(pa + 2 * n + u);
                    var o = Vector512.Load(pa + 3 * n + u);
                    var t = Activations.Tanh(Vector512.Load(pcell + u));
                    var dhv = Vector512.Load(pdh + u);
                    var dcv = Vector512.FusedMultiplyAdd(dhv * o, one - t * t, Vector512.Load(pdc + u));
                    var cp = hasPrev ? Vector512.Load(pcp + u) : Vector512<float>.Zero;
                    (dcv * g * i * (one - i)).Store(pa + u);
                    (dcv * cp * f * (one - f)).Store(pa + n + u);
                    (dcv * i * (one - g * g)).Store(pa + 2 * n + u);
                    (dhv * t * o * (one - o)).Store(pa + 3 * n + u);
                    (dcv * f).Store(pdc + u);
                }
            }
            for (; u < n; u++)
            {
                float i = pa[u], f = pa[n + u], g = pa[2 * n + u], o = pa[3 * n + u], t = MathF.Tanh(pcell[u]), dhu = pdh[u];
                float dcu = MathF.FusedMultiplyAdd(dhu * o, 1f - t * t, pdc[u]);
                float cp = hasPrev ? pcp[u] : 0f;
                pa[u] = dcu * g * i * (1f - i);
                pa[n + u] = dcu * cp * f * (1f - f);
                pa[2 * n + u] = dcu * i * (1f - g * g);
                pa[3 * n + u] = dhu * t * o * (1f - o);
                pdc[u] = dcu * f;
            }
        }
    }
}
