using BenchmarkDotNet.Attributes;
using Lstm.Training;
using Lstm.Training.Kernels;
using Lstm.Training.Layers;
using Lstm.Training.Training;

namespace Lstm.Benchmarks;

/// <summary>
/// The LSTM at the seed's shapes (E = H = 128) on one thread: one time step of 8 sequences forward (h·U, gate math) and
/// backward (gate derivatives, dz·Uᵀ), and a whole training slice (8 sequences × 500 steps) forward and forward + BPTT.
/// </summary>
public class LstmStepBenchmarks
{
    private LstmLayer _layer = null!;
    private LstmActivations _activations = null!;
    private LstmGradients _gradients = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = new LstmClassifier(new LstmClassifierConfig(), seed: 1);
        _layer = new LstmLayer(model.Parameters);
        _layer.RefreshTransposes();
        _activations = new LstmActivations(8, 500, 128, 128);
        _gradients = new LstmGradients(128, 128);
        var rng = new SeededRandom(2);
        for (int i = 0; i < _activations.Inputs.Length; i++) _activations.Inputs[i] = rng.NextSingle() * 0.1f;
        _activations.RecurrentMasks.AsSpan().Fill(1.25f);
        _activations.InputMasks.AsSpan().Fill(1.25f);
        _activations.HiddenGradient.AsSpan().Fill(0.01f);
    }

    private readonly float[] _z = new float[8 * 512], _h = new float[8 * 128], _c = new float[8 * 128], _cPrev = new float[8 * 128];
    private readonly float[] _dh = new float[8 * 128], _dc = new float[8 * 128], _u = new float[128 * 512], _uT = new float[512 * 128];

    /// <summary>One step for 8 sequences: z += h·U (8×512×128), then the gates, c and h of each row.</summary>
    [Benchmark]
    public void StepForward()
    {
        Gemm.Multiply(8, 512, 128, _h, 128, 1, _u, 512, _z, 512, accumulate: true);
        for (int s = 0; s < 8; s++) GateMath.Forward(_z.AsSpan(s * 512, 512), _cPrev.AsSpan(s * 128, 128), _c.AsSpan(s * 128, 128), _h.AsSpan(s * 128, 128));
        _z.AsSpan().Fill(0.01f); // keep the activations in range from call to call
    }

    /// <summary>The gate math alone of one step for 8 sequences (5 exponentials per unit): the part that is not a product.</summary>
    [Benchmark]
    public void StepGates()
    {
        for (int s = 0; s < 8; s++) GateMath.Forward(_z.AsSpan(s * 512, 512), _cPrev.AsSpan(s * 128, 128), _c.AsSpan(s * 128, 128), _h.AsSpan(s * 128, 128));
        _z.AsSpan().Fill(0.01f);
    }

    /// <summary>One step of BPTT for 8 sequences: gate derivatives of each row, then dh = dz·Uᵀ (8×128×512).</summary>
    [Benchmark]
    public void StepBackward()
    {
        for (int s = 0; s < 8; s++) GateMath.Backward(_z.AsSpan(s * 512, 512), _c.AsSpan(s * 128, 128), _cPrev.AsSpan(s * 128, 128), _dh.AsSpan(s * 128, 128), _dc.AsSpan(s * 128, 128));
        Gemm.Multiply(8, 128, 512, _z, 512, 1, _uT, 128, _dh, 128, accumulate: false);
        _z.AsSpan().Fill(0.5f);
        _dc.AsSpan().Clear();
    }

    /// <summary>Forward of 8 sequences × 500 steps: 8 · 500 · 2 · 2 · 128 · 512 FLOP.</summary>
    [Benchmark]
    public void Forward() => _layer.Forward(_activations, 8, recurrentMask: true);

    /// <summary>Forward then BPTT with all weight gradients (three times the forward's products).</summary>
    [Benchmark]
    public void ForwardBackward()
    {
        _layer.Forward(_activations, 8, recurrentMask: true);
        _layer.Backward(_activations, 8, recurrentMask: true, inputMask: true, _gradients);
    }
}
