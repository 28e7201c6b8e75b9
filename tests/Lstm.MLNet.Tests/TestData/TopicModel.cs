using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>
/// A multi-class model trained once per test class on <see cref="SyntheticTopics"/>: <c>MapValueToKey("Label", "Topic")</c>
/// → the multi-class trainer, with the held-out rows keyed by the same mapping.
/// </summary>
public sealed class TopicModel : IDisposable
{
    public TopicModel()
    {
        var train = MLContext.Data.LoadFromEnumerable(SyntheticTopics.Make(240));
        KeyMapping = MLContext.Transforms.Conversion.MapValueToKey("Label", nameof(TopicText.Topic)).Fit(train);
        Test = KeyMapping.Transform(MLContext.Data.LoadFromEnumerable(TestRows));
        Model = MLContext.MulticlassClassification.Trainers.Lstm(Options()).Fit(KeyMapping.Transform(train));
    }

    public MLContext MLContext { get; } = new(seed: 1);

    /// <summary>Topic → Label key, fitted on the training rows.</summary>
    public ITransformer KeyMapping { get; }

    public TopicText[] TestRows { get; } = SyntheticTopics.Make(90, seed: 9);

    /// <summary>The held-out rows with their Label key.</summary>
    public IDataView Test { get; }

    public LstmTransformer Model { get; }

    /// <summary>Small settings that learn the topics in about a second.</summary>
    public static LstmMulticlassTrainer.Options Options() => new()
    {
        MaxLength = 20,
        NumWords = 60,
        EmbeddingDim = 8,
        Units = 8,
        Epochs = 8,
        BatchSize = 16,
        LearningRate = 0.02f,
    };

    public void Dispose() => Model.Dispose();
}

/// <summary>The multi-class columns, read as a PredictionEngine or CreateEnumerable reads them.</summary>
public sealed class TopicPrediction
{
    public float[] Score { get; set; } = [];

    public uint PredictedLabel { get; set; }
}
