namespace Lstm.Training.Training.Callbacks;

/// <summary>The metrics that <see cref="EarlyStoppingCallback"/> and <see cref="ReduceLearningRateOnPlateauCallback"/> can monitor, under Keras's names.</summary>
internal static class MonitoredMetric
{
    public static void Check(string monitor, bool hasValidation, Models.TaskKind task = Models.TaskKind.BinaryClassification)
    {
        bool regression = task == Models.TaskKind.Regression;
        if (regression ? monitor is not ("val_loss" or "val_mae" or "loss" or "mae") : monitor is not ("val_loss" or "val_accuracy" or "loss" or "accuracy"))
            throw new ArgumentException(regression
                ? $"Cannot monitor '{monitor}' for regression: expected val_loss, val_mae, loss or mae."
                : $"Cannot monitor '{monitor}': expected val_loss, val_accuracy, loss or accuracy.");
        if (monitor.StartsWith("val_", StringComparison.Ordinal) && !hasValidation)
            throw new ArgumentException($"Monitoring '{monitor}' needs validation data.", "validation");
    }

    public static double Value(EpochResult result, string monitor) => monitor switch
    {
        "val_loss" => result.ValLoss!.Value,
        "val_accuracy" => result.ValAccuracy!.Value,
        "loss" => result.Loss,
        "val_mae" => result.ValMeanAbsoluteError!.Value,
        "mae" => result.MeanAbsoluteError!.Value,
        _ => result.Accuracy,
    };
}
