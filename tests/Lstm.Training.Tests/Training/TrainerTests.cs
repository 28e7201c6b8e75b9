using Lstm.Training.Layers;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Training;

public class TrainerTests
{
    private static readonly LstmClassifierConfig Small = new() { VocabularySize = 60, EmbeddingDim = 12, Units = 10, Dropout = 0.2f, RecurrentDropout = 0.2f };

    /// <summary>A learnable toy task: label = whether token 5 occurs more often than token 6.</summary>
    private static SequenceDataset Toy(int count, int steps, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var seqs = new int[count][];
        var labels = new bool[count];
        for (int i = 0; i < count; i++)
        {
            seqs[i] = Enumerable.Range(0, steps).Select(_ => rng.NextInt(Small.VocabularySize)).ToArray();
            int fives = seqs[i].Count(x => x == 5), sixes = seqs[i].Count(x => x == 6);
            labels[i] = fives > sixes;
            if (fives == sixes) { seqs[i][rng.NextInt(steps)] = 5; labels[i] = seqs[i].Count(x => x == 5) > sixes; }
        }
        return new SequenceDataset(seqs, labels);
    }

    [Fact]
    public void Same_seed_gives_identical_weights_whatever_the_thread_count()
    {
        var data = Toy(90, 15, 1);
        float[][] Train(int threads)
        {
            var model = new LstmClassifier(Small, seed: 3);
            new Trainer(model, new FitOptions { Epochs = 2, BatchSize = 20, Seed = 9, MaxDegreeOfParallelism = threads }).Fit(data);
            return model.Parameters.Tensors.Select(t => (float[])t.Clone()).ToArray();
        }
        var one = Train(1);
        var two = Train(2);
        var four = Train(4);
        for (int i = 0; i < one.Length; i++)
        {
            Assert.Equal(one[i], two[i]);
            Assert.Equal(one[i], four[i]);
        }
        var other = new LstmClassifier(Small, seed: 3);
        new Trainer(other, new FitOptions { Epochs = 2, BatchSize = 20, Seed = 10 }).Fit(data);
        Assert.NotEqual(one[1], other.Parameters.Kernel); // a different seed changes shuffling and masks
    }

    [Fact]
    public void Loss_decreases_and_the_toy_task_is_learned()
    {
        var train = Toy(600, 20, 2);
        var test = Toy(300, 20, 3);
        var model = new LstmClassifier(Small with { Dropout = 0, RecurrentDropout = 0 }, seed: 1);
        var history = new Trainer(model, new FitOptions { Epochs = 12, BatchSize = 16, LearningRate = 0.01f }).Fit(train, test);
        Assert.True(history.Loss[^1] < history.Loss[0] * 0.7, $"loss {string.Join(", ", history.Loss)}");
        Assert.True(history.ValAccuracy[^1] > 0.8, $"val_accuracy {string.Join(", ", history.ValAccuracy)}");
        var eval = model.Evaluate(test.Sequences, test.Labels);
        Assert.Equal(history.ValAccuracy[^1], eval.Accuracy, 12);
        Assert.Equal(history.ValLoss[^1], eval.Loss, 9);
    }

