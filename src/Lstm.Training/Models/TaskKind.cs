namespace Lstm.Training.Models;

/// <summary>What the network's head predicts, and so its activation and loss.</summary>
public enum TaskKind
{
    /// <summary><c>Dense(1, sigmoid)</c> with binary cross-entropy; metric accuracy (threshold 0.5).</summary>
    BinaryClassification,

    /// <summary><c>Dense(K, softmax)</c> with sparse categorical cross-entropy; metric accuracy.</summary>
    MulticlassClassification,

    /// <summary><c>Dense(K)</c> (linear) with mean squared error; metric mean absolute error.</summary>
    Regression,
}
