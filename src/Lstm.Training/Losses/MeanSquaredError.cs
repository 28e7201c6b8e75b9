namespace Lstm.Training.Losses;

/// <summary>Keras's mean squared error over a row's outputs, and the mean absolute error it reports beside it.</summary>
public static class MeanSquaredError
{
    /// <summary>Σ_k (y_k − t_k)² / K.</summary>
    public static double Loss(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets)
    {
        double sum = 0;
        for (int k = 0; k < outputs.Length; k++)
        {
            double d = outputs[k] - (double)targets[k];
            sum += d * d;
        }
        return sum / outputs.Length;
    }

    /// <summary>Σ_k |y_k − t_k| / K.</summary>
    public static double AbsoluteError(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets)
    {
        double sum = 0;
        for (int k = 0; k < outputs.Length; k++) sum += Math.Abs(outputs[k] - (double)targets[k]);
        return sum / outputs.Length;
    }
}
