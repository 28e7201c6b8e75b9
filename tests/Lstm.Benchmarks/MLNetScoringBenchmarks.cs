using BenchmarkDotNet.Attributes;
using Lstm.MLNet;
using Lstm.Training.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;

namespace Lstm.Benchmarks;

/// <summary>
/// Scoring 5,000 IMDB test reviews with a seed-sized model (vocabulary 10,000, E = H = 128, max length 500), every
/// path doing the same work per review: (a) ONNX Runtime directly, batches of 32, normalising with TextNormalizer;
/// (b) Lstm.MLNet's transformer (ApplyLstmModel on the file; a fitted one is the same type); (c) that model saved
/// with MLContext.Model.Save and read back with Model.Load (ML.NET's built-in chain); (d) ML.NET's plain
/// ApplyOnnxModel on the file, fed text normalised beforehand (normalisation not timed). Then one review at a time
/// through a PredictionEngine, for (b) and (c). Run:
/// <c>dotnet run -c Release --project tests/Lstm.Benchmarks -- --filter '*MLNet*'</c>.
/// </summary>
[Config(typeof(MLNetBenchmarkConfig))]
public class MLNetScoringBenchmarks
{
    /// <summary>Reviews scored by each throughput benchmark.</summary>
    public const int ThroughputReviews = 5_000;

    /// <summary>Reviews predicted one by one by each PredictionEngine benchmark.</summary>
    public const int LatencyReviews = 100;

    private const int BatchSize = 32;

    private readonly MLContext _ml = new(seed: 1);
    private string _directory = "";
    private string[] _reviews = [];
    private InferenceSession _session = null!;
    private IDataView _data = null!;
    private IDataView _normalisedData = null!;
    private LstmTransformer _transformer = null!;
    private ITransformer _loaded = null!;
    private ITransformer _applyOnnx = null!;
    private ITransformer _loadedBatched = null!;
    private PredictionEngine<Review, Prediction> _transformerEngine = null!;
    private PredictionEngine<Review, Prediction> _loadedEngine = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = MLNetBenchmarkModel.Create(ThroughputReviews);
        _reviews = model.Reviews;
        _directory = Directory.CreateTempSubdirectory("lstm-mlnet-bench-").FullName;
        string onnxFile = Path.Combine(_directory, "imdb.onnx"), zip = Path.Combine(_directory, "model.zip");
        File.WriteAllBytes(onnxFile, model.Onnx);

        using var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _session = new InferenceSession(onnxFile, options);
        _data = _ml.Data.LoadFromEnumerable(_reviews.Select(t => new Review { Text = t }).ToArray());
        _normalisedData = _ml.Data.LoadFromEnumerable(_reviews.Select(t => new NormalisedReview { text = TextNormalizer.Normalize(t) }).ToArray());

        _transformer = _ml.Transforms.ApplyLstmModel(onnxFile, inputColumnName: "Text").Fit(_data);
        _ml.Model.Save(_transformer, _data.Schema, zip);
        _loaded = _ml.Model.Load(zip, out _);
        _loadedBatched = LstmModelZip.Load(_ml, zip, out _);
        _applyOnnx = _ml.Transforms.ApplyOnnxModel(outputColumnNames: ["logit", "probability"], inputColumnNames: ["text"], modelFile: onnxFile).Fit(_normalisedData);
        _transformerEngine = _ml.Model.CreatePredictionEngine<Review, Prediction>(_transformer);
        _loadedEngine = _ml.Model.CreatePredictionEngine<Review, Prediction>(_loaded);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _transformerEngine.Dispose();
        _loadedEngine.Dispose();
        _transformer.Dispose();
        (_loaded as IDisposable)?.Dispose();
        (_loadedBatched as IDisposable)?.Dispose();
        (_applyOnnx as IDisposable)?.Dispose();
        _session.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>(a) ONNX Runtime directly: normalise 32 texts, one Run per batch.</summary>
    [Benchmark(Baseline = true)]
    public float OnnxRuntimeBatch32()
    {
        float sum = 0;
        for (int start = 0; start < _reviews.Length; start += BatchSize)
        {
            int count = Math.Min(BatchSize, _reviews.Length - start);
            using var input = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, [count, 1]);
            for (int i = 0; i < count; i++) input.StringTensorSetElementAt(TextNormalizer.Normalize(_reviews[start + i]).AsSpan(), i);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, ["text"], [input], ["logit", "probability"]);
            foreach (float p in outputs[1].GetTensorDataAsSpan<float>()) sum += p;
        }
        return sum;
    }

    /// <summary>(b) Lstm.MLNet's transformer: Transform, then a cursor over Score, Probability, PredictedLabel.</summary>
    [Benchmark]
    public float LstmTransformer() => Drain(_transformer.Transform(_data));

    /// <summary>(c) The same model after MLContext.Model.Save / Model.Load (ML.NET's built-in chain).</summary>
    [Benchmark]
    public float LoadedModel() => Drain(_loaded.Transform(_data));

    /// <summary>(c') The same zip loaded with LstmModelZip.Load, which puts the batching transformer back.</summary>
    [Benchmark]
    public float LoadedWithLstmModelZip() => Drain(_loadedBatched.Transform(_data));

    /// <summary>(d) ML.NET's ApplyOnnxModel on text normalised beforehand: a cursor over logit and probability.</summary>
    [Benchmark]
    public float ApplyOnnxModel()
    {
        var scored = _applyOnnx.Transform(_normalisedData);
        var probability = scored.Schema["probability"];
        using var cursor = scored.GetRowCursor([scored.Schema["logit"], probability]);
        var get = cursor.GetGetter<VBuffer<float>>(probability);
        VBuffer<float> value = default;
        float sum = 0;
        while (cursor.MoveNext())
        {
            get(ref value);
            sum += value.GetValues()[0];
        }
        return sum;
    }

    /// <summary>(b) one review at a time: PredictionEngine over Lstm.MLNet's transformer.</summary>
    [Benchmark]
    public float LstmTransformerPredictionEngine() => PredictEach(_transformerEngine);

    /// <summary>(c) one review at a time: PredictionEngine over the loaded model.</summary>
    [Benchmark]
    public float LoadedModelPredictionEngine() => PredictEach(_loadedEngine);

    private float PredictEach(PredictionEngine<Review, Prediction> engine)
    {
        float sum = 0;
        var review = new Review();
        for (int i = 0; i < LatencyReviews; i++)
        {
            review.Text = _reviews[i];
            sum += engine.Predict(review).Probability;
        }
        return sum;
    }

    private static float Drain(IDataView scored)
    {
        var columns = new[] { scored.Schema["Score"], scored.Schema["Probability"], scored.Schema["PredictedLabel"] };
        using var cursor = scored.GetRowCursor(columns);
        var score = cursor.GetGetter<float>(columns[0]);
        var probability = cursor.GetGetter<float>(columns[1]);
        var label = cursor.GetGetter<bool>(columns[2]);
        float s = 0, p = 0, sum = 0;
        bool l = false;
        while (cursor.MoveNext())
        {
            score(ref s);
            probability(ref p);
            label(ref l);
            sum += p + (l ? 1 : 0);
        }
        return sum;
    }

    public sealed class Review
    {
        public string Text { get; set; } = "";
    }

    public sealed class NormalisedReview
    {
#pragma warning disable IDE1006 // named like the ONNX graph's input, which ApplyOnnxModel binds by name
        public string text { get; set; } = "";
#pragma warning restore IDE1006
    }

    public sealed class Prediction
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