    [Fact]
    public void Save_then_load_gives_identical_predictions()
    {
        var data = Toy(40, 12, 4);
        var model = new LstmClassifier(Small, seed: 8);
        new Trainer(model, new FitOptions { Epochs = 1, BatchSize = 8 }).Fit(data);
        string path = Path.Combine(Path.GetTempPath(), $"lstm-{Guid.NewGuid():N}.lstm");
        try
        {
            model.Save(path);
            var loaded = LstmClassifier.Load(path);
            Assert.Equal(model.Config, loaded.Config);
            Assert.Equal(model.PredictProbabilities(data.Sequences), loaded.PredictProbabilities(data.Sequences));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}*.tmp"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Resuming_from_a_checkpoint_continues_exactly()
    {
        var train = Toy(70, 10, 5);
        var val = Toy(30, 10, 6);
        var options = new FitOptions { Epochs = 3, BatchSize = 16, Seed = 4, EarlyStopping = new EarlyStopping(Patience: 5) };
        var straight = new LstmClassifier(Small, seed: 2);
        var full = new Trainer(straight, options).Fit(train, val);

        string ckpt = Path.Combine(Path.GetTempPath(), $"lstm-{Guid.NewGuid():N}.lstmckpt");
        try
        {
            var first = new LstmClassifier(Small, seed: 2);
            new Trainer(first, options with { Epochs = 1, CheckpointPath = ckpt }).Fit(train, val);
            var resumed = Trainer.Resume(ckpt, epochs: 3);
            var history = resumed.Fit(train, val);
            Assert.Equal(3, history.Epochs.Count);
            for (int i = 0; i < straight.Parameters.Tensors.Count; i++)
                Assert.Equal(straight.Parameters.Tensors[i], resumed.Model.Parameters.Tensors[i]);
            Assert.Equal(full.ValLoss, history.ValLoss);
        }
        finally { File.Delete(ckpt); }
    }

    [Fact]
    public void Early_stopping_stops_and_restores_the_best_weights()
    {
        var train = Toy(64, 10, 7);
        var val = Toy(64, 10, 8);
        var model = new LstmClassifier(Small, seed: 2);
        // A huge learning rate makes validation loss blow up after the first epochs.
        var history = new Trainer(model, new FitOptions { Epochs = 30, BatchSize = 8, LearningRate = 0.5f, EarlyStopping = new EarlyStopping(Patience: 2) }).Fit(train, val);
        Assert.True(history.StoppedEarly);
        Assert.True(history.Epochs.Count < 30);
        int best = history.RestoredEpoch!.Value;
        Assert.Equal(history.ValLoss.Min(), history.ValLoss[best - 1]);
        Assert.Equal(history.ValLoss[best - 1], model.Evaluate(val.Sequences, val.Labels).Loss, 9);
    }

    [Fact]
    public void Learning_rate_is_reduced_on_plateau_as_keras_does_and_survives_a_resume()
    {
        var train = Toy(64, 10, 7);
        var val = Toy(64, 10, 8);
        var schedule = new ReduceLearningRateOnPlateau("val_loss", Factor: 0.5f, Patience: 1, MinDelta: 0, MinLearningRate: 0.05f);
        var options = new FitOptions { Epochs = 8, BatchSize = 8, LearningRate = 0.4f, ReduceLearningRateOnPlateau = schedule };
        var model = new LstmClassifier(Small, seed: 2);
        var history = new Trainer(model, options).Fit(train, val);
        // Replay Keras's rule on the recorded val_loss: after each epoch without improvement, halve (floor 0.05).
        double best = double.NaN, lr = 0.4;
        for (int i = 0; i < history.Epochs.Count; i++)
        {
            Assert.Equal(lr, history.Epochs[i].LearningRate, 6);
            double v = history.ValLoss[i];
            if (double.IsNaN(best) || v < best) best = v;
            else lr = Math.Max(lr * 0.5, 0.05);
        }
        Assert.True(history.Epochs[^1].LearningRate < 0.4, "the learning rate never dropped");

        string ckpt = Path.Combine(Path.GetTempPath(), $"lstm-{Guid.NewGuid():N}.lstmckpt");
        try
        {
            var first = new LstmClassifier(Small, seed: 2);
            new Trainer(first, options with { Epochs = 4, CheckpointPath = ckpt }).Fit(train, val);
            var resumed = Trainer.Resume(ckpt, epochs: 8).Fit(train, val);
            Assert.Equal(history.ValLoss, resumed.ValLoss);
            Assert.Equal(history.Epochs.Select(e => e.LearningRate), resumed.Epochs.Select(e => e.LearningRate));
        }
        finally { File.Delete(ckpt); }
    }

    [Fact]
    public void Cancellation_stops_between_batches()
    {
        var data = Toy(200, 10, 9);
        using var cts = new CancellationTokenSource();
        int batches = 0;
        var trainer = new Trainer(new LstmClassifier(Small), new FitOptions { Epochs = 5, BatchSize = 10, Progress = p => { if (++batches == 3) cts.Cancel(); } });
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Fit(data, null, cts.Token));
        Assert.Equal(3, batches);
    }

