using Lstm.Training.Models;
using Lstm.Training.Text;

namespace Lstm.Training.Explanations;

/// <summary>
/// Occlusion: take one token out at a time and re-score. A token's score is f(x) − f(x without it), in the output's
/// units: positive when the token pushed the output up. A cheap cross-check of <see cref="IntegratedGradients"/>
/// (one forward pass per token, no gradients), blind to what tokens do only together.
/// </summary>
public static class Occlusion
{
    /// <summary>
    /// The occlusion score of each step of <paramref name="ids"/> (one padded sequence) for raw output
    /// <paramref name="output"/>: 0 at padding steps (id 0), which hold no token.
    /// </summary>
    /// <param name="network">The network scoring the sequences.</param>
    /// <param name="ids">One padded id sequence.</param>
    /// <param name="output">The head output (class index, or target) scored.</param>
    /// <param name="mode">Whether a token becomes padding in place or is dropped and the row padded again.</param>
    /// <param name="padding">The side the row was padded at, where <see cref="OcclusionMode.Drop"/> adds its padding id.</param>
    /// <exception cref="ArgumentException">An id is outside the vocabulary or the output does not exist.</exception>
    public static double[] Scores(SequenceNetwork network, int[] ids, int output, OcclusionMode mode = OcclusionMode.Replace, PaddingSide padding = PaddingSide.Pre)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(ids);
        if ((uint)output >= (uint)network.Spec.Outputs)
            throw new ArgumentOutOfRangeException(nameof(output), output, $"{network.Spec.Describe()} has {network.Spec.Outputs} outputs.");
        var rows = new List<int[]> { ids };
        var positions = new List<int>();
        for (int t = 0; t < ids.Length; t++)
        {
            if (ids[t] == Vocabulary.PaddingId) continue;
            positions.Add(t);
            rows.Add(mode == OcclusionMode.Replace ? Replaced(ids, t) : Dropped(ids, t, padding));
        }
        // The family's own forward pass, as integrated gradients uses, so that both read the same f(x).
        float[] outputs = network.PredictOutputs(rows, 256, null, general: true);
        int k = network.Spec.Outputs;
        var scores = new double[ids.Length];
        for (int i = 0; i < positions.Count; i++) scores[positions[i]] = outputs[output] - (double)outputs[(i + 1) * k + output];
        return scores;
    }

    private static int[] Replaced(int[] ids, int t)
    {
        var copy = (int[])ids.Clone();
        copy[t] = Vocabulary.PaddingId;
        return copy;
    }

    private static int[] Dropped(int[] ids, int t, PaddingSide padding)
    {
        var copy = new int[ids.Length];
        if (padding == PaddingSide.Pre)
        {
            ids.AsSpan(0, t).CopyTo(copy.AsSpan(1));
            ids.AsSpan(t + 1).CopyTo(copy.AsSpan(t + 1));
        }
        else
        {
            ids.AsSpan(0, t).CopyTo(copy);
            ids.AsSpan(t + 1).CopyTo(copy.AsSpan(t));
        }
        return copy;
    }
}
