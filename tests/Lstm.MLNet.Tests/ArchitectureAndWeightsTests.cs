using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Lstm.MLNet.Tests;

/// <summary>The architecture options (Keras's layer names), example weights and class weights reach the trained network.</summary>
public sealed class ArchitectureAndWeightsTests
{
    private static LstmTrainer.Options Small() => new()
    {
        MaxLength = 20,
        NumWords = 60,
        EmbeddingDim = 8,
        Units = 6,
        Epochs = 6,
        BatchSize = 16,
        LearningRate = 0.02f,
    };

    [Fact]
    public void AStackedBidirectionalMaskedGru_WithMaxPooling_LearnsAndSavesItsShape()
    {
        var ml = new MLContext(seed: 1);
        var options = Small();
        options.RecurrentKind = RecurrentKind.Gru;
        options.Layers = 2;
        options.Bidirectional = true;
        options.MaskZero = true;
        options.Pooling = PoolingKind.Max;
        using var model = ml.BinaryClassification.Trainers.Lstm(options).Fit(ml.Data.LoadFromEnumerable(SyntheticReviews.Make(160)));
        var network = model.Metadata.Network;
        Assert.Equal("Embedding(60, 8, mask_zero=True) -> Bidirectional(GRU(6, dropout=0.2, recurrent_dropout=0.2, return_sequences=True)) -> "
            + "Bidirectional(GRU(6, dropout=0.2, recurrent_dropout=0.2, return_sequences=True)) -> GlobalMaxPooling1D() -> Dense(1, sigmoid)", network.Describe());

        var test = ml.Data.LoadFromEnumerable(SyntheticReviews.Make(60, seed: 9));
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(test));
        Assert.InRange(metrics.Accuracy, 0.85, 1.0);

        using var temp = new TempDirectory();
        ml.Model.Save(model, test.Schema, temp.File("gru.zip"));
        var loaded = ml.Model.Load(temp.File("gru.zip"), out _);
        try
        {
            var expected = model.Transform(test).GetColumn<float>("Probability").ToArray();
            var actual = loaded.Transform(test).GetColumn<float>("Probability").ToArray();
            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5f);
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void ExampleWeights_OfZero_TakeRowsOutOfTheLoss_AndInvalidOnesSkipRows()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => { if (e.Kind == ChannelMessageKind.Warning) lock (messages) messages.Add(e.RawMessage); };
        // Negative reviews weigh 0: the model only ever sees positive ones and calls everything positive.
        var rows = SyntheticReviews.Make(96).Select((r, i) => new WeightedReview { Text = r.Text, Label = r.Label, Weight = i == 1 ? float.NaN : r.Label ? 1f : 0f }).ToArray();
        var options = Small();
        options.ExampleWeightColumnName = nameof(WeightedReview.Weight);
        options.Log = ml;
        using var model = ml.BinaryClassification.Trainers.Lstm(options).Fit(ml.Data.LoadFromEnumerable(rows));
        Assert.Contains("Skipped 1 rows of the training data with a missing label or an invalid weight.", messages);
        var predicted = model.Transform(ml.Data.LoadFromEnumerable(SyntheticReviews.Make(40, seed: 9))).GetColumn<bool>("PredictedLabel").ToArray();
        Assert.All(predicted, Assert.True);
    }

    [Fact]
    public void ClassWeight_OfZero_TakesAClassOutOfTheLoss()
    {
        var ml = new MLContext(seed: 1);
        var options = Small();
        options.ClassWeight = new Dictionary<bool, float> { [true] = 0f };
        using var model = ml.BinaryClassification.Trainers.Lstm(options).Fit(ml.Data.LoadFromEnumerable(SyntheticReviews.Make(96)));
        var predicted = model.Transform(ml.Data.LoadFromEnumerable(SyntheticReviews.Make(40, seed: 9))).GetColumn<bool>("PredictedLabel").ToArray();
        Assert.All(predicted, Assert.False);
    }

    [Fact]
    public void TheMulticlassTrainer_StopsWhenCancelled()
    {
        var ml = new MLContext(seed: 1);
        using var cancellation = new CancellationTokenSource();
        var options = TopicModel.Options();
        options.Epochs = 1_000;
        options.Log = ml;
        options.CancellationToken = cancellation.Token;
        ml.Log += (_, e) =>
        {
            if (e.RawMessage.StartsWith("Epoch 2/", StringComparison.Ordinal)) cancellation.Cancel();
        };
        var data = ml.Transforms.Conversion.MapValueToKey("Label", "Topic").Fit(ml.Data.LoadFromEnumerable(SyntheticTopics.Make(48))).Transform(ml.Data.LoadFromEnumerable(SyntheticTopics.Make(48)));
        Assert.ThrowsAny<OperationCanceledException>(() => ml.MulticlassClassification.Trainers.Lstm(options).Fit(data));
    }

    private sealed class WeightedReview
    {
        public string Text { get; set; } = "";

        public bool Label { get; set; }

        public float Weight { get; set; }
    }
}
