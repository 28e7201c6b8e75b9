namespace Lstm.Training.Losses;

/// <summary>Mean binary cross-entropy and accuracy (threshold 0.5) over a labelled set, as Keras's <c>evaluate</c> reports them.</summary>
/// <param name="Loss">Mean binary cross-entropy.</param>
/// <param name="Accuracy">Fraction of examples whose probability is on the label's side of 0.5.</param>
/// <param name="Count">Number of examples.</param>
public sealed record EvaluationResult(double Loss, double Accuracy, int Count)
{
    /// <summary>Computes the metrics from logits.</summary>
    public static EvaluationResult FromLogits(ReadOnlySpan<float> logits, IReadOnlyList<bool> labels)
    {
        double loss = 0;
        int correct = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            loss += BinaryCrossEntropy.Loss(logits[i], labels[i]);
            if (logits[i] > 0 == labels[i]) correct++;
        }
        int n = Math.Max(1, logits.Length);
        return new EvaluationResult(loss / n, (double)correct / n, logits.Length);
    }
}
