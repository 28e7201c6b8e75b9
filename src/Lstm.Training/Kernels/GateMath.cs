using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Lstm.Training.Kernels;

/// <summary>
/// The LSTM cell's element-wise math for one sequence at one time step, gates laid out i, f, c, o in one row of
/// 4·H pre-activations. Forward: activations in place, new cell state, new hidden state. Backward: the
/// pre-activation gradients written over the activations, and the cell-state gradient carried to t-1.
/// The widest vectors the CPU runs are used, then floats one at a time; every width gives the same bits.
/// </summary>
internal static class GateMath
{
    /// <summary>
    /// z ← [σ(zi), σ(zf), tanh(zc), σ(zo)]; c ← f⊙cPrev + i⊙g; h ← o⊙tanh(c). <paramref name="cPrev"/> empty means zeros.
    /// <paramref name="c"/> may alias <paramref name="cPrev"/>.
    /// </summary>
    public static unsafe void Forward(Span<float> z, ReadOnlySpan<float> cPrev, Span<float> c, Span<float> h)
    {
        int n = h.Length;
        fixed (float* pz = z, pcp = cPrev, pc = c, ph = h)
        {
            float* cp = cPrev.IsEmpty ? null : pcp;
            int u = 0;
            if (Vector512.IsHardwareAccelerated) u = GateMath<Vector512<float>, Vector512Ops>.Forward(pz, cp, pc, ph, n, 0);
            else if (Vector256.IsHardwareAccelerated) u = GateMath<Vector256<float>, Vector256Ops>.Forward(pz, cp, pc, ph, n, 0);
            else if (Vector128.IsHardwareAccelerated) u = GateMath<Vector128<float>, Vector128Ops>.Forward(pz, cp, pc, ph, n, 0);
            GateMath<float, ScalarOps>.Forward(pz, cp, pc, ph, n, u);
        }
    }

    /// <summary>
    /// Given activations <paramref name="a"/> = [i, f, g, o] at step t, the cell states c_t and c_{t-1}
    /// (<paramref name="cPrev"/> empty means zeros), dL/dh_t in <paramref name="dh"/> and dL/dc_t carried from t+1 in
    /// <paramref name="dc"/>: overwrites <paramref name="a"/> with dL/dz_t and <paramref name="dc"/> with dL/dc_{t-1}.
    /// </summary>
    public static unsafe void Backward(Span<float> a, ReadOnlySpan<float> c, ReadOnlySpan<float> cPrev, ReadOnlySpan<float> dh, Span<float> dc)
    {
        int n = dh.Length;
        fixed (float* pa = a, pcell = c, pcp = cPrev, pdh = dh, pdc = dc)
        {
            float* cp = cPrev.IsEmpty ? null : pcp;
            int u = 0;
            if (Vector512.IsHardwareAccelerated) u = GateMath<Vector512<float>, Vector512Ops>.Backward(pa, pcell, cp, pdh, pdc, n, 0);
            else if (Vector256.IsHardwareAccelerated) u = GateMath<Vector256<float>, Vector256Ops>.Backward(pa, pcell, cp, pdh, pdc, n, 0);
            else if (Vector128.IsHardwareAccelerated) u = GateMath<Vector128<float>, Vector128Ops>.Backward(pa, pcell, cp, pdh, pdc, n, 0);
            GateMath<float, ScalarOps>.Backward(pa, pcell, cp, pdh, pdc, n, u);
        }
    }
}

/// <summary><see cref="GateMath"/> at one vector width, from unit <c>u0</c> while a whole vector fits.</summary>
internal static unsafe class GateMath<TVec, TOps>
    where TVec : struct
    where TOps : struct, IVectorOps<TVec>
{
    /// <summary>Returns the first unit not computed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Forward(float* pz, float* pcp, float* pc, float* ph, int n, int u0)
    {
        int w = TOps.Count, u = u0;
        for (; u + w <= n; u += w)
        {
            var i = Activations<TVec, TOps>.Sigmoid(TOps.Load(pz + u));
            var f = Activations<TVec, TOps>.Sigmoid(TOps.Load(pz + n + u));
            var g = Activations<TVec, TOps>.Tanh(TOps.Load(pz + 2 * n + u));
            var o = Activations<TVec, TOps>.Sigmoid(TOps.Load(pz + 3 * n + u));
            var ig = TOps.Multiply(i, g);
            var cv = pcp != null ? TOps.FusedMultiplyAdd(f, TOps.Load(pcp + u), ig) : ig;
            TOps.Store(pz + u, i);
            TOps.Store(pz + n + u, f);
            TOps.Store(pz + 2 * n + u, g);
            TOps.Store(pz + 3 * n + u, o);
            TOps.Store(pc + u, cv);
            TOps.Store(ph + u, TOps.Multiply(o, Activations<TVec, TOps>.Tanh(cv)));
        }
        return u;
    }

    /// <summary>Returns the first unit not computed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Backward(float* pa, float* pcell, float* pcp, float* pdh, float* pdc, int n, int u0)
    {
        int w = TOps.Count, u = u0;
        var one = TOps.Create(1f);
        for (; u + w <= n; u += w)
        {
            var i = TOps.Load(pa + u);
            var f = TOps.Load(pa + n + u);
            var g = TOps.Load(pa + 2 * n + u);
            var o = TOps.Load(pa + 3 * n + u);
            var t = Activations<TVec, TOps>.Tanh(TOps.Load(pcell + u));
            var dhv = TOps.Load(pdh + u);
            var dcv = TOps.FusedMultiplyAdd(TOps.Multiply(dhv, o), TOps.Subtract(one, TOps.Multiply(t, t)), TOps.Load(pdc + u));
            var cp = pcp != null ? TOps.Load(pcp + u) : TOps.Create(0f);
            TOps.Store(pa + u, TOps.Multiply(TOps.Multiply(TOps.Multiply(dcv, g), i), TOps.Subtract(one, i)));
            TOps.Store(pa + n + u, TOps.Multiply(TOps.Multiply(TOps.Multiply(dcv, cp), f), TOps.Subtract(one, f)));
            TOps.Store(pa + 2 * n + u, TOps.Multiply(TOps.Multiply(dcv, i), TOps.Subtract(one, TOps.Multiply(g, g))));
            TOps.Store(pa + 3 * n + u, TOps.Multiply(TOps.Multiply(TOps.Multiply(dhv, t), o), TOps.Subtract(one, o)));
            TOps.Store(pdc + u, TOps.Multiply(dcv, f));
        }
        return u;
    }
}
