using BenchmarkDotNet.Attributes;
using Lstm.Training;
using Lstm.Training.Layers;
using Lstm.Training.Training;

namespace Lstm.Benchmarks;

/// <summary>
/// The seed model (vocabulary 10,000, E = H = 128, max_len 500): one training batch of 32 (forward, BPTT, Adam) and one
/// prediction batch of 256, on all cores. Flops are the model's (393 MFLOP a review to train, 131 to score).
/// </summary>
public class ModelBenchmarks
{
    private const int Steps = 500;
    private Trainer _trainer = null!;
    private LstmClassifier _model = null!;
    private int[][] _train = [], _predict = [];
    private bool[] _labels = [];
    private ParallelOptions _parallel = new();

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new SeededRandom(1);
        int[] Sequence() => Enumerable.Range(0, Steps).Select(_ => rng.NextInt(10_000)).ToArray();
        _train = Enumerable.Range(0, 32).Select(_ => Sequence()).ToArray();
        _labels = Enumerable.Range(0, 32).Select(i => i % 2 == 0).ToArray();
        _predict = Enumerable.Range(0, 256).Select(_ => Sequence()).ToArray();
        _model = new LstmClassifier(new LstmClassifierConfig(), seed: 1);
        _trainer = new Trainer(_model, new FitOptions { MaxDegreeOfParallelism = Threads });
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Threads };
    }

    /// <summary>One Adam step on 32 reviews; reviews/s = 32 / time.</summary>
    [Benchmark]
    public double TrainBatch32() => _trainer.TrainBatch(_train, _labels, _parallel).LossSum;

    /// <summary>Logits for 256 reviews; reviews/s = 256 / time.</summary>
    [Benchmark]
    public float PredictBatch256() => _model.PredictLogits(_predict, 256, Threads)[0];
}