    [Fact]
    public void Bad_input_is_named()
    {
        var model = new LstmClassifier(Small);
        var trainer = new Trainer(model);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(new SequenceDataset([[1, 2, 3], [4, 99, 5]], [true, false])));
        Assert.Contains("Sequence 1, position 1: id 99", ex.Message);
        var ragged = Assert.Throws<ArgumentException>(() => model.PredictLogits([[1, 2, 3], [4, 5]]));
        Assert.Contains("Sequence 1 has length 2, expected 3", ragged.Message);
        Assert.Throws<ArgumentException>(() => trainer.Fit(new SequenceDataset([[1, 2]], [true, false])));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(model, new FitOptions { BatchSize = 0 }));
        Assert.Throws<ArgumentException>(() => new Trainer(model, new FitOptions { EarlyStopping = new EarlyStopping() }).Fit(new SequenceDataset([[1, 2]], [true])));
        string bad = Path.GetTempFileName();
        try
        {
            File.WriteAllText(bad, "not a model");
            var load = Assert.Throws<InvalidDataException>(() => LstmClassifier.Load(bad));
            Assert.Contains(bad, load.Message);
            var resume = Assert.Throws<InvalidDataException>(() => Trainer.Resume(bad));
            Assert.Contains("not an Lstm.Training checkpoint", resume.Message);
        }
        finally { File.Delete(bad); }
    }

    [Fact]
    public void Adam_matches_the_keras_update_rule()
    {
        var adam = new Adam([3]);
        float[] p = [1f, -2f, 0.5f];
        double[] pd = [1, -2, 0.5], m = new double[3], v = new double[3];
        float[][] grads = [[0.1f, -0.3f, 2f], [0.05f, 0.2f, -1f], [0f, 0.1f, 0.3f]];
        for (int step = 1; step <= 3; step++)
        {
            adam.Step([p], [grads[step - 1]]);
            double lrT = 1e-3 * Math.Sqrt(1 - Math.Pow(0.999, step)) / (1 - Math.Pow(0.9, step));
            for (int i = 0; i < 3; i++)
            {
                double g = grads[step - 1][i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                pd[i] -= lrT * m[i] / (Math.Sqrt(v[i]) + 1e-7);
                Assert.Equal(pd[i], p[i], 6);
            }
        }
    }

    [Fact]
    public void Adam_refuses_tensors_of_other_lengths_than_it_was_built_for()
    {
        var adam = new Adam([3, 2]);
        float[] p = [1f, 2f, 3f], q = [1f, 2f];
        Assert.Contains("Tensor 0: Adam was built for 3 elements; got 3 parameters and 2 gradients",
            Assert.Throws<ArgumentException>(() => adam.Step([p, q], [new float[2], new float[2]])).Message);
        Assert.Contains("built for 2 tensors", Assert.Throws<ArgumentException>(() => adam.Step([p], [new float[3]])).Message);
        Assert.Equal(0, adam.Iterations);
        Assert.Equal([1f, 2f, 3f], p);
    }

    [Fact]
    public void Adam_on_several_threads_gives_the_bits_of_one_thread()
    {
        var random = new SeededRandom(4);
        float[] Fill(int n, float scale) { var x = new float[n]; for (int i = 0; i < n; i++) x[i] = (random.NextSingle() - 0.5f) * scale; return x; }
        float[][] grads = [Fill(200_003, 1f), Fill(17, 0.1f)];
        float[][] one = [Fill(200_003, 1f), Fill(17, 1f)];
        float[][] many = [(float[])one[0].Clone(), (float[])one[1].Clone()];
        var serial = new Adam([200_003, 17]);
        var parallel = new Adam([200_003, 17]);
        for (int step = 0; step < 3; step++)
        {
            serial.Step(one, grads);
            parallel.Step(many, grads, new ParallelOptions { MaxDegreeOfParallelism = 4 });
        }
        Assert.Equal(one[0], many[0]);
        Assert.Equal(one[1], many[1]);
        Assert.Equal(serial.V[0], parallel.V[0]);
    }
}
