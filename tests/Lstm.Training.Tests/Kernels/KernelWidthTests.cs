using System.Runtime.Intrinsics;
using Lstm.Training.Kernels;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Kernels;

/// <summary>
/// Each kernel at every vector width (Vector512, Vector256, Vector128, scalar) gives the same bits. The widths the
/// CPU lacks run in software, so one process checks them all; CI also runs the suite under each ISA setting.
/// </summary>
public unsafe class KernelWidthTests
{
    private delegate int Columns(int m, int j0, int n, int k, float* pa, int ars, int acs, float* pb, int ldb, float* pc, int ldc, bool accumulate);

    private static readonly (string Name, Columns Run)[] GemmWidths =
    [
        ("Vector512", Gemm<Vector512<float>, Vector512Ops>.Columns),
        ("Vector256", Gemm<Vector256<float>, Vector256Ops>.Columns),
        ("Vector128", Gemm<Vector128<float>, Vector128Ops>.Columns),
    ];

    [Theory]
    [InlineData(32, 512, 128, false)]
    [InlineData(7, 83, 300, true)]
    [InlineData(5, 21, 1, false)]
    [InlineData(1, 100, 257, true)]
    public void Gemm_gives_the_same_bits_at_every_width(int m, int n, int k, bool transposedA)
    {
        var rng = new SeededRandom(11);
        var a = Fill(new float[m * k], rng);
        var b = Fill(new float[k * n], rng);
        var c0 = Fill(new float[m * n], rng);
        int rs = transposedA ? 1 : k, cs = transposedA ? m : 1;
        var scalar = Product(a, b, c0, m, n, k, rs, cs, null);
        foreach (var (name, run) in GemmWidths)
            Assert.True(scalar.AsSpan().SequenceEqual(Product(a, b, c0, m, n, k, rs, cs, run)), $"{name} differs from scalar for {m}x{n}x{k}");
        var dispatched = (float[])c0.Clone();
        Gemm.Multiply(m, n, k, a, rs, cs, b, n, dispatched, n, accumulate: true);
        Assert.True(scalar.AsSpan().SequenceEqual(dispatched), "Gemm.Multiply differs from scalar");
    }

    // One K chunk (k ≤ 128) per call, as Gemm.Multiply makes them; vector columns first, the rest scalar.
    private static float[] Product(float[] a, float[] b, float[] c0, int m, int n, int k, int rs, int cs, Columns? vector)
    {
        var c = (float[])c0.Clone();
        fixed (float* pa = a, pb = b, pc = c)
        {
            for (int k0 = 0; k0 < k; k0 += 128)
            {
                int kc = Math.Min(128, k - k0);
                int j = vector?.Invoke(m, 0, n, kc, pa + (long)k0 * cs, rs, cs, pb + (long)k0 * n, n, pc, n, true) ?? 0;
                Gemm<float, ScalarOps>.Columns(m, j, n, kc, pa + (long)k0 * cs, rs, cs, pb + (long)k0 * n, n, pc, n, true);
            }
        }
        return c;
    }

    private delegate int GateForward(float* pz, float* pcp, float* pc, float* ph, int n, int u0);

    private delegate int GateBackward(float* pa, float* pcell, float* pcp, float* pdh, float* pdc, int n, int u0);

