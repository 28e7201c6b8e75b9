using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Lstm.Training.Kernels;

/// <summary>
/// Single-precision matrix product C (=|+=) A·B for the LSTM's shapes, with register-blocked Vector512 FMA
/// micro-kernels (4 rows × 64 columns) and a fixed summation order (k ascending), so results do not depend on
/// how work is split across threads. A is addressed through strides, so Aᵀ·B needs no transposed copy;
/// B and C are row-major. <see cref="MultiplyReference"/> is the scalar definition tests compare against.
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
            // K is cut into chunks so that a 64-column panel of B stays in L1 while every row block passes over it;
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyChunk(int m, int n, int k, float* pa, int aRowStride, int aColStride, float* pb, int ldb, float* pc, int ldc, bool accumulate)
    {
        {
            int j = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; j + 64 <= n; j += 64)
                {
                    int i = 0;
                    for (; i + 4 <= m; i += 4) Kernel4x64(k, pa + (long)i * aRowStride, aRowStride, aColStride, pb + j, ldb, pc + (long)i * ldc + j, ldc, accumulate);
                    for (; i < m; i++) Kernel1x64(k, pa + (long)i * aRowStride, aColStride, pb + j, ldb, pc + (long)i * ldc + j, accumulate);
                }
                for (; j + 16 <= n; j += 16)
                {
                    int i = 0;
                    for (; i + 4 <= m; i += 4) Kernel4x16(k, pa + (long)i * aRowStride, aRowStride, aColStride, pb + j, ldb, pc + (long)i * ldc + j, ldc, accumulate);
                    for (; i < m; i++) Kernel1x16(k, pa + (long)i * aRowStride, aColStride, pb + j, ldb, pc + (long)i * ldc + j, accumulate);
                }
            }
            if (j < n) ScalarBlock(m, j, n, k, pa, aRowStride, aColStride, pb, ldb, pc, ldc, accumulate);
        }
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

    private static void ScalarBlock(int m, int j0, int n, int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        for (int i = 0; i < m; i++)
            for (int j = j0; j < n; j++)
            {
                float sum = 0;
                for (int kk = 0; kk < k; kk++) sum = MathF.FusedMultiplyAdd(a[(long)i * ars + (long)kk * acs], b[(long)kk * ldb + j], sum);
                float* dst = c + (long)i * ldc + j;
                *dst = accumulate ? *dst + sum : sum;
            }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* dst, Vector512<float> sum, bool accumulate)
    {
        if (accumulate) sum += Vector512.Load(dst);
        sum.Store(dst);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x64(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<float> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<float> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector512<float> c30 = default, c31 = default, c32 = default, c33 = default;
        float* a0 = a, a1 = a + ars, a2 = a + 2L * ars, a3 = a + 3L * ars;
        for (int kk = 0; kk < k; kk++)
        {
            float* bk = b + (long)kk * ldb;
            var b0 = Vector512.Load(bk);
            var b1 = Vector512.Load(bk + 16);
            var b2 = Vector512.Load(bk + 32);
            var b3 = Vector512.Load(bk + 48);
            long off = (long)kk * acs;
            var x = Vector512.Create(a0[off]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            c02 = Vector512.FusedMultiplyAdd(x, b2, c02); c03 = Vector512.FusedMultiplyAdd(x, b3, c03);
            x = Vector512.Create(a1[off]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            c12 = Vector512.FusedMultiplyAdd(x, b2, c12); c13 = Vector512.FusedMultiplyAdd(x, b3, c13);
            x = Vector512.Create(a2[off]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            c22 = Vector512.FusedMultiplyAdd(x, b2, c22); c23 = Vector512.FusedMultiplyAdd(x, b3, c23);
            x = Vector512.Create(a3[off]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            c32 = Vector512.FusedMultiplyAdd(x, b2, c32); c33 = Vector512.FusedMultiplyAdd(x, b3, c33);
        }
        float* r = c;
        Store(r, c00, accumulate); Store(r + 16, c01, accumulate); Store(r + 32, c02, accumulate); Store(r + 48, c03, accumulate);
        r += ldc;
        Store(r, c10, accumulate); Store(r + 16, c11, accumulate); Store(r + 32, c12, accumulate); Store(r + 48, c13, accumulate);
        r += ldc;
        Store(r, c20, accumulate); Store(r + 16, c21, accumulate); Store(r + 32, c22, accumulate); Store(r + 48, c23, accumulate);
        r += ldc;
        Store(r, c30, accumulate); Store(r + 16, c31, accumulate); Store(r + 32, c32, accumulate); Store(r + 48, c33, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel1x64(int k, float* a, int acs, float* b, int ldb, float* c, bool accumulate)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        for (int kk = 0; kk < k; kk++)
        {
            float* bk = b + (long)kk * ldb;
            var x = Vector512.Create(a[(long)kk * acs]);
            c0 = Vector512.FusedMultiplyAdd(x, Vector512.Load(bk), c0);
            c1 = Vector512.FusedMultiplyAdd(x, Vector512.Load(bk + 16), c1);
            c2 = Vector512.FusedMultiplyAdd(x, Vector512.Load(bk + 32), c2);
            c3 = Vector512.FusedMultiplyAdd(x, Vector512.Load(bk + 48), c3);
        }
        Store(c, c0, accumulate); Store(c + 16, c1, accumulate); Store(c + 32, c2, accumulate); Store(c + 48, c3, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x16(int k, float* a, int ars, int acs, float* b, int ldb, float* c, int ldc, bool accumulate)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        float* a0 = a, a1 = a + ars, a2 = a + 2L * ars, a3 = a + 3L * ars;
        for (int kk = 0; kk < k; kk++)
        {
            var bv = Vector512.Load(b + (long)kk * ldb);
            long off = (long)kk * acs;
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a0[off]), bv, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[off]), bv, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(a2[off]), bv, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(a3[off]), bv, c3);
        }
        Store(c, c0, accumulate); Store(c + ldc, c1, accumulate); Store(c + 2L * ldc, c2, accumulate); Store(c + 3L * ldc, c3, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel1x16(int k, float* a, int acs, float* b, int ldb, float* c, bool accumulate)
    {
        Vector512<float> c0 = default;
        for (int kk = 0; kk < k; kk++)
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(a[(long)kk * acs]), Vector512.Load(b + (long)kk * ldb), c0);
        Store(c, c0, accumulate);
    }
}
