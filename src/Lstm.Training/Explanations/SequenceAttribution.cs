namespace Lstm.Training.Explanations;

/// <summary>
/// Integrated gradients of one output for one padded id sequence: an attribution per step, in the output's units
/// (logits for classifiers, values for regression), and the completeness check, Σ attributions ≈ f(x) − f(baseline).
/// </summary>
/// <param name="Output">The head output explained (class index for multi-class).</param>
/// <param name="Score">f(x): the raw output (logit or value) for the input.</param>
/// <param name="BaselineScore">f(baseline): the raw output for the baseline input.</param>
/// <param name="Steps">Attribution of each step of the padded sequence, [steps]: (x_t − baseline_t) · mean gradient, summed over the embedding width.</param>
/// <param name="PathPoints">Forward and backward passes the path took (m, or m + 1 for the trapezoid rule).</param>
public sealed record SequenceAttribution(int Output, double Score, double BaselineScore, double[] Steps, int PathPoints)
{
    /// <summary>Σ attributions over every step.</summary>
    public double Sum => Steps.Sum();

    /// <summary>f(x) − f(baseline): what the attributions should add up to.</summary>
    public double Difference => Score - BaselineScore;

    /// <summary>|<see cref="Sum"/> − <see cref="Difference"/>| / max(|<see cref="Difference"/>|, 1e-6): how far the path integral is from exact.</summary>
    public double RelativeError => Math.Abs(Sum - Difference) / Math.Max(Math.Abs(Difference), 1e-6);
}
