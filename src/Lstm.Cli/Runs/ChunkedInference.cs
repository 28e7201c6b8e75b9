using Lstm.Training.Layers;

namespace Lstm.Cli.Runs;

/// <summary>
/// Runs <see cref="LstmClassifier.PredictLogits"/> over many sequences in chunks, so that Ctrl+C is honoured between
/// chunks and a caller can show progress. Each sequence's logit does not depend on the chunking.
/// </summary>
internal static class ChunkedInference
{
    /// <summary>Sequences per chunk.</summary>
    public const int ChunkSize = 1024;

    /// <summary>The logits of all <paramref name="sequences"/>; <paramref name="progress"/> gets the count done after each chunk.</summary>
    public static float[] PredictLogits(LstmClassifier model, IReadOnlyList<int[]> sequences, int? threads, Action<int>? progress, CancellationToken ct)
    {
        var logits = new float[sequences.Count];
        for (int start = 0; start < sequences.Count; start += ChunkSize)
        {
            ct.ThrowIfCancellationRequested();
            int count = Math.Min(ChunkSize, sequences.Count - start);
            var chunk = new int[count][];
            for (int i = 0; i < count; i++) chunk[i] = sequences[start + i];
            model.PredictLogits(chunk, maxDegreeOfParallelism: threads).CopyTo(logits, start);
            progress?.Invoke(start + count);
        }
        return logits;
    }
}
