using Lstm.Training.Models;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Family;

/// <summary>Small networks covering every layer, pooling, masking and head of the family, for gradient and determinism tests.</summary>
internal static class FamilyCases
{
    private static readonly Dictionary<string, (NetworkSpec Spec, bool Dropout)> All = new()
    {
        ["lstm-masked-last-binary"] = (Spec(mask: true, PoolingKind.Last, TaskKind.BinaryClassification, 1, Layer(RecurrentKind.Lstm)), false),
        ["gru-max-multiclass"] = (Spec(mask: false, PoolingKind.Max, TaskKind.MulticlassClassification, 3, Layer(RecurrentKind.Gru)), false),
        ["rnn-masked-mean-regression"] = (Spec(mask: true, PoolingKind.Mean, TaskKind.Regression, 2, Layer(RecurrentKind.SimpleRnn)), false),
        ["bilstm-masked-last-binary-dropout"] = (Spec(mask: true, PoolingKind.Last, TaskKind.BinaryClassification, 1, Layer(RecurrentKind.Lstm, bidirectional: true, dropout: 0.3f)), true),
        ["bigru-lstm-masked-max-multiclass"] = (Spec(mask: true, PoolingKind.Max, TaskKind.MulticlassClassification, 4, Layer(RecurrentKind.Gru, bidirectional: true), Layer(RecurrentKind.Lstm)), false),
        ["rnn-birnn-mean-regression-dropout"] = (Spec(mask: false, PoolingKind.Mean, TaskKind.Regression, 1, Layer(RecurrentKind.SimpleRnn, dropout: 0.25f), Layer(RecurrentKind.SimpleRnn, bidirectional: true, dropout: 0.2f)), true),
        ["bigru-masked-last-regression-dropout"] = (Spec(mask: true, PoolingKind.Last, TaskKind.Regression, 2, Layer(RecurrentKind.Gru, bidirectional: true, dropout: 0.3f)), true),
        ["lstm-unmasked-last-binary"] = (Spec(mask: false, PoolingKind.Last, TaskKind.BinaryClassification, 1, Layer(RecurrentKind.Lstm, dropout: 0.3f)), true),
    };

    public static IEnumerable<string> Names => All.Keys;

    public static (NetworkSpec Spec, bool Dropout) Get(string name) => All[name];

    private static RecurrentLayerSpec Layer(RecurrentKind kind, bool bidirectional = false, float dropout = 0f) =>
        new() { Kind = kind, Units = 3, Dropout = dropout, RecurrentDropout = dropout, Bidirectional = bidirectional };

    private static NetworkSpec Spec(bool mask, PoolingKind pooling, TaskKind task, int outputs, params RecurrentLayerSpec[] layers) => new()
    {
        VocabularySize = 7,
        EmbeddingDim = 4,
        MaskZero = mask,
        Recurrent = layers,
        Pooling = pooling,
        Task = task,
        Outputs = outputs,
    };

    /// <summary>Pre-padded rows of different lengths (one all padding, one with a 0 inside), ids from 1.</summary>
    public static int[][] Sequences(int rows, int steps, int vocabulary, SeededRandom rng)
    {
        var sequences = new int[rows][];
        for (int s = 0; s < rows; s++)
        {
            int padding = s == rows - 1 ? steps : s % steps;
            sequences[s] = Enumerable.Range(0, steps).Select(t => t < padding ? 0 : 1 + rng.NextInt(vocabulary - 1)).ToArray();
        }
        if (rows > 1 && steps > 3) sequences[0][steps - 2] = 0;
        return sequences;
    }

    /// <summary>Random targets of the spec's task, with weights in [0.5, 1.5) when <paramref name="weighted"/>.</summary>
    public static SequenceDataset Targets(NetworkSpec spec, int[][] sequences, SeededRandom rng, bool weighted)
    {
        float[]? weights = weighted ? sequences.Select(_ => 0.5f + rng.NextSingle()).ToArray() : null;
        return spec.Task switch
        {
            TaskKind.BinaryClassification => new SequenceDataset(sequences, sequences.Select((_, i) => i % 2 == 0).ToArray(), weights),
            TaskKind.MulticlassClassification => SequenceDataset.ForClasses(sequences, sequences.Select((_, i) => i % spec.Outputs).ToArray(), weights),
            _ => SequenceDataset.ForValues(sequences, Enumerable.Range(0, sequences.Length * spec.Outputs).Select(_ => rng.NextSingle() * 2 - 1).ToArray(), spec.Outputs, weights),
        };
    }
}
