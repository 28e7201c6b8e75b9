namespace Lstm.Training.Training;

/// <summary>Binary cross-entropy computed from the logit z (numerically stable), as Keras does with from_logits=True.</summary>
public static class BinaryCrossEntropy
{
    /// <summary>−y·log σ(z) − (1−y)·log(1−σ(z)) = max(z, 0) − z·y + log(1 + e^{−|z|}).</summary>
    public static double Loss(float logit, bool label)
    {
        double z = logit;
        return Math.Max(z, 0) - (label ? z : 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
    }

    /// <summary>dLoss/dz = σ(z) − y.</summary>
    public static float Gradient(float logit, bool label) => Sigmoid(logit) - (label ? 1f : 0f);

    /// <summary>The logistic function.</summary>
    public static float Sigmoid(float z) => z >= 0 ? 1f / (1f + MathF.Exp(-z)) : MathF.Exp(z) / (1f + MathF.Exp(z));
}
