namespace Lstm.Training.Losses;

/// <summary>Keras's sparse categorical cross-entropy computed from logits (numerically stable).</summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>log Σ_k e^{z_k} − z_label.</summary>
    public static double Loss(ReadOnlySpan<float> logits, int label)
    {
        float max = Max(logits);
        double sum = 0;
        foreach (float z in logits) sum += Math.Exp(z - max);
        return Math.Log(sum) + max - logits[label];
    }

    /// <summary>Softmax of <paramref name="logits"/> into <paramref name="probabilities"/> (may alias).</summary>
    public static void Softmax(ReadOnlySpan<float> logits, Span<float> probabilities)
    {
        float max = Max(logits);
        double sum = 0;
        for (int k = 0; k < logits.Length; k++)
        {
            double e = Math.Exp(logits[k] - max);
            probabilities[k] = (float)e;
            sum += e;
        }
        for (int k = 0; k < probabilities.Length; k++) probabilities[k] = (float)(probabilities[k] / sum);
    }

    /// <summary>Index of the largest logit (the first on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++)
            if (values[k] > values[best]) best = k;
        return best;
    }

    private static float Max(ReadOnlySpan<float> values)
    {
        float max = float.NegativeInfinity;
        foreach (float v in values) max = Math.Max(max, v);
        return max;
    }
}
