using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Lstm.Training.Kernels;

/// <summary>
/// Single-precision matrix product C (=|+=) A·B for the LSTM's shapes, with register-blocked FMA micro-kernels
/// (4 rows × a panel of vectors) at the widest vector width the CPU runs. Each output element is summed in a fixed
/// order (k ascending, fused multiply-add, no horizontal reduction), so results do not depend on the vector width,
/// the instruction set, or how work is split across threads. A is addressed through strides, so Aᵀ·B needs no
/// transposed copy; B and C are row-major. <see cref="MultiplyReference"/> is the scalar definition tests compare against.
/// </summary>
internal static unsafe class Gemm
{
    /// <summary>
    /// C[i, j] = (accumulate ? C[i, j] : 0) + Σ_k A(i, k)·B[k, j], where A(i, k) = a[i·aRowStride + k·aColStride],
    /// B[k, j] = b[k·ldb + j], C[i, j] = c[i·ldc + j].
    /// </summary>
    public static void Multiply(int m, int n, int k,
        ReadOnlySpan<float> a, int aRowStride, int aColStride,
        ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc, bool accumulate)
    {
        if (m == 0 || n == 0) return;
        CheckExtent(a.Length, (long)(m - 1) * aRowStride + (long)(k - 1) * aColStride + 1, k, nameof(a));
        CheckExtent(b.Length, (long)(k - 1) * ldb + n, k, nameof(b));
        CheckExtent(c.Length, (long)(m - 1) * ldc + n, 1, nameof(c));
        fixed (float* pa = a, pb = b, pc = c)
        {
            // K is cut into chunks so that a panel of B stays in cache while every row block passes over it;
            // the chunks are summed in a fixed order, so the result still does not depend on threading.
            for (int k0 = 0; k0 < k || k0 == 0; k0 += KChunk)
            {
                int kc = Math.Min(KChunk, k - k0);
                bool acc = accumulate || k0 > 0;
                MultiplyChunk(m, n, kc, pa + (long)k0 * aColStride, aRowStride, aColStride, pb + (long)k0 * ldb, ldb, pc, ldc, acc);
                if (k == 0) break;
            }
        }
    }

    private const int KChunk = 128;

    private static void MultiplyChunk(int m, int n, int k, float* pa, int aRowStride, int aColStride, float* pb, int ldb, float* pc, int ldc, bool accumulate)
    {
        // Tried: blocks of 64 rows of A swept over every panel of B before the next block; no faster here, so the plain loop.
        int j = 0;
        if (Vector512.IsHardwareAccelerated) j = Gemm<Vector512<float>, Vector512Ops>.Columns(m, 0, n, k, pa, aRowStride, aColStride, pb, ldb, pc, ldc, accumulate);
        else if (Vector256.IsHardwareAccelerated) j = Gemm<Vector256<float>, Vector256Ops>.Columns(m, 0, n, k, pa, aRowStride, aColStride, pb, ldb, pc, ldc, accumulate);
        else if (Vector128.IsHardwareAccelerated) j = Gemm<Vector128<float>, Vector128Ops>.Columns(m, 0, n, k, pa, aRowStride, aColStride, pb, ldb, pc, ldc, accumulate);
        if (j < n) Gemm<float, ScalarOps>.Columns(m, j, n, k, pa, aRowStride, aColStride, pb, ldb, pc, ldc, accumulate);
    }

    private static void CheckExtent(int length, long needed, int k, string name)
    {
        if (k > 0 && length < needed) throw new ArgumentException($"Operand {name} has {length} elements; the product needs {needed}.", name);
    }

    /// <summary>The scalar definition of <see cref="Multiply"/> (plain k order), for tests.</summary>
    public static void MultiplyReference(int m, int n, int k,
        ReadOnlySpan<float> a, int aRowStride, int aColStride,
        ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate)
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float sum = 0;
                for (int kk = 0; kk < k; kk++) sum = MathF.FusedMultiplyAdd(a[i * aRowStride + kk * aColStride], b[kk * ldb + j], sum);
                c[i * ldc + j] = accumulate ? c[i * ldc + j] + sum : sum;
            }
    }
}

