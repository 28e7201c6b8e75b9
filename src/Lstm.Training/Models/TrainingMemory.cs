using Lstm.Training.Training;

namespace Lstm.Training.Models;

/// <summary>
/// The memory a training run will need, estimated before anything large is allocated, so that settings that cannot fit
/// are refused with the estimate instead of being killed by the operating system minutes later.
/// </summary>
public static class TrainingMemory
{
    /// <summary>
    /// Bytes for the weights with their gradients, Adam's moments, transposes and a best-weights copy; the encoded
    /// examples; and the per-slice activations of one batch (slices of 8 sequences, every step kept for backpropagation).
    /// </summary>
    public static long Estimate(NetworkSpec spec, int maxLength, int batchSize, long examples)
    {
        ArgumentNullException.ThrowIfNull(spec);
        long weights = NetworkParameters.ValueCount(spec) * sizeof(float) * 6;
        long encoded = examples * maxLength * sizeof(int);
        long perStep = spec.InputWidth * 2L;
        long input = spec.InputWidth;
        foreach (var layer in spec.Recurrent)
        {
            // Per direction: inputs, gates (twice for GRU), previous and current hidden state, cells; then the outputs and their gradients.
            perStep += layer.Directions * (input + 2L * layer.GateWidth + 3L * layer.Units) + 2L * layer.OutputWidth;
            input = layer.OutputWidth;
        }
        long slices = (batchSize + NetworkBatchTrainer.SliceRows - 1L) / NetworkBatchTrainer.SliceRows;
        long activations = slices * NetworkBatchTrainer.SliceRows * maxLength * perStep * sizeof(float);
        return weights + encoded + activations;
    }

    /// <summary>Bytes this process may still use: the runtime's limit (memory, container or GC heap limit) less what it uses now.</summary>
    public static long Available()
    {
        var info = GC.GetGCMemoryInfo();
        return Math.Max(0, info.TotalAvailableMemoryBytes - GC.GetTotalMemory(forceFullCollection: false));
    }

    /// <summary>Throws when <see cref="Estimate"/> exceeds what is <see cref="Available"/>, naming the settings that decide it.</summary>
    /// <exception cref="ArgumentException">The run would not fit in memory.</exception>
    public static void EnsureFits(NetworkSpec spec, int maxLength, int batchSize, long examples)
    {
        long needed = Estimate(spec, maxLength, batchSize, examples), available = Available();
        if (needed <= available) return;
        throw new ArgumentException(FormattableString.Invariant(
            $"Training would need about {Gigabytes(needed)} of memory (batch size {batchSize}, max length {maxLength}, {examples:N0} examples, {NetworkParameters.ValueCount(spec):N0} weights) but about {Gigabytes(available)} is available; lower the batch size, the max length or the model's size."));
    }

    private static string Gigabytes(long bytes) => FormattableString.Invariant($"{bytes / (1024.0 * 1024 * 1024):0.0} GB");
}
