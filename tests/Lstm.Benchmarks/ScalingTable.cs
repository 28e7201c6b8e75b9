using System.Diagnostics;
using Lstm.Training;
using Lstm.Training.Layers;
using Lstm.Training.Training;

namespace Lstm.Benchmarks;

/// <summary>
/// Time per IMDB epoch (25,000 training reviews + 25,000 validation reviews) against max_len, batch size and units,
/// extrapolated from training and prediction throughput measured on random ids (speed does not depend on the ids).
/// <c>dotnet run -c Release --project tests/Lstm.Benchmarks -- scaling</c>
/// </summary>
internal static class ScalingTable
{
    public static int Run(string[] args)
    {
        int reviews = args.Length > 1 ? int.Parse(args[1]) : 512;
        Console.WriteLine($"| max_len | batch | units | train reviews/s | predict reviews/s | epoch (train + validation) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (int maxLen in new[] { 100, 250, 500, 1000 }) Measure(maxLen, 32, 128, reviews);
        foreach (int batch in new[] { 16, 64, 128 }) Measure(500, batch, 128, reviews);
        foreach (int units in new[] { 64, 256 }) Measure(500, 32, units, reviews);
        return 0;
    }

    private static void Measure(int maxLen, int batch, int units, int reviews)
    {
        var rng = new SeededRandom(1);
        int count = Math.Max(reviews * 500 / maxLen / batch * batch, 4 * batch);
        var seqs = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, maxLen).Select(_ => rng.NextInt(10_000)).ToArray()).ToArray();
        var labels = Enumerable.Range(0, count).Select(i => i % 2 == 0).ToArray();
        var model = new LstmClassifier(new LstmClassifierConfig { Units = units }, seed: 1);
        var trainer = new Trainer(model, new FitOptions { BatchSize = batch });
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        trainer.TrainBatch(seqs.AsSpan(0, batch), labels.AsSpan(0, batch), parallel);
        var clock = Stopwatch.StartNew();
        for (int lo = 0; lo + batch <= count; lo += batch) trainer.TrainBatch(seqs.AsSpan(lo, batch), labels.AsSpan(lo, batch), parallel);
        double train = count / clock.Elapsed.TotalSeconds;
        model.PredictLogits(seqs.AsSpan(0, 64).ToArray());
        clock.Restart();
        model.PredictLogits(seqs);
        double predict = count / clock.Elapsed.TotalSeconds;
        double epoch = 25_000 / train + 25_000 / predict;
        Console.WriteLine($"| {maxLen} | {batch} | {units} | {train:F0} | {predict:F0} | {TimeSpan.FromSeconds(epoch):m\\:ss} |");
    }
}
