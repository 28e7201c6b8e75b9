using BenchmarkDotNet.Attributes;
using Lstm.Training.Layers;
using Lstm.Training.Training;

namespace Lstm.Benchmarks;

/// <summary>One training slice (8 sequences × 500 steps, seed shapes) through the LSTM forward and forward + BPTT, on one thread.</summary>
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
