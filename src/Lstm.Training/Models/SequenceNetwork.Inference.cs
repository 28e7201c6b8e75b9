using Lstm.Training.Losses;
using Lstm.Training.Models.Compute;
using Lstm.Training.Training;

namespace Lstm.Training.Models;

public sealed partial class SequenceNetwork
{
    private const int InferenceSliceRows = 32;

    /// <summary>
    /// The head's raw outputs, [sequences, <see cref="NetworkSpec.Outputs"/>] row-major, with dropout off: logits for
    /// classifiers (before the sigmoid or softmax), values for regression. All sequences must have the same length and
    /// ids in [0, VocabularySize). Each row's result is independent of batch size and thread count.
    /// </summary>
    /// <remarks>A masked network runs each group of rows from its first unmasked step only; rows are grouped by length.</remarks>
    public float[] PredictOutputs(IReadOnlyList<int[]> sequences, int batchSize = 256, int? maxDegreeOfParallelism = null) =>
        PredictOutputs(sequences, batchSize, maxDegreeOfParallelism, general: false);

    /// <summary><see cref="PredictOutputs(IReadOnlyList{int[]}, int, int?)"/>; with <paramref name="general"/>, the family's own code runs even for the seed's shape (what tests compare).</summary>
    internal float[] PredictOutputs(IReadOnlyList<int[]> sequences, int batchSize, int? maxDegreeOfParallelism, bool general)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be positive.");
        if (Classifier is not null && !general) return Classifier.PredictLogits(sequences, batchSize, maxDegreeOfParallelism);
        int k = Spec.Outputs;
        var outputs = new float[(long)sequences.Count * k];
        if (sequences.Count == 0) return outputs;
        int steps = SequenceChecks.Validate(sequences, Spec.VocabularySize, nameof(sequences));
        var all = sequences as int[][] ?? [.. sequences];
        var order = new int[all.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        if (Spec.MaskZero)
        {
            var starts = new int[all.Length];
            for (int i = 0; i < starts.Length; i++) starts[i] = FirstNonZero(all[i]);
            Array.Sort(starts, order);
        }
        int sliceRows = Math.Min(batchSize, InferenceSliceRows);
        int slices = (all.Length + sliceRows - 1) / sliceRows;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, slices, options,
            () => (Slice: new NetworkSlice(Parameters, null, sliceRows, steps, training: false), Rows: new int[sliceRows][]),
            (index, _, local) =>
            {
                int first = index * sliceRows, rows = Math.Min(sliceRows, all.Length - first);
                for (int s = 0; s < rows; s++) local.Rows[s] = all[order[first + s]];
                local.Slice.Forward(local.Rows.AsSpan(0, rows), dropout: false);
                for (int s = 0; s < rows; s++) local.Slice.Outputs.AsSpan(s * k, k).CopyTo(outputs.AsSpan(order[first + s] * k, k));
                return local;
            },
            _ => { });
        return outputs;
    }

    /// <summary>
    /// The head's raw outputs for numeric <paramref name="windows"/> (a network of <see cref="NetworkSpec.InputFeatures"/>:
    /// each window holds steps × features values, step by step, all windows the same length), [windows, outputs]
    /// row-major, dropout off. Each row's result is independent of batch size and thread count.
    /// </summary>
    public float[] PredictOutputs(IReadOnlyList<float[]> windows, int batchSize = 256, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be positive.");
        if (!Spec.IsNumeric) throw new InvalidOperationException($"{Spec.Describe()} reads token ids, not numeric windows.");
        int k = Spec.Outputs;
        var outputs = new float[(long)windows.Count * k];
        if (windows.Count == 0) return outputs;
        int steps = SequenceChecks.ValidateWindows(windows, Spec.InputFeatures, nameof(windows));
        var all = windows as float[][] ?? [.. windows];
        int sliceRows = Math.Min(batchSize, InferenceSliceRows);
        int slices = (all.Length + sliceRows - 1) / sliceRows;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, slices, options,
            () => new NetworkSlice(Parameters, null, sliceRows, steps, training: false),
            (index, _, slice) =>
            {
                int first = index * sliceRows, rows = Math.Min(sliceRows, all.Length - first);
                slice.Forward(all.AsSpan(first, rows), dropout: false);
                slice.Outputs.AsSpan(0, rows * k).CopyTo(outputs.AsSpan(first * k, rows * k));
                return slice;
            },
            _ => { });
        return outputs;
    }

    /// <summary>The head's outputs for numeric <paramref name="windows"/> after its activation (the values, for regression).</summary>
    public float[] Predict(IReadOnlyList<float[]> windows, int batchSize = 256, int? maxDegreeOfParallelism = null)
    {
        var outputs = PredictOutputs(windows, batchSize, maxDegreeOfParallelism);
        Activate(Spec, outputs);
        return outputs;
    }

    private static int FirstNonZero(int[] sequence)
    {
        int t = 0;
        while (t < sequence.Length && sequence[t] == 0) t++;
        return t;
    }

    /// <summary>
    /// The head's outputs after its activation: the positive class's probability (binary), the class probabilities
    /// (multi-class, [sequences, classes]) or the values (regression).
    /// </summary>
    public float[] Predict(IReadOnlyList<int[]> sequences, int batchSize = 256, int? maxDegreeOfParallelism = null)
    {
        var outputs = PredictOutputs(sequences, batchSize, maxDegreeOfParallelism);
        Activate(Spec, outputs);
        return outputs;
    }

    /// <summary>Applies the head's activation to raw outputs in place: sigmoid, row-wise softmax, or nothing.</summary>
    public static void Activate(NetworkSpec spec, Span<float> outputs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        switch (spec.Task)
        {
            case TaskKind.BinaryClassification:
                for (int i = 0; i < outputs.Length; i++) outputs[i] = BinaryCrossEntropy.Sigmoid(outputs[i]);
                break;
            case TaskKind.MulticlassClassification:
                for (int r = 0; r + spec.Outputs <= outputs.Length; r += spec.Outputs)
                    SoftmaxCrossEntropy.Softmax(outputs.Slice(r, spec.Outputs), outputs.Slice(r, spec.Outputs));
                break;
        }
    }

    /// <summary>The task's loss and metrics over <paramref name="data"/>, dropout off (example weights apply to the loss, as in Keras).</summary>
    public NetworkEvaluation Evaluate(SequenceDataset data, int batchSize = 256, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate(Spec, nameof(data));
        var outputs = data.Windows is { } windows ? PredictOutputs(windows, batchSize, maxDegreeOfParallelism) : PredictOutputs(data.Sequences, batchSize, maxDegreeOfParallelism);
        return NetworkEvaluation.FromOutputs(Spec, outputs, data);
    }
}
