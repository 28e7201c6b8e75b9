using Lstm.Training.Training;

namespace Lstm.Training.Layers;

public sealed partial class LstmClassifier
{
    private const int InferenceSliceRows = 64;

    /// <summary>
    /// Logits (before the sigmoid) for padded id sequences, with dropout off. All sequences must have the same length
    /// and ids in [0, VocabularySize). Work is split into slices of at most <paramref name="batchSize"/> (capped at 64)
    /// sequences run on up to <paramref name="maxDegreeOfParallelism"/> threads; each sequence's result is independent
    /// of batch size and thread count.
    /// </summary>
    public float[] PredictLogits(IReadOnlyList<int[]> sequences, int batchSize = 256, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be positive.");
        var logits = new float[sequences.Count];
        if (sequences.Count == 0) return logits;
        SequenceChecks.Validate(sequences, Config.VocabularySize, nameof(sequences));
        int sliceRows = Math.Min(batchSize, InferenceSliceRows);
        int slices = (sequences.Count + sliceRows - 1) / sliceRows;
        var all = sequences as int[][] ?? sequences.ToArray();
        var layer = new LstmLayer(Parameters);
        int e = Config.EmbeddingDim, h = Config.Units;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, slices, options,
            () => new LstmLayer.InferenceBuffers(sliceRows, e, h),
            (slice, _, buffers) =>
            {
                int start = slice * sliceRows, rows = Math.Min(sliceRows, all.Length - start);
                var hidden = buffers.Hidden.AsSpan(0, rows * h);
                layer.Infer(all.AsSpan(start, rows), buffers, hidden);
                DenseLayer.Forward(hidden, h, Parameters.DenseKernel, Parameters.DenseBias[0], logits.AsSpan(start, rows));
                return buffers;
            },
            _ => { });
        return logits;
    }

    /// <summary>Probabilities σ(logit) of the positive class; see <see cref="PredictLogits"/>.</summary>
    public float[] PredictProbabilities(IReadOnlyList<int[]> sequences, int batchSize = 256, int? maxDegreeOfParallelism = null)
    {
        var p = PredictLogits(sequences, batchSize, maxDegreeOfParallelism);
        for (int i = 0; i < p.Length; i++) p[i] = BinaryCrossEntropy.Sigmoid(p[i]);
        return p;
    }

    /// <summary>Binary cross-entropy and accuracy (threshold 0.5) over labelled padded sequences, dropout off.</summary>
    public EvaluationResult Evaluate(IReadOnlyList<int[]> sequences, IReadOnlyList<bool> labels, int batchSize = 256, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != sequences.Count)
            throw new ArgumentException($"Found {sequences.Count} sequences but {labels.Count} labels.", nameof(labels));
        var logits = PredictLogits(sequences, batchSize, maxDegreeOfParallelism);
        return EvaluationResult.FromLogits(logits, labels);
    }
}
