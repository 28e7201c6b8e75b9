using Lstm.Training.Layers;
using Lstm.Training.Training;
using Lstm.Training.Training.Callbacks;

namespace Lstm.Training.Tests.Training;

public class CallbackTests
{
    private static readonly LstmClassifierConfig Small = new() { VocabularySize = 60, EmbeddingDim = 12, Units = 10, Dropout = 0.2f, RecurrentDropout = 0.2f };

    /// <summary>The toy task of <see cref="TrainerTests"/>: label = whether token 5 occurs more often than token 6.</summary>
    private static SequenceDataset Toy(int count, int steps, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var seqs = new int[count][];
        var labels = new bool[count];
        for (int i = 0; i < count; i++)
        {
            seqs[i] = Enumerable.Range(0, steps).Select(_ => rng.NextInt(Small.VocabularySize)).ToArray();
            labels[i] = seqs[i].Count(x => x == 5) > seqs[i].Count(x => x == 6);
        }
        return new SequenceDataset(seqs, labels);
    }

    /// <summary>Writes one line per hook, with what the context says at that moment.</summary>
    private sealed class Recorder(List<string> log, string? checkpoint = null) : Callback
    {
        public override void OnTrainBegin(CallbackContext context) =>
            log.Add($"train_begin epochs={context.Epochs} batches={context.Batches} samples={context.Samples} done={context.History.Epochs.Count}");

        public override void OnEpochBegin(int epoch, CallbackContext context) => log.Add($"epoch_begin {epoch}");

        public override void OnBatchEnd(TrainingProgress progress, CallbackContext context) =>
            log.Add($"batch_end {progress.Epoch}.{progress.Batch}/{progress.Batches}");

        public override void OnEpochEnd(EpochResult result, CallbackContext context)
        {
            Assert.Same(context.History.Epochs[^1], result);
            if (checkpoint is not null) Assert.True(File.Exists(checkpoint), "the built-in checkpoint runs before user callbacks");
            log.Add($"epoch_end {result.Epoch}");
        }

        public override void OnTrainEnd(CallbackContext context) => log.Add($"train_end done={context.History.Epochs.Count}");
    }

    private sealed class StopAt(int epoch) : Callback
    {
        public override void OnEpochEnd(EpochResult result, CallbackContext context)
        {
            if (result.Epoch == epoch) context.StopTraining = true;
        }
    }

    private sealed class SetLearningRate(int epoch, float rate) : Callback
    {
        public override void OnEpochBegin(int epoch1, CallbackContext context)
        {
            if (epoch1 == epoch) context.LearningRate = rate;
        }
    }

    private sealed class Throwing : Callback
    {
        public override void OnEpochEnd(EpochResult result, CallbackContext context) => throw new InvalidOperationException("boom");
    }

    private static float[][] Weights(LstmClassifier model) => model.Parameters.Tensors.Select(t => (float[])t.Clone()).ToArray();

    private static void AssertSameRun(History expected, float[][] expectedWeights, History actual, LstmClassifier actualModel)
    {
        Assert.Equal(expected.Loss, actual.Loss);
        Assert.Equal(expected.ValLoss, actual.ValLoss);
        Assert.Equal(expected.Epochs.Select(e => e.LearningRate), actual.Epochs.Select(e => e.LearningRate));
        Assert.Equal(expected.StoppedEarly, actual.StoppedEarly);
        Assert.Equal(expected.RestoredEpoch, actual.RestoredEpoch);
        for (int i = 0; i < expectedWeights.Length; i++) Assert.Equal(expectedWeights[i], actualModel.Parameters.Tensors[i]);
    }

    [Fact]
    public void A_user_callback_sees_every_hook_in_keras_order_after_the_built_in_ones()
    {
        var train = Toy(40, 8, 1);
        var val = Toy(20, 8, 2);
        var log = new List<string>();
        string ckpt = Path.Combine(Path.GetTempPath(), $"lstm-{Guid.NewGuid():N}.lstmckpt");
        try
        {
            var options = new FitOptions
            {
                Epochs = 2,
                BatchSize = 16,
                CheckpointPath = ckpt,
                Progress = p => log.Add(p.EpochResult is null ? $"progress {p.Epoch}.{p.Batch}" : $"progress end {p.Epoch}"),
                Callbacks = [new Recorder(log, ckpt)],
            };
            new Trainer(new LstmClassifier(Small, seed: 1), options).Fit(train, val);
        }
        finally { File.Delete(ckpt); }
        string[] expected =
        [
            "train_begin epochs=2 batches=3 samples=40 done=0",
            "epoch_begin 1",
            "progress 1.1", "batch_end 1.1/3", "progress 1.2", "batch_end 1.2/3", "progress 1.3", "batch_end 1.3/3",
            "progress end 1", "epoch_end 1",
            "epoch_begin 2",
            "progress 2.1", "batch_end 2.1/3", "progress 2.2", "batch_end 2.2/3", "progress 2.3", "batch_end 2.3/3",
            "progress end 2", "epoch_end 2",
            "train_end done=2",
        ];
        Assert.Equal(expected, log);
    }

