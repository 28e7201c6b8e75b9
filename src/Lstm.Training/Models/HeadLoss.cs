using Lstm.Training.Losses;

namespace Lstm.Training.Models;

/// <summary>The head's loss, its gradient and the task's per-row metric (correct = 1 for classifiers, mean absolute error for regression).</summary>
internal static class HeadLoss
{
    /// <summary>The row's loss and metric; <paramref name="target"/> is 0/1 (binary), the class index (multi-class) or the values (regression).</summary>
    public static (double Loss, double Metric) Evaluate(NetworkSpec spec, ReadOnlySpan<float> outputs, ReadOnlySpan<float> target)
    {
        switch (spec.Task)
        {
            case TaskKind.BinaryClassification:
                {
                    bool label = target[0] > 0.5f;
                    return (BinaryCrossEntropy.Loss(outputs[0], label), outputs[0] > 0 == label ? 1 : 0);
                }
            case TaskKind.MulticlassClassification:
                {
                    int label = (int)target[0];
                    return (SoftmaxCrossEntropy.Loss(outputs, label), SoftmaxCrossEntropy.ArgMax(outputs) == label ? 1 : 0);
                }
            default:
                return (MeanSquaredError.Loss(outputs, target), MeanSquaredError.AbsoluteError(outputs, target));
        }
    }

    /// <summary>Writes dL/d(outputs) × <paramref name="scale"/> into <paramref name="gradient"/>.</summary>
    public static void Gradient(NetworkSpec spec, ReadOnlySpan<float> outputs, ReadOnlySpan<float> target, float scale, Span<float> gradient)
    {
        switch (spec.Task)
        {
            case TaskKind.BinaryClassification:
                gradient[0] = BinaryCrossEntropy.Gradient(outputs[0], target[0] > 0.5f) * scale;
                break;
            case TaskKind.MulticlassClassification:
                SoftmaxCrossEntropy.Softmax(outputs, gradient);
                gradient[(int)target[0]] -= 1f;
                for (int j = 0; j < gradient.Length; j++) gradient[j] *= scale;
                break;
            default:
                for (int j = 0; j < gradient.Length; j++) gradient[j] = 2f * (outputs[j] - target[j]) / gradient.Length * scale;
                break;
        }
    }
}
