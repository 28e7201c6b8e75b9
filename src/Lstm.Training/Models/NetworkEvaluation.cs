using Lstm.Training.Losses;
using Lstm.Training.Training;

namespace Lstm.Training.Models;

/// <summary>A network's loss and metrics on labelled sequences, as Keras's <c>model.evaluate</c> reports them.</summary>
/// <param name="Task">The head's task, which says which metrics are set.</param>
/// <param name="Loss">Mean loss (binary or sparse categorical cross-entropy in nats, or mean squared error), weighted by the example weights.</param>
/// <param name="Accuracy">Fraction classified right (classifiers); null for regression.</param>
/// <param name="MeanAbsoluteError">Mean absolute error over all outputs (regression); null for classifiers.</param>
/// <param name="RootMeanSquaredError">Root of the unweighted mean squared error (regression); null for classifiers.</param>
/// <param name="Count">Examples evaluated.</param>
public sealed record NetworkEvaluation(TaskKind Task, double Loss, double? Accuracy, double? MeanAbsoluteError, double? RootMeanSquaredError, int Count)
{
    /// <summary>Computes the loss and metrics from raw head outputs ([rows, outputs]).</summary>
    public static NetworkEvaluation FromOutputs(NetworkSpec spec, ReadOnlySpan<float> outputs, SequenceDataset data)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(data);
        int k = spec.Outputs, n = data.Count;
        double loss = 0, weights = 0, metric = 0, squares = 0;
        for (int i = 0; i < n; i++)
        {
            var row = outputs.Slice(i * k, k);
            double w = data.Weight(i);
            var (rowLoss, rowMetric) = HeadLoss.Evaluate(spec, row, data.TargetRow(i));
            loss += w * rowLoss;
            weights += w;
            metric += rowMetric;
            if (spec.Task == TaskKind.Regression) squares += MeanSquaredError.Loss(row, data.TargetRow(i));
        }
        double meanLoss = weights > 0 ? loss / weights : 0;
        return spec.Task == TaskKind.Regression
            ? new NetworkEvaluation(spec.Task, meanLoss, null, metric / n, Math.Sqrt(squares / n), n)
            : new NetworkEvaluation(spec.Task, meanLoss, metric / n, null, null, n);
    }
}
