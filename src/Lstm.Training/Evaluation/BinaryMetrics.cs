namespace Lstm.Training.Evaluation;

/// <summary>
/// Threshold-free and thresholded metrics of a binary classifier from its scores: ROC AUC, the confusion matrix at a
/// probability of 0.5, and precision, recall and F1 of the positive class.
/// </summary>
public static class BinaryMetrics
{
    /// <summary>
    /// Exact area under the ROC curve: the probability that a random positive scores above a random negative, a tie
    /// counting one half (the Mann-Whitney U statistic over nPositive × nNegative). Computed by sorting, tied scores
    /// taking their mean rank (midranks), in O(n log n). Any score increasing with the probability (logits,
    /// probabilities) gives the same value; logits avoid the ties float probabilities make at 0 and 1.
    /// </summary>
    /// <returns>The AUC, or NaN when either class is absent.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or a score is NaN.</exception>
    public static double RocAuc(ReadOnlySpan<float> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Length != labels.Count) throw new ArgumentException($"{scores.Length} scores but {labels.Count} labels.", nameof(labels));
        int n = scores.Length;
        var order = new int[n];
        var keys = new float[n];
        for (int i = 0; i < n; i++)
        {
            if (float.IsNaN(scores[i])) throw new ArgumentException($"Score {i} is NaN.", nameof(scores));
            order[i] = i;
            keys[i] = scores[i];
        }
        Array.Sort(keys, order);
        long positives = 0;
        double positiveRankSum = 0;
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            // Ranks start+1 … end (1-based) share their mean.
            double midrank = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++)
            {
                if (!labels[order[i]]) continue;
                positives++;
                positiveRankSum += midrank;
            }
            start = end;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double)positives * negatives);
    }

    /// <summary>
    /// The 2 × 2 confusion matrix (class 0 negative, class 1 positive; rows actual, columns predicted): a logit above
    /// 0, i.e. a probability above 0.5, predicts positive, as <see cref="Losses.EvaluationResult"/>'s accuracy counts.
    /// </summary>
    public static ConfusionMatrix Confusion(ReadOnlySpan<float> logits, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Length != labels.Count) throw new ArgumentException($"{logits.Length} logits but {labels.Count} labels.", nameof(labels));
        var matrix = new ConfusionMatrix(2);
        for (int i = 0; i < logits.Length; i++) matrix.Add(labels[i] ? 1 : 0, logits[i] > 0 ? 1 : 0);
        return matrix;
    }

    /// <summary>The logistic sigmoid in double precision.</summary>
    public static double Sigmoid(float logit) => 1.0 / (1.0 + Math.Exp(-(double)logit));
}
