using Lstm.MLNet.Tests.TestData;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Lstm.MLNet.Tests;

public sealed class TrainingLogTests
{
    private static LstmTrainer.Options Small() => new()
    {
        MaxLength = 20,
        NumWords = 60,
        EmbeddingDim = 4,
        Units = 4,
        Epochs = 2,
        BatchSize = 16,
    };

    [Fact]
    public void Progress_ReachesMLContextLog_WhenTheContextIsGivenAsLog()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<(ChannelMessageKind Kind, string Source, string Message)>();
        ml.Log += (_, e) => { lock (messages) messages.Add((e.Kind, e.Source, e.RawMessage)); };
        var options = Small();
        options.Log = ml;
        options.ValidationSet = ml.Data.LoadFromEnumerable(SyntheticReviews.Make(32, seed: 9));
        using var model = ml.BinaryClassification.Trainers.Lstm(options).Fit(ml.Data.LoadFromEnumerable(SyntheticReviews.Make(64)));

        var info = messages.Where(m => m.Kind == ChannelMessageKind.Info && m.Source.Contains("LstmTrainer", StringComparison.Ordinal)).Select(m => m.Message).ToArray();
        Assert.Contains(info, m => m.StartsWith("Training on 64 reviews, validating on 32", StringComparison.Ordinal));
        Assert.Contains(info, m => m == $"Kernels: {Lstm.Training.Kernels.CpuKernels.Description}.");
        Assert.Contains(info, m => m.StartsWith("Epoch 1/2: loss ", StringComparison.Ordinal) && m.Contains("val_accuracy", StringComparison.Ordinal));
        Assert.Contains(info, m => m.StartsWith("Epoch 2/2: loss ", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Kind == ChannelMessageKind.Trace && m.Message.Contains("batch", StringComparison.Ordinal));
        Assert.Equal(2, model.TrainingHistory!.Epochs.Count);
        Assert.NotNull(model.TrainingHistory.Epochs[0].ValAccuracy);
    }

    [Fact]
    public void ACancelledToken_StopsTraining()
    {
        var ml = new MLContext(seed: 1);
        using var cancellation = new CancellationTokenSource();
        var options = Small();
        options.Epochs = 1_000;
        options.Log = ml;
        options.CancellationToken = cancellation.Token;
        ml.Log += (_, e) =>
        {
            if (e.RawMessage.StartsWith("Epoch 2/", StringComparison.Ordinal)) cancellation.Cancel();
        };
        var trainer = ml.BinaryClassification.Trainers.Lstm(options);
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Fit(ml.Data.LoadFromEnumerable(SyntheticReviews.Make(64))));
    }

    [Fact]
    public void EarlyStopping_OnTheValidationLoss_EndsTheRunAndRestoresTheBestEpoch()
    {
        var ml = new MLContext(seed: 1);
        var options = Small();
        options.Epochs = 40;
        options.LearningRate = 0.05f;
        options.EarlyStoppingPatience = 1;
        options.ValidationSet = ml.Data.LoadFromEnumerable(SyntheticReviews.Make(32, seed: 9));
        using var model = ml.BinaryClassification.Trainers.Lstm(options).Fit(ml.Data.LoadFromEnumerable(SyntheticReviews.Make(64)));
        var history = model.TrainingHistory!;
        Assert.True(history.StoppedEarly);
        Assert.True(history.Epochs.Count < 40);
        Assert.NotNull(history.RestoredEpoch);
    }

    [Fact]
    public void EarlyStopping_WithoutAValidationSet_SelectsOnAStratifiedPartOfTheTrainingRows()
    {
        var ml = new MLContext(seed: 1);
        var messages = new List<string>();
        ml.Log += (_, e) => messages.Add(e.RawMessage);
        var options = Small();
        options.Epochs = 40;
        options.LearningRate = 0.05f;
        options.EarlyStoppingPatience = 1;
        options.ValidationFraction = 0.25;
        options.Log = ml;
        using var model = ml.BinaryClassification.Trainers.Lstm(options).Fit(ml.Data.LoadFromEnumerable(SyntheticReviews.Make(64)));
        var history = model.TrainingHistory!;
        Assert.True(history.StoppedEarly);
        Assert.All(history.Epochs, e => Assert.NotNull(e.ValLoss));
        Assert.Contains(messages, m => m.StartsWith("Early stopping selects on 16 of the 64 training rows (ValidationFraction 0.25, stratified, seed", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Training on 48 reviews, validating on 16;", StringComparison.Ordinal));
    }
}