/// <summary>
/// <see cref="Gemm"/>'s micro-kernels at one vector width: panels of <c>PanelVectors</c> vectors by 4 rows, then
/// single vectors. Every element's sum starts at zero and runs k = 0, 1, … with one FMA each; the chunk's sum is then
/// added to C, the same sequence of roundings at every width.
/// </summary>
internal static unsafe class Gemm<TVec, TOps>
    where TVec : struct
    where TOps : struct, IVectorOps<TVec>
{
    /// <summary>Computes columns [<paramref name="j0"/>, returned) of C, as many as whole vectors allow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Columns(int m, int j0, int n, int k, float* pa, int ars, int acs, float* pb, int ldb, float* pc, int ldc, bool accumulate)
    {
        int w = TOps.Count, j = j0;
        if (TOps.PanelVectors == 4)
        {
            for (; j + 4 * w <= n; j += 4 * w)
            {
                int i = 0;
                for (; i + 4 <= m; i += 4) Kernel4x4(k, pa + (long)i * ars, ars, acs, pb + j, ldb, pc + (long)i * ldc + j, ldc, accumulate);
                for (; i < m; i++) Kernel1x4(k, pa + (long)i * ars, acs, pb + j, ldb, pc + (long)i * ldc + j, accumulate);
            }
        }
        for (; j + 2 * w <= n; j += 2 * w)
        {
            int i = 0;
            for (; i + 4 <= m; i += 4) Kernel4x2(k, pa + (long)i * ars, ars, acs, pb + j, ldb, pc + (long)i * ldc + j, ldc, accumulate);
            for (; i < m; i++) Kernel1x2(k, pa + (long)i * ars, acs, pb + j, ldb, pc + (long)i * ldc + j, accumulate);
        }
        for (; j + w <= n; j += w)
        {
            int i = 0;
            for (; i + 4 <= m; i += 4) Kernel4x1(k, pa + (long)i * ars, ars, acs, pb + j, ldb, pc + (long)i * ldc + j, ldc, accumulate);
            for (; i < m; i++) Kernel1x1(k, pa + (long)i * ars, acs, pb + j, ldb, pc + (long)i * ldc + j, accumulate);
        }
        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* dst, TVec sum, bool accumulate)
    {
        if (accumulate) sum = TOps.Add(sum, TOps.Load(dst));
        TOps.Store(dst, sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x4(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        int w = TOps.Count;
        TVec c00 = default, c01 = default, c02 = default, c03 = default;
        TVec c10 = default, c11 = default, c12 = default, c13 = default;
        TVec c20 = default, c21 = default, c22 = default, c23 = default;
        TVec c30 = default, c31 = default, c32 = default, c33 = default;
        float* a0 = a, a1 = a + ars, a2 = a + 2L * ars, a3 = a + 3L * ars;
        for (int kk = 0; kk < k; kk++)
        {
            float* bk = b + (long)kk * ldb;
            var b0 = TOps.Load(bk);
            var b1 = TOps.Load(bk + w);
            var b2 = TOps.Load(bk + 2 * w);
            var b3 = TOps.Load(bk + 3 * w);
            long off = (long)kk * acs;
            var x = TOps.Create(a0[off]);
            c00 = TOps.FusedMultiplyAdd(x, b0, c00); c01 = TOps.FusedMultiplyAdd(x, b1, c01);
            c02 = TOps.FusedMultiplyAdd(x, b2, c02); c03 = TOps.FusedMultiplyAdd(x, b3, c03);
            x = TOps.Create(a1[off]);
            c10 = TOps.FusedMultiplyAdd(x, b0, c10); c11 = TOps.FusedMultiplyAdd(x, b1, c11);
            c12 = TOps.FusedMultiplyAdd(x, b2, c12); c13 = TOps.FusedMultiplyAdd(x, b3, c13);
            x = TOps.Create(a2[off]);
            c20 = TOps.FusedMultiplyAdd(x, b0, c20); c21 = TOps.FusedMultiplyAdd(x, b1, c21);
            c22 = TOps.FusedMultiplyAdd(x, b2, c22); c23 = TOps.FusedMultiplyAdd(x, b3, c23);
            x = TOps.Create(a3[off]);
            c30 = TOps.FusedMultiplyAdd(x, b0, c30); c31 = TOps.FusedMultiplyAdd(x, b1, c31);
            c32 = TOps.FusedMultiplyAdd(x, b2, c32); c33 = TOps.FusedMultiplyAdd(x, b3, c33);
        }
        float* r = c;
        Store(r, c00, accumulate); Store(r + w, c01, accumulate); Store(r + 2 * w, c02, accumulate); Store(r + 3 * w, c03, accumulate);
        r += ldc;
        Store(r, c10, accumulate); Store(r + w, c11, accumulate); Store(r + 2 * w, c12, accumulate); Store(r + 3 * w, c13, accumulate);
        r += ldc;
        Store(r, c20, accumulate); Store(r + w, c21, accumulate); Store(r + 2 * w, c22, accumulate); Store(r + 3 * w, c23, accumulate);
        r += ldc;
        Store(r, c30, accumulate); Store(r + w, c31, accumulate); Store(r + 2 * w, c32, accumulate); Store(r + 3 * w, c33, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel1x4(int k, float* a, int acs, float* b, int ldb, float* c, bool accumulate)
    {
        int w = TOps.Count;
        TVec c0 = default, c1 = default, c2 = default, c3 = default;
        for (int kk = 0; kk < k; kk++)
        {
            float* bk = b + (long)kk * ldb;
            var x = TOps.Create(a[(long)kk * acs]);
            c0 = TOps.FusedMultiplyAdd(x, TOps.Load(bk), c0);
            c1 = TOps.FusedMultiplyAdd(x, TOps.Load(bk + w), c1);
            c2 = TOps.FusedMultiplyAdd(x, TOps.Load(bk + 2 * w), c2);
            c3 = TOps.FusedMultiplyAdd(x, TOps.Load(bk + 3 * w), c3);
        }
        Store(c, c0, accumulate); Store(c + w, c1, accumulate); Store(c + 2 * w, c2, accumulate); Store(c + 3 * w, c3, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x2(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        int w = TOps.Count;
        TVec c00 = default, c01 = default, c10 = default, c11 = default;
        TVec c20 = default, c21 = default, c30 = default, c31 = default;
        float* a0 = a, a1 = a + ars, a2 = a + 2L * ars, a3 = a + 3L * ars;
        for (int kk = 0; kk < k; kk++)
        {
            float* bk = b + (long)kk * ldb;
            var b0 = TOps.Load(bk);
            var b1 = TOps.Load(bk + w);
            long off = (long)kk * acs;
            var x = TOps.Create(a0[off]);
            c00 = TOps.FusedMultiplyAdd(x, b0, c00); c01 = TOps.FusedMultiplyAdd(x, b1, c01);
            x = TOps.Create(a1[off]);
            c10 = TOps.FusedMultiplyAdd(x, b0, c10); c11 = TOps.FusedMultiplyAdd(x, b1, c11);
            x = TOps.Create(a2[off]);
            c20 = TOps.FusedMultiplyAdd(x, b0, c20); c21 = TOps.FusedMultiplyAdd(x, b1, c21);
            x = TOps.Create(a3[off]);
            c30 = TOps.FusedMultiplyAdd(x, b0, c30); c31 = TOps.FusedMultiplyAdd(x, b1, c31);
        }
        float* r = c;
        Store(r, c00, accumulate); Store(r + w, c01, accumulate);
        r += ldc;
        Store(r, c10, accumulate); Store(r + w, c11, accumulate);
        r += ldc;
        Store(r, c20, accumulate); Store(r + w, c21, accumulate);
        r += ldc;
        Store(r, c30, accumulate); Store(r + w, c31, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel1x2(int k, float* a, int acs, float* b, int ldb, float* c, bool accumulate)
    {
        int w = TOps.Count;
        TVec c0 = default, c1 = default;
        for (int kk = 0; kk < k; kk++)
        {
            float* bk = b + (long)kk * ldb;
            var x = TOps.Create(a[(long)kk * acs]);
            c0 = TOps.FusedMultiplyAdd(x, TOps.Load(bk), c0);
            c1 = TOps.FusedMultiplyAdd(x, TOps.Load(bk + w), c1);
        }
        Store(c, c0, accumulate); Store(c + w, c1, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x1(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        TVec c0 = default, c1 = default, c2 = default, c3 = default;
        float* a0 = a, a1 = a + ars, a2 = a + 2L * ars, a3 = a + 3L * ars;
        for (int kk = 0; kk < k; kk++)
        {
            var bv = TOps.Load(b + (long)kk * ldb);
            long off = (long)kk * acs;
            c0 = TOps.FusedMultiplyAdd(TOps.Create(a0[off]), bv, c0);
            c1 = TOps.FusedMultiplyAdd(TOps.Create(a1[off]), bv, c1);
            c2 = TOps.FusedMultiplyAdd(TOps.Create(a2[off]), bv, c2);
            c3 = TOps.FusedMultiplyAdd(TOps.Create(a3[off]), bv, c3);
        }
        Store(c, c0, accumulate); Store(c + ldc, c1, accumulate); Store(c + 2L * ldc, c2, accumulate); Store(c + 3L * ldc, c3, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel1x1(int k, float* a, int acs, float* b, int ldb, float* c, bool accumulate)
    {
        TVec c0 = default;
        for (int kk = 0; kk < k; kk++)
            c0 = TOps.FusedMultiplyAdd(TOps.Create(a[(long)kk * acs]), TOps.Load(b + (long)kk * ldb), c0);
        Store(c, c0, accumulate);
    }
}
