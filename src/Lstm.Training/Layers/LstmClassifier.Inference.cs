using Lstm.Training.Losses;
using Lstm.Training.Text;

namespace Lstm.Training.Layers;

public sealed partial class LstmClassifier
{
    private const int InferenceSliceRows = 64;
    private const int ProjectionTokensPerId = 4;
    private const long ProjectionMaxBytes = 256L << 20; // 20 MB for the seed model; larger vocabularies multiply instead

    private PaddingTrajectoryCache? _paddingTrajectory;

    /// <summary>
    /// Logits (before the sigmoid) for padded id sequences, with dropout off. All sequences must have the same length
    /// and ids in [0, VocabularySize). Work is split into slices of at most <paramref name="batchSize"/> (capped at 64)
    /// sequences run on up to <paramref name="maxDegreeOfParallelism"/> threads; each sequence's result is independent
    /// of batch size and thread count.
    /// </summary>
    /// <remarks>
    /// The leading run of padding (id 0, Keras's pre-padding) is not run row by row: every row starts at its first real
    /// token from the state that run leaves, computed once and kept while the LSTM's weights stay the same (checked bit for
    /// bit on each call), and rows of similar length are scored together.
    /// When the call holds several times more tokens than the vocabulary has ids, every id's input projection is computed
    /// once and looked up. The logits are those of running all steps, bit for bit; a short text costs its own length,
    /// not the padded one.
    /// </remarks>
    public float[] PredictLogits(IReadOnlyList<int[]> sequences, int batchSize = 256, int? maxDegreeOfParallelism = null) =>
        PredictLogits(sequences, batchSize, maxDegreeOfParallelism, shortcuts: true);

    /// <summary>
    /// <see cref="PredictLogits(IReadOnlyList{int[]}, int, int?)"/>; without <paramref name="shortcuts"/>, every step of
    /// every row runs and multiplies its input (the plain computation the shortcuts are tested against).
    /// </summary>
    internal float[] PredictLogits(IReadOnlyList<int[]> sequences, int batchSize, int? maxDegreeOfParallelism, bool shortcuts)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be positive.");
        var logits = new float[sequences.Count];
        if (sequences.Count == 0) return logits;
        SequenceChecks.Validate(sequences, Config.VocabularySize, nameof(sequences));
        // Never wider than the call: one text needs 32 KB of buffers for the seed model, not a 64-row slice's 2 MB.
        int sliceRows = Math.Min(Math.Min(batchSize, InferenceSliceRows), sequences.Count);
        int slices = (sequences.Count + sliceRows - 1) / sliceRows;
        var all = sequences as int[][] ?? sequences.ToArray();
        var layer = new LstmLayer(Parameters);
        int e = Config.EmbeddingDim, h = Config.Units;

        // Rows in order of where their real tokens start, so that the rows running at any step are a prefix of a slice.
        var order = new int[all.Length];
        var starts = new int[all.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            starts[i] = shortcuts ? LeadingPadding(all[i]) : 0;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        PaddingTrajectory? padding = null;
        InputProjection? projection = null;
        if (shortcuts)
        {
            Array.Sort(starts, order);
            // The whole length: later calls on the same weights then find every padding count in the cached trajectory.
            padding = PaddingTrajectoryCache.Get(ref _paddingTrajectory, Parameters, layer, Math.Max(starts[^1], all[0].Length));
            long tokens = 0;
            foreach (int start in starts) tokens += all[0].Length - start;
            // Projecting the whole vocabulary costs as much as projecting that many tokens; it pays when there are several times more.
            long tableBytes = (long)Config.VocabularySize * 4 * h * sizeof(float);
            if (tokens >= ProjectionTokensPerId * (long)Config.VocabularySize && tableBytes <= ProjectionMaxBytes) projection = layer.ProjectVocabulary(options);
        }
        Parallel.For(0, slices, options,
            () => (Buffers: new LstmLayer.InferenceBuffers(sliceRows, e, h), Rows: new int[sliceRows][], Logits: new float[sliceRows]),
            (slice, _, local) =>
            {
                int start = slice * sliceRows, rows = Math.Min(sliceRows, all.Length - start);
                for (int s = 0; s < rows; s++) local.Rows[s] = all[order[start + s]];
                var hidden = local.Buffers.Hidden.AsSpan(0, rows * h);
                layer.Infer(local.Rows.AsSpan(0, rows), starts.AsSpan(start, rows), padding, projection, local.Buffers, hidden);
                DenseLayer.Forward(hidden, h, Parameters.DenseKernel, Parameters.DenseBias[0], local.Logits.AsSpan(0, rows));
                for (int s = 0; s < rows; s++) logits[order[start + s]] = local.Logits[s];
                return local;
            },
            _ => { });
        return logits;
    }

    private static int LeadingPadding(int[] sequence)
    {
        int k = 0;
        while (k < sequence.Length && sequence[k] == Vocabulary.PaddingId) k++;
        return k;
    }

    /// <summary>Probabilities σ(logit) of the positive class; see <see cref="PredictLogits(IReadOnlyList{int[]}, int, int?)"/>.</summary>
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
