namespace Lstm.Training.Training.Callbacks;

/// <summary>The metrics that <see cref="EarlyStoppingCallback"/> and <see cref="ReduceLearningRateOnPlateauCallback"/> can monitor, under Keras's names.</summary>
internal static class MonitoredMetric
{
    public static void Check(string monitor, bool hasValidation)
    {
        if (monitor is not ("val_loss" or "val_accuracy" or "loss" or "accuracy"))
            throw new ArgumentException($"Cannot monitor '{monitor}': expected val_loss, val_accuracy, loss or accuracy.");
        if (monitor.StartsWith("val_", StringComparison.Ordinal) && !hasValidation)
            throw new ArgumentException($"Monitoring '{monitor}' needs validation data.", "validation");
    }

    public static double Value(EpochResult result, string monitor) => monitor switch
    {
        "val_loss" => result.ValLoss!.Value,
        "val_accuracy" => result.ValAccuracy!.Value,
        "loss" => result.Loss,
        _ => result.Accuracy,
    };
}
