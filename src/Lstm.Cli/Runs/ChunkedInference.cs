using Lstm.Training.Models;

namespace Lstm.Cli.Runs;

/// <summary>Runs a network over many sequences in chunks, so that progress can be reported and Ctrl+C stops between chunks.</summary>
internal static class ChunkedInference
{
    /// <summary>Sequences per chunk.</summary>
    public const int ChunkSize = 1024;

    /// <summary>The network's raw outputs ([sequences, outputs]: logits, or values), calling <paramref name="progress"/> with the count done after each chunk.</summary>
    public static float[] PredictOutputs(SequenceNetwork network, IReadOnlyList<int[]> sequences, int? threads, Action<int>? progress, CancellationToken ct)
    {
        int k = network.Spec.Outputs;
        var outputs = new float[(long)sequences.Count * k];
        for (int start = 0; start < sequences.Count; start += ChunkSize)
        {
            ct.ThrowIfCancellationRequested();
            int count = Math.Min(ChunkSize, sequences.Count - start);
            var chunk = new int[count][];
            for (int i = 0; i < count; i++) chunk[i] = sequences[start + i];
            network.PredictOutputs(chunk, maxDegreeOfParallelism: threads).CopyTo(outputs, (long)start * k);
            progress?.Invoke(start + count);
        }
        return outputs;
    }
}
