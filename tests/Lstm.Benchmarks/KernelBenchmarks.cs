using BenchmarkDotNet.Attributes;
using Lstm.Training;
using Lstm.Training.Kernels;
using Lstm.Training.Training;

namespace Lstm.Benchmarks;

/// <summary>The matrix products of one training batch slice (8 sequences × 500 steps, E = H = 128) and of one inference step.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private float[] _a = [], _b = [], _c = [];

    [Params("step 8x512x128", "step 64x512x128", "dh 8x128x512", "input 4000x512x128", "dW 128x512x4000 (Aᵀ)", "dX 4000x128x512")]
    public string Shape { get; set; } = "";

    private (int M, int N, int K, bool TransposedA) Dims => Shape.Split(' ')[0] switch
    {
        "step" => Shape.Contains("64x") ? (64, 512, 128, false) : (8, 512, 128, false),
        "dh" => (8, 128, 512, false),
        "input" => (4000, 512, 128, false),
        "dW" => (128, 512, 4000, true),
        _ => (4000, 128, 512, false),
    };

    /// <summary>Floating-point operations of one call, for GFLOP/s = Flops / time.</summary>
    public double Flops => 2.0 * Dims.M * Dims.N * Dims.K;

    [GlobalSetup]
    public void Setup()
    {
        var (m, n, k, _) = Dims;
        var rng = new SeededRandom(1);
        _a = Enumerable.Range(0, m * k).Select(_ => rng.NextSingle()).ToArray();
        _b = Enumerable.Range(0, k * n).Select(_ => rng.NextSingle()).ToArray();
        _c = new float[m * n];
    }

    [Benchmark]
    public void Multiply()
    {
        var (m, n, k, t) = Dims;
        Gemm.Multiply(m, n, k, _a, t ? 1 : k, t ? m : 1, _b, n, _c, n, accumulate: true);
    }
}