    [Theory]
    [InlineData(128, true)]
    [InlineData(128, false)]
    [InlineData(21, true)]
    public void Gate_math_gives_the_same_bits_at_every_width(int units, bool hasPrevious)
    {
        (string, GateForward, GateBackward)[] widths =
        [
            ("Vector512", GateMath<Vector512<float>, Vector512Ops>.Forward, GateMath<Vector512<float>, Vector512Ops>.Backward),
            ("Vector256", GateMath<Vector256<float>, Vector256Ops>.Forward, GateMath<Vector256<float>, Vector256Ops>.Backward),
            ("Vector128", GateMath<Vector128<float>, Vector128Ops>.Forward, GateMath<Vector128<float>, Vector128Ops>.Backward),
        ];
        var rng = new SeededRandom((ulong)units);
        var z0 = Fill(new float[4 * units], rng, 6f);
        var cPrev = hasPrevious ? Fill(new float[units], rng, 3f) : [];
        var dh = Fill(new float[units], rng);
        var dc0 = Fill(new float[units], rng);
        var expected = Run(null, null);
        foreach (var (name, forward, backward) in widths)
        {
            var actual = Run(forward, backward);
            for (int i = 0; i < expected.Length; i++)
                Assert.True(expected[i].AsSpan().SequenceEqual(actual[i]), $"{name}: output {i} differs from scalar ({units} units)");
        }

        float[][] Run(GateForward? forward, GateBackward? backward)
        {
            var z = (float[])z0.Clone();
            var c = new float[units];
            var h = new float[units];
            var dc = (float[])dc0.Clone();
            fixed (float* pz = z, pcp = cPrev, pc = c, ph = h, pdh = dh, pdc = dc)
            {
                float* prev = hasPrevious ? pcp : null;
                int u = forward?.Invoke(pz, prev, pc, ph, units, 0) ?? 0;
                GateMath<float, ScalarOps>.Forward(pz, prev, pc, ph, units, u);
                var activations = (float[])z.Clone();
                u = backward?.Invoke(pz, pc, prev, pdh, pdc, units, 0) ?? 0;
                GateMath<float, ScalarOps>.Backward(pz, pc, prev, pdh, pdc, units, u);
                return [activations, c, h, z, dc];
            }
        }
    }

    private delegate int AdamUpdate(float* p, float* g, float* m, float* v, int n, int i0, AdamStep step);

    [Fact]
    public void Adam_gives_the_same_bits_at_every_width()
    {
        (string, AdamUpdate)[] widths =
        [
            ("Vector512", AdamKernel<Vector512<float>, Vector512Ops>.Update),
            ("Vector256", AdamKernel<Vector256<float>, Vector256Ops>.Update),
            ("Vector128", AdamKernel<Vector128<float>, Vector128Ops>.Update),
        ];
        const int n = 1003;
        var rng = new SeededRandom(3);
        var p0 = Fill(new float[n], rng);
        var g = Fill(new float[n], rng, 0.1f);
        var m0 = Fill(new float[n], rng, 0.01f);
        var v0 = Fill(new float[n], rng, 0.001f);
        for (int i = 0; i < n; i++) v0[i] = Math.Abs(v0[i]);
        var step = new AdamStep(0.9f, 0.999f, 1e-7f, 0.00123f);
        var expected = Run(null);
        foreach (var (name, update) in widths)
        {
            var actual = Run(update);
            for (int i = 0; i < 3; i++) Assert.True(expected[i].AsSpan().SequenceEqual(actual[i]), $"{name}: tensor {i} differs from scalar");
        }

        float[][] Run(AdamUpdate? update)
        {
            float[] p = (float[])p0.Clone(), m = (float[])m0.Clone(), v = (float[])v0.Clone();
            fixed (float* pp = p, pg = g, pm = m, pv = v)
            {
                int i = update?.Invoke(pp, pg, pm, pv, n, 0, step) ?? 0;
                AdamKernel<float, ScalarOps>.Update(pp, pg, pm, pv, n, i, step);
            }
            return [p, m, v];
        }
    }

    [Fact]
    public void The_selected_path_is_reported()
    {
        string expected = Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256"
            : Vector128.IsHardwareAccelerated ? "Vector128" : "scalar";
        Assert.StartsWith(expected, CpuKernels.Description);
        Assert.Equal(expected == "scalar", CpuKernels.IsScalarFallback);
    }

    private static float[] Fill(float[] x, SeededRandom rng, float scale = 1f)
    {
        for (int i = 0; i < x.Length; i++) x[i] = (rng.NextSingle() * 2 - 1) * scale;
        return x;
    }
}
