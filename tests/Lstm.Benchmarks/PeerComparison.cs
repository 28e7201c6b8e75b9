using System.Diagnostics;
using Lstm.Training.Data;
using Lstm.Training.Kernels;
using Lstm.Training.Layers;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Lstm.Benchmarks;

/// <summary>
/// The side-by-side speed run behind tools/peer-benchmark.sh: our trainer and forward pass, and ONNX Runtime on the
/// exported model, on real IMDB ids (seed model, max_len 500, batch 32 to train, 256 to score), timed with a
/// stopwatch after a warm-up. Writes the padded ids for the PyTorch peer to read.
/// </summary>
internal static class PeerComparison
{
    public static int Run(string[] args)
    {
        string data = Arg(args, "--data") ?? throw new ArgumentException("--data PATH (IMDB archive or folder) is required");
        string idsOut = Arg(args, "--write-ids") ?? Path.Combine(Path.GetTempPath(), "lstm-peer-ids.bin");
        int trainReviews = int.Parse(Arg(args, "--train-reviews") ?? "1024");
        int predictReviews = int.Parse(Arg(args, "--predict-reviews") ?? "2048");
        int threads = int.Parse(Arg(args, "--threads") ?? Environment.ProcessorCount.ToString());

        Console.WriteLine($"ours kernels: {CpuKernels.Description}");
        var imdb = ImdbArchive.Load(data).Subset(trainReviews, predictReviews, seed: 1);
        var vocabulary = Vocabulary.BuildFromTexts(imdb.Train.Select(r => r.Text));
        int[][] train = PadSequences.Pad(imdb.Train.Select(r => vocabulary.Encode(r.Text)).ToArray(), 500);
        bool[] labels = imdb.Train.Select(r => r.Label).ToArray();
        int[][] score = PadSequences.Pad(imdb.Test.Select(r => vocabulary.Encode(r.Text)).ToArray(), 500);
        WriteIds(idsOut, train, labels);

        var model = new LstmClassifier(new LstmClassifierConfig(), seed: 1);
        var trainer = new Trainer(model, new FitOptions { MaxDegreeOfParallelism = threads });
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        trainer.TrainBatch(train.AsSpan(0, 32), labels.AsSpan(0, 32), parallel);
        var clock = Stopwatch.StartNew();
        int batches = train.Length / 32;
        for (int b = 0; b < batches; b++) trainer.TrainBatch(train.AsSpan(b * 32, 32), labels.AsSpan(b * 32, 32), parallel);
        Console.WriteLine($"ours train: {batches * 32 / clock.Elapsed.TotalSeconds:F1} reviews/s ({batches * 32} reviews, batch 32, {threads} threads)");

        model.PredictLogits(score.AsSpan(0, 64).ToArray(), 256, threads);
        clock.Restart();
        model.PredictLogits(score, 256, threads);
        Console.WriteLine($"ours predict: {score.Length / clock.Elapsed.TotalSeconds:F1} reviews/s ({score.Length} reviews, batch 256, {threads} threads)");
        clock.Restart();
        model.PredictLogits(score, 256, threads, shortcuts: false);
        Console.WriteLine($"ours predict all 500 steps: {score.Length / clock.Elapsed.TotalSeconds:F1} reviews/s ({score.Length} reviews, batch 256, {threads} threads, no padding skip or projection lookup)");

        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1 };
        using var session = new InferenceSession(OnnxExporter.ExportToBytes(model, vocabulary, new OnnxExportOptions { Variant = OnnxModelVariant.Ids }), options);
        foreach (int batch in new[] { 1, 32, 256 })
        {
            int count = batch == 1 ? Math.Min(256, score.Length) : score.Length;
            RunOrt(session, score, 0, Math.Min(batch, count)); // warm-up
            clock.Restart();
            for (int lo = 0; lo < count; lo += batch) RunOrt(session, score, lo, Math.Min(batch, count - lo));
            Console.WriteLine($"onnxruntime predict batch {batch}: {count / clock.Elapsed.TotalSeconds:F1} reviews/s ({count} reviews, ids variant, {threads} intra-op threads)");
        }

        // The text variant does the vocabulary lookup, start id and padding in the graph; the C# normaliser is timed too.
        string[] texts = imdb.Test.Select(r => r.Text).ToArray();
        using var textSession = new InferenceSession(OnnxExporter.ExportToBytes(model, vocabulary, new OnnxExportOptions { Variant = OnnxModelVariant.Text }), options);
        foreach (int batch in new[] { 1, 256 })
        {
            int count = batch == 1 ? Math.Min(256, texts.Length) : texts.Length;
            RunOrtText(textSession, texts, 0, Math.Min(batch, count));
            clock.Restart();
            for (int lo = 0; lo < count; lo += batch) RunOrtText(textSession, texts, lo, Math.Min(batch, count - lo));
            Console.WriteLine($"onnxruntime predict batch {batch}: {count / clock.Elapsed.TotalSeconds:F1} reviews/s ({count} reviews, text variant incl. normalising, {threads} intra-op threads)");
        }
        clock.Restart();
        model.PredictLogits(score.AsSpan(0, Math.Min(256, score.Length)).ToArray(), 1, threads);
        Console.WriteLine($"ours predict batch 1: {Math.Min(256, score.Length) / clock.Elapsed.TotalSeconds:F1} reviews/s (256 reviews, one sequence per slice, {threads} threads)");
        return 0;
    }

    private static void RunOrtText(InferenceSession session, string[] texts, int lo, int count)
    {
        var tensor = new DenseTensor<string>([count, 1]);
        for (int r = 0; r < count; r++) tensor[r, 0] = TextNormalizer.Normalize(texts[lo + r]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("text", tensor)]);
        _ = results.First().AsTensor<float>()[0, 0];
    }

    private static void RunOrt(InferenceSession session, int[][] seqs, int lo, int count)
    {
        var tensor = new DenseTensor<long>([count, 500]);
        for (int r = 0; r < count; r++)
            for (int t = 0; t < 500; t++) tensor[r, t] = seqs[lo + r][t];
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input_ids", tensor)]);
        _ = results.First().AsTensor<float>()[0, 0];
    }

    private static void WriteIds(string path, int[][] seqs, bool[] labels)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(seqs.Length);
        w.Write(seqs[0].Length);
        foreach (var s in seqs) foreach (int id in s) w.Write(id);
        foreach (bool l in labels) w.Write((byte)(l ? 1 : 0));
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
