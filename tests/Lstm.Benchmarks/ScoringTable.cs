using System.Diagnostics;
using System.Globalization;
using Lstm.MLNet;
using Lstm.Training.Data;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using static Lstm.Benchmarks.MLNetScoringBenchmarks;

namespace Lstm.Benchmarks;

/// <summary>
/// The scoring table of the README: reviews per second for every way of scoring the shipped model
/// (<c>models/imdb-lstm</c>) on the 25,000 IMDB test reviews and on short texts (each test review's first sentence),
/// at batch 1, 32 and 256 where the path has a batch size, and <c>PredictionEngine</c> latency (median, p99) for a
/// 12-word sentence. Every path normalises the raw text inside the timed work, except ML.NET's plain
/// <c>ApplyOnnxModel</c>, which is given normalised text (it cannot normalise). One warm-up pass, one timed pass.
/// Run: <c>dotnet run -c Release --project tests/Lstm.Benchmarks -- scoring [--reviews N] [--latency-only]</c>.
/// </summary>
internal static class ScoringTable
{
    /// <summary>The sentence of the latency target: 12 words.</summary>
    public const string TwelveWords = "A wonderful film with great acting and a story that never drags";

    private const int Window = 1024;

    public static int Run(string[] args)
    {
        int reviews = 25_000;
        bool latencyOnly = false;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--reviews": reviews = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--latency-only": latencyOnly = true; break;
                default: Console.Error.WriteLine($"unknown argument '{args[i]}'; expected --reviews N or --latency-only"); return 2;
            }
        }

        string modelFile = FindUpwards(Path.Combine("models", "imdb-lstm", "model.onnx"));
        var imported = OnnxImporter.ImportFile(modelFile);
        byte[] free = OnnxExporter.ExportToBytes(imported.Network, imported.Vocabulary, imported.ExportOptions with { Layout = OnnxGraphLayout.PaddingFree });
        byte[] padded = OnnxExporter.ExportToBytes(imported.Network, imported.Vocabulary, imported.ExportOptions with { Layout = OnnxGraphLayout.Padded });
        string directory = Directory.CreateTempSubdirectory("lstm-scoring-table-").FullName;
        try
        {
            string freeFile = Path.Combine(directory, "free.onnx"), paddedFile = Path.Combine(directory, "padded.onnx");
            File.WriteAllBytes(freeFile, free);
            File.WriteAllBytes(paddedFile, padded);
            Console.WriteLine($"Model: {modelFile} ({imported.Network.Spec.Describe()}); {Environment.ProcessorCount} cores; {RuntimeInformationText()}");
            var paths = new ScoringPaths(imported, freeFile, paddedFile, directory);
            Latency(paths);
            if (latencyOnly) return 0;

            var imdb = ImdbArchive.Load(MLNetBenchmarkModel.FindArchive());
            string[] test = [.. imdb.Test.Take(reviews).Select(r => r.Text)];
            string[] shortTexts = [.. test.Select(FirstSentence)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"IMDB test: {test.Length:N0} reviews, {Words(test):F1} words on average; short texts (first sentences): {Words(shortTexts):F1} words on average"));
            foreach (var (name, texts) in new[] { ("IMDB test reviews", test), ("short texts (first sentences)", shortTexts) })
                Throughput(paths, name, texts);
            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Latency(ScoringPaths paths)
    {
        Console.WriteLine();
        Console.WriteLine($"Latency of one prediction, \"{TwelveWords}\" (12 words), 5,000 calls after 500 warm-up calls:");
        Console.WriteLine("| path | median | p99 |");
        Console.WriteLine("| --- | ---: | ---: |");
        var review = new Review { Text = TwelveWords };
        using (var engine = paths.Ml.Model.CreatePredictionEngine<Review, Prediction>(paths.Transformer, new PredictionEngineOptions { OwnsTransformer = false }))
            Row("PredictionEngine, Lstm.MLNet transformer", () => engine.Predict(review));
        using (var engine = paths.Ml.Model.CreatePredictionEngine<Review, Prediction>(paths.Loaded, new PredictionEngineOptions { OwnsTransformer = false }))
            Row("PredictionEngine, model after Model.Save + Model.Load", () => engine.Predict(review));
        using (var engine = paths.Ml.Model.CreatePredictionEngine<Review, Prediction>(paths.LoadedBatched, new PredictionEngineOptions { OwnsTransformer = false }))
            Row("PredictionEngine, model after LstmModelZip.Load", () => engine.Predict(review));
        string[] one = [TwelveWords];
        Row("C# forward pass (LstmClassifier, batch 1)", () => paths.Classifier.PredictProbabilities(paths.Vocabulary.EncodePadded(one, paths.MaxLength), maxDegreeOfParallelism: 1));
        Row("ONNX Runtime, padding-free graph, batch 1, 1 intra-op thread", () => paths.FreeOneThread.Score(one));
        Row("ONNX Runtime, padded graph, batch 1, 1 intra-op thread", () => paths.PaddedOneThread.Score(one));

        static void Row(string name, Action predict)
        {
            for (int i = 0; i < 500; i++) predict();
            var times = new double[5_000];
            for (int i = 0; i < times.Length; i++)
            {
                long start = Stopwatch.GetTimestamp();
                predict();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[times.Length / 2]:F3} ms | {times[(int)(times.Length * 0.99)]:F3} ms |"));
        }
    }

    private static void Throughput(ScoringPaths paths, string name, string[] texts)
    {
        Console.WriteLine();
        Console.WriteLine($"Reviews/s on {texts.Length:N0} {name}, one timed pass after a warm-up on 256:");
        Console.WriteLine("| path | batch 1 | batch 32 | batch 256 |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        int[] batches = [1, 32, 256];
        Row("C# forward pass (LstmClassifier.PredictProbabilities, both cores)", batches, (b, t) => Chunks(t, b, chunk => paths.Classifier.PredictProbabilities(paths.Vocabulary.EncodePadded(chunk, paths.MaxLength), batchSize: b)));
        Row("ONNX Runtime, padded graph, review order", batches, (b, t) => Chunks(t, b, chunk => paths.Padded.Score(chunk)));
        Row("ONNX Runtime, padding-free graph, review order", batches, (b, t) => Chunks(t, b, chunk => paths.Free.Score(chunk)));
        Row("ONNX Runtime, padding-free graph, each 1,024 sorted by length", batches, (b, t) => Sorted(t, b, paths.Free));
        var ml = paths.Ml;
        Row("Lstm.MLNet transformer, Transform (32 per run, 1,024 sorted)", [32], (_, t) => Drain(paths.Transformer.Transform(Data(ml, t)), "Probability"));
        Row("model after LstmModelZip.Load, Transform", [32], (_, t) => Drain(paths.LoadedBatched.Transform(Data(ml, t)), "Probability"));
        Row("model after Model.Save + Model.Load, Transform (one row per run)", [1], (_, t) => Drain(paths.Loaded.Transform(Data(ml, t)), "Probability"));
        var normalised = texts.Select(TextNormalizer.Normalize).ToArray();
        Row("ML.NET ApplyOnnxModel on the padding-free file, normalised text given (one row per run)", [1],
            (_, t) => Drain(paths.ApplyOnnx.Transform(ml.Data.LoadFromEnumerable(t == texts ? normalised.Select(n => new NormalisedReview { text = n }) : t.Select(n => new NormalisedReview { text = TextNormalizer.Normalize(n) }))), "probability"));
        using (var engine = ml.Model.CreatePredictionEngine<Review, Prediction>(paths.Transformer, new PredictionEngineOptions { OwnsTransformer = false }))
            Row("PredictionEngine, Lstm.MLNet transformer", [1], (_, t) => { var review = new Review(); foreach (var text in t) { review.Text = text; engine.Predict(review); } });
        using (var engine = ml.Model.CreatePredictionEngine<Review, Prediction>(paths.Loaded, new PredictionEngineOptions { OwnsTransformer = false }))
            Row("PredictionEngine, model after Model.Save + Model.Load", [1], (_, t) => { var review = new Review(); foreach (var text in t) { review.Text = text; engine.Predict(review); } });

        void Row(string label, int[] sizes, Action<int, string[]> score)
        {
            var cells = new string[batches.Length];
            Array.Fill(cells, "");
            foreach (int b in sizes)
            {
                score(b, texts[..Math.Min(256, texts.Length)]);
                var clock = Stopwatch.StartNew();
                score(b, texts);
                double seconds = clock.Elapsed.TotalSeconds;
                cells[Array.IndexOf(batches, b)] = string.Create(CultureInfo.InvariantCulture, $"{texts.Length / seconds:N0}");
            }
            Console.WriteLine($"| {label} | {string.Join(" | ", cells)} |");
        }
    }

    private static IDataView Data(MLContext ml, string[] texts) => ml.Data.LoadFromEnumerable(texts.Select(t => new Review { Text = t }));

    private static void Chunks(string[] texts, int size, Action<string[]> score)
    {
        for (int start = 0; start < texts.Length; start += size) score(texts[start..Math.Min(texts.Length, start + size)]);
    }

    private static void Sorted(string[] texts, int size, OrtScorer scorer)
    {
        var words = new int[Window];
        var order = new int[Window];
        for (int start = 0; start < texts.Length; start += Window)
        {
            int count = Math.Min(Window, texts.Length - start);
            for (int i = 0; i < count; i++)
            {
                order[i] = start + i;
                words[i] = texts[start + i].AsSpan().Count(' ');
            }
            Array.Sort(words, order, 0, count);
            for (int run = 0; run < count; run += size)
                scorer.Score([.. order.AsSpan(run, Math.Min(size, count - run)).ToArray().Select(i => texts[i])]);
        }
    }

    private static void Drain(IDataView scored, string column)
    {
        using var cursor = scored.GetRowCursor([scored.Schema[column]]);
        if (scored.Schema[column].Type is VectorDataViewType)
        {
            var get = cursor.GetGetter<VBuffer<float>>(scored.Schema[column]);
            VBuffer<float> value = default;
            while (cursor.MoveNext()) get(ref value);
        }
        else
        {
            var get = cursor.GetGetter<float>(scored.Schema[column]);
            float value = 0;
            while (cursor.MoveNext()) get(ref value);
        }
    }

    /// <summary>The text up to its first sentence end ('.', '!' or '?' followed by a space, or an HTML line break), or all of it.</summary>
    public static string FirstSentence(string text)
    {
        int end = text.Length;
        int br = text.IndexOf("<br", StringComparison.OrdinalIgnoreCase);
        if (br > 0) end = br;
        for (int i = 0; i + 1 < end; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ')
            {
                end = i + 1;
                break;
            }
        }
        return text[..end].Trim();
    }

    private static double Words(string[] texts) => texts.Average(t => TextNormalizer.Normalize(t).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, AVX-512 {(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "on" : "off")}";

    private static string FindUpwards(string relative)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        }
        throw new FileNotFoundException($"{relative} was not found above {Environment.CurrentDirectory}.");
    }

    /// <summary>Everything the table scores with, opened once.</summary>
    private sealed class ScoringPaths
    {
        public ScoringPaths(OnnxImportedModel imported, string freeFile, string paddedFile, string directory)
        {
            Classifier = imported.Model ?? throw new InvalidOperationException("The shipped model is not of the seed's shape.");
            Vocabulary = imported.Vocabulary;
            MaxLength = imported.Metadata.MaxLength;
            Free = new OrtScorer(freeFile, Environment.ProcessorCount);
            Padded = new OrtScorer(paddedFile, Environment.ProcessorCount);
            FreeOneThread = new OrtScorer(freeFile, 1);
            PaddedOneThread = new OrtScorer(paddedFile, 1);
            var empty = Ml.Data.LoadFromEnumerable(new[] { new Review { Text = "" } });
            Transformer = Ml.Transforms.ApplyLstmModel(freeFile).Fit(empty);
            string zip = Path.Combine(directory, "model.zip");
            Ml.Model.Save(Transformer, empty.Schema, zip);
            Loaded = Ml.Model.Load(zip, out _);
            LoadedBatched = LstmModelZip.Load(Ml, zip, out _);
            var normalisedEmpty = Ml.Data.LoadFromEnumerable(new[] { new NormalisedReview() });
            ApplyOnnx = Ml.Transforms.ApplyOnnxModel(outputColumnNames: ["logit", "probability"], inputColumnNames: ["text"], modelFile: freeFile).Fit(normalisedEmpty);
        }

        public MLContext Ml { get; } = new(seed: 1);

        public Lstm.Training.Layers.LstmClassifier Classifier { get; }

        public Vocabulary Vocabulary { get; }

        public int MaxLength { get; }

        public OrtScorer Free { get; }

        public OrtScorer Padded { get; }

        public OrtScorer FreeOneThread { get; }

        public OrtScorer PaddedOneThread { get; }

        public LstmTransformer Transformer { get; }

        public ITransformer Loaded { get; }

        public ITransformer LoadedBatched { get; }

        public ITransformer ApplyOnnx { get; }
    }

    /// <summary>ONNX Runtime on a text-variant file: normalises the texts and runs them as one batch.</summary>
    private sealed class OrtScorer
    {
        private readonly InferenceSession _session;

        public OrtScorer(string file, int threads)
        {
            using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
            _session = new InferenceSession(file, options);
        }

        public float Score(string[] texts)
        {
            using var input = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, [texts.Length, 1]);
            for (int i = 0; i < texts.Length; i++) input.StringTensorSetElementAt(TextNormalizer.Normalize(texts[i]).AsSpan(), i);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, ["text"], [input], ["probability"]);
            return outputs[0].GetTensorDataAsSpan<float>()[0];
        }
    }
}
