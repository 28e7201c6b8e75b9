using Lstm.Training.Kernels;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Kernels;

public class GemmTests
{
    [Theory]
    [InlineData(1, 1, 1, false)]
    [InlineData(4, 64, 128, false)]
    [InlineData(8, 512, 128, true)]
    [InlineData(7, 83, 300, true)]   // row, column and K-chunk remainders
    [InlineData(33, 16, 5, false)]
    [InlineData(5, 200, 257, true)]
    public void Matches_the_scalar_definition(int m, int n, int k, bool transposedA)
    {
        var rng = new SeededRandom((ulong)(m * 1000 + n * 10 + k));
        var a = Fill(new float[m * k], rng);
        var b = Fill(new float[k * n], rng);
        var c0 = Fill(new float[m * n], rng);
        int rs = transposedA ? 1 : k, cs = transposedA ? m : 1; // Aᵀ stored as [k, m]
        foreach (bool accumulate in new[] { false, true })
        {
            var expected = (float[])c0.Clone();
            var actual = (float[])c0.Clone();
            // Independent truth in double precision.
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double sum = accumulate ? c0[i * n + j] : 0;
                    for (int kk = 0; kk < k; kk++) sum += (double)a[i * rs + kk * cs] * b[kk * n + j];
                    expected[i * n + j] = (float)sum;
                }
            Gemm.Multiply(m, n, k, a, rs, cs, b, n, actual, n, accumulate);
            for (int i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 * Math.Sqrt(k) * (1 + Math.Abs(expected[i])),
                    $"C[{i / n},{i % n}]: expected {expected[i]}, got {actual[i]} (accumulate={accumulate})");
            var reference = (float[])c0.Clone();
            Gemm.MultiplyReference(m, n, k, a, rs, cs, b, n, reference, n, accumulate);
            for (int i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(expected[i] - reference[i]) <= 1e-5 * Math.Sqrt(k) * (1 + Math.Abs(expected[i])));
        }
    }

    [Fact]
    public void Rows_do_not_depend_on_how_many_rows_are_computed_together()
    {
        var rng = new SeededRandom(7);
        int m = 9, n = 512, k = 128;
        var a = Fill(new float[m * k], rng);
        var b = Fill(new float[k * n], rng);
        var all = new float[m * n];
        Gemm.Multiply(m, n, k, a, k, 1, b, n, all, n, false);
        for (int i = 0; i < m; i++)
        {
            var one = new float[n];
            Gemm.Multiply(1, n, k, a.AsSpan(i * k), k, 1, b, n, one, n, false);
            Assert.Equal(all.AsSpan(i * n, n).ToArray(), one);
        }
    }

    [Fact]
    public void Operand_too_short_is_an_argument_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gemm.Multiply(4, 4, 4, new float[15], 4, 1, new float[16], 4, new float[16], 4, false));
        Assert.Contains("needs 16", ex.Message);
    }

    private static float[] Fill(float[] x, SeededRandom rng)
    {
        for (int i = 0; i < x.Length; i++) x[i] = rng.NextSingle() * 2 - 1;
        return x;
    }
}