    [Fact]
    public void A_user_callback_can_stop_training_and_the_stop_survives_a_resume()
    {
        var train = Toy(40, 8, 3);
        var log = new List<string>();
        string ckpt = Path.Combine(Path.GetTempPath(), $"lstm-{Guid.NewGuid():N}.lstmckpt");
        try
        {
            // A ModelCheckpointCallback after the stopping callback (the built-in CheckpointPath one runs before it).
            var options = new FitOptions { Epochs = 6, BatchSize = 16, Callbacks = [new StopAt(2), new ModelCheckpointCallback(ckpt), new Recorder(log)] };
            var history = new Trainer(new LstmClassifier(Small, seed: 1), options).Fit(train);
            Assert.True(history.StoppedEarly);
            Assert.Equal(2, history.Epochs.Count);
            Assert.Null(history.RestoredEpoch);
            Assert.Equal("train_end done=2", log[^1]);
            // The checkpoint was written after the stop was requested, so a resumed run does not go on.
            var resumed = Trainer.Resume(ckpt).Fit(train);
            Assert.True(resumed.StoppedEarly);
            Assert.Equal(2, resumed.Epochs.Count);
        }
        finally { File.Delete(ckpt); }
    }

    [Fact]
    public void A_user_callback_can_change_the_learning_rate()
    {
        var train = Toy(40, 8, 4);
        var options = new FitOptions { Epochs = 3, BatchSize = 16, LearningRate = 0.01f, Callbacks = [new SetLearningRate(2, 0.002f)] };
        var history = new Trainer(new LstmClassifier(Small, seed: 1), options).Fit(train);
        Assert.Equal([0.01f, 0.002f, 0.002f], history.Epochs.Select(e => (float)e.LearningRate));
    }

    [Fact]
    public void EarlyStoppingCallback_in_Callbacks_trains_like_the_EarlyStopping_option()
    {
        var train = Toy(64, 10, 7);
        var val = Toy(64, 10, 8);
        var options = new FitOptions { Epochs = 30, BatchSize = 8, LearningRate = 0.5f };
        var byRecord = new LstmClassifier(Small, seed: 2);
        var expected = new Trainer(byRecord, options with { EarlyStopping = new EarlyStopping(Patience: 2) }).Fit(train, val);
        Assert.True(expected.StoppedEarly && expected.RestoredEpoch is not null, "the run should stop early and restore weights");

        var callback = new EarlyStoppingCallback(new EarlyStopping(Patience: 2));
        for (int run = 0; run < 2; run++) // the same object again starts afresh
        {
            var byCallback = new LstmClassifier(Small, seed: 2);
            var actual = new Trainer(byCallback, options with { Callbacks = [callback] }).Fit(train, val);
            AssertSameRun(expected, Weights(byRecord), actual, byCallback);
        }
    }

    [Fact]
    public void ReduceLearningRateOnPlateauCallback_in_Callbacks_trains_like_the_ReduceLearningRateOnPlateau_option()
    {
        var train = Toy(64, 10, 7);
        var val = Toy(64, 10, 8);
        var schedule = new ReduceLearningRateOnPlateau("val_loss", Factor: 0.5f, Patience: 1, MinDelta: 0, MinLearningRate: 0.05f);
        var options = new FitOptions { Epochs = 8, BatchSize = 8, LearningRate = 0.4f };
        var byRecord = new LstmClassifier(Small, seed: 2);
        var expected = new Trainer(byRecord, options with { ReduceLearningRateOnPlateau = schedule }).Fit(train, val);
        Assert.True(expected.Epochs[^1].LearningRate < 0.4, "the learning rate never dropped");

        var byCallback = new LstmClassifier(Small, seed: 2);
        var actual = new Trainer(byCallback, options with { Callbacks = [new ReduceLearningRateOnPlateauCallback(schedule)] }).Fit(train, val);
        AssertSameRun(expected, Weights(byRecord), actual, byCallback);
    }

    [Fact]
    public void A_callback_that_throws_is_named()
    {
        var train = Toy(20, 8, 5);
        var trainer = new Trainer(new LstmClassifier(Small), new FitOptions { Epochs = 2, BatchSize = 10, Callbacks = [new Throwing()] });
        var ex = Assert.Throws<CallbackException>(() => trainer.Fit(train));
        Assert.Equal(typeof(Throwing), ex.CallbackType);
        Assert.Equal("OnEpochEnd", ex.Hook);
        Assert.Contains(typeof(Throwing).FullName!, ex.Message);
        Assert.Contains("boom", ex.Message);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Single(trainer.History.Epochs);
    }

    [Fact]
    public void Callback_settings_are_checked()
    {
        var train = Toy(20, 8, 6);
        var needsValidation = new Trainer(new LstmClassifier(Small), new FitOptions { Callbacks = [new EarlyStoppingCallback()] });
        Assert.Contains("needs validation data", Assert.Throws<ArgumentException>(() => needsValidation.Fit(train)).Message);
        var unknown = new Trainer(new LstmClassifier(Small), new FitOptions { Callbacks = [new ReduceLearningRateOnPlateauCallback(new("val_auc"))] });
        Assert.Contains("Cannot monitor 'val_auc'", Assert.Throws<ArgumentException>(() => unknown.Fit(train, train)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLearningRateOnPlateauCallback(new(Factor: 1)));
        Assert.Throws<ArgumentException>(() => new Trainer(new LstmClassifier(Small), new FitOptions { Callbacks = [null!] }));
    }
}
