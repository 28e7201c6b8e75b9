namespace Lstm.Training.Losses;

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
    /// <remarks>Computed with the trainer's own exp, so that the gradient, and so the trained weights, are the same
    /// bits on every CPU and operating system (the runtime's <c>MathF.Exp</c> comes from the platform's C library).</remarks>
    public static float Sigmoid(float z) => Kernels.ScalarActivations.Sigmoid(z);
}
