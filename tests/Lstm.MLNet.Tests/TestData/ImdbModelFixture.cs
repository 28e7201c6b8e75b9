using System.Diagnostics;
using Lstm.Training.Data;
using Lstm.Training.Tests.TestData;
using Microsoft.ML;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>
/// One small LSTM trained once per test run on a real IMDB subset (6,000 training reviews, 1,000 held-out test
/// reviews, MaxLength 120, EmbeddingDim = Units = 32, 3 epochs, learning rate 0.003), shared by the tests of the
/// <see cref="ImdbModelCollection"/>. Null members when the archive is missing (the tests then are skipped, or fail under CI).
/// </summary>
public sealed class ImdbModelFixture : IDisposable
{
    public const int TrainCount = 6_000;
    public const int TestCount = 1_000;

    public ImdbModelFixture()
    {
        if (SharedDataArchive.Find() is not { } archive) return;
        var imdb = ImdbArchive.Load(archive).Subset(TrainCount, TestCount, seed: 11);
        Train = imdb.Train.Select(r => new Review { Text = r.Text, Label = r.Label }).ToArray();
        Test = imdb.Test.Select(r => new Review { Text = r.Text, Label = r.Label }).ToArray();
        MLContext = new MLContext(seed: 1);
        TrainData = MLContext.Data.LoadFromEnumerable(Train);
        TestData = MLContext.Data.LoadFromEnumerable(Test);
        Options = new LstmTrainer.Options
        {
            MaxLength = 120,
            EmbeddingDim = 32,
            Units = 32,
            Epochs = 3,
            LearningRate = 0.003f,
            Seed = 5,
        };
        var clock = Stopwatch.StartNew();
        Model = MLContext.BinaryClassification.Trainers.Lstm(Options).Fit(TrainData);
        TrainingTime = clock.Elapsed;
    }

    public MLContext MLContext { get; } = new();

    public LstmTrainer.Options Options { get; } = new();

    public Review[] Train { get; } = [];

    public Review[] Test { get; } = [];

    public IDataView? TrainData { get; }

    public IDataView? TestData { get; }

    public LstmTransformer? Model { get; }

    public TimeSpan TrainingTime { get; }

    public bool Available => Model is not null;

    public void Dispose() => Model?.Dispose();
}

[CollectionDefinition(Name)]
public sealed class ImdbModelCollection : ICollectionFixture<ImdbModelFixture>
{
    public const string Name = "Trained IMDB model";
}
