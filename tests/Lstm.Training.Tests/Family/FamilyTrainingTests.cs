using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Family;

/// <summary>The family's forward pass and trainer against the seed network's kernels, and their determinism.</summary>
public class FamilyTrainingTests
{
    [Fact]
    public void The_family_code_computes_the_seed_network_as_its_own_kernels_do()
    {
        var spec = new NetworkSpec { VocabularySize = 60, EmbeddingDim = 16, Recurrent = [new RecurrentLayerSpec { Units = 24 }] };
        var network = new SequenceNetwork(spec, seed: 9);
        Assert.NotNull(network.Classifier);
        var rng = new SeededRandom(4);
        var sequences = FamilyCases.Sequences(40, 25, 60, rng);
        var kernels = network.PredictOutputs(sequences, 256, null, general: false);
        var family = network.PredictOutputs(sequences, 256, null, general: true);
        for (int i = 0; i < kernels.Length; i++) Assert.True(Math.Abs(kernels[i] - family[i]) < 1e-5, $"row {i}: {kernels[i]} vs {family[i]}");
    }

    [Fact]
    public void The_seed_shape_initialises_as_LstmClassifier_does()
    {
        var config = new LstmClassifierConfig { VocabularySize = 40, EmbeddingDim = 8, Units = 6 };
        var classifier = new LstmClassifier(config, seed: 77);
        var network = new SequenceNetwork(NetworkSpec.FromClassifierConfig(config), seed: 77);
        for (int i = 0; i < classifier.Parameters.Tensors.Count; i++) Assert.Equal(classifier.Parameters.Tensors[i], network.Parameters.Tensors[i]);
    }

    [Fact]
    public void A_weighted_epoch_of_the_seed_network_matches_its_own_kernels_within_float_error()
    {
        // Weights of 1 take the family's code path; without weights, the classifier's kernels. Same maths, same random draws.
        var spec = new NetworkSpec { VocabularySize = 30, EmbeddingDim = 8, Recurrent = [new RecurrentLayerSpec { Units = 6 }] };
        var rng = new SeededRandom(5);
        var sequences = FamilyCases.Sequences(48, 12, 30, rng);
        var labels = sequences.Select((s, i) => s.Sum() % 2 == 0).ToArray();
        var options = new FitOptions { Epochs = 2, BatchSize = 16, Seed = 3 };
        var a = new SequenceNetwork(spec, seed: 1);
        var b = new SequenceNetwork(spec, seed: 1);
        new Trainer(a, options).Fit(new SequenceDataset(sequences, labels));
        new Trainer(b, options).Fit(new SequenceDataset(sequences, labels, Enumerable.Repeat(1f, labels.Length).ToArray()));
        for (int t = 0; t < a.Parameters.Tensors.Count; t++)
            for (int i = 0; i < a.Parameters.Tensors[t].Length; i++)
                Assert.True(Math.Abs(a.Parameters.Tensors[t][i] - b.Parameters.Tensors[t][i]) < 1e-4, $"{a.Parameters.Names[t]}[{i}]: {a.Parameters.Tensors[t][i]} vs {b.Parameters.Tensors[t][i]}");
    }

    public static TheoryData<string> Cases => new(FamilyCases.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Training_is_reproducible_bit_for_bit_whatever_the_thread_count(string name)
    {
        var (spec, _) = FamilyCases.Get(name);
        var rng = new SeededRandom(8);
        var sequences = FamilyCases.Sequences(37, 9, spec.VocabularySize, rng);
        var data = FamilyCases.Targets(spec, sequences, rng, weighted: true);
        byte[] Train(int threads)
        {
            var network = new SequenceNetwork(spec, seed: 2);
            new Trainer(network, new FitOptions { Epochs = 2, BatchSize = 12, Seed = 6, MaxDegreeOfParallelism = threads }).Fit(data, data);
            using var stream = new MemoryStream();
            network.Write(stream);
            return stream.ToArray();
        }
        Assert.Equal(Train(1), Train(2));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_saved_network_reads_back_with_the_same_spec_and_predictions(string name)
    {
        var (spec, _) = FamilyCases.Get(name);
        var network = new SequenceNetwork(spec, seed: 12);
        using var stream = new MemoryStream();
        network.Write(stream);
        stream.Position = 0;
        var read = SequenceNetwork.Read(stream, name);
        Assert.Equal(spec, read.Spec);
        var sequences = FamilyCases.Sequences(6, 7, spec.VocabularySize, new SeededRandom(1));
        Assert.Equal(network.PredictOutputs(sequences), read.PredictOutputs(sequences));
    }

    [Fact]
    public void A_masked_bidirectional_network_learns_which_token_came_first()
    {
        // Class = the first real token (1, 2 or 3) of a left-padded row whose other tokens are noise; a last-state
        // forward LSTM must carry it through the whole row, a backward direction reads it last.
        var rng = new SeededRandom(21);
        const int rows = 600, steps = 12;
        var sequences = new int[rows][];
        var classes = new int[rows];
        for (int s = 0; s < rows; s++)
        {
            int length = 3 + rng.NextInt(steps - 3);
            classes[s] = rng.NextInt(3);
            sequences[s] = Enumerable.Range(0, steps).Select(t => t < steps - length ? 0 : t == steps - length ? 1 + classes[s] : 4 + rng.NextInt(6)).ToArray();
        }
        var spec = new NetworkSpec
        {
            VocabularySize = 10,
            EmbeddingDim = 8,
            MaskZero = true,
            Recurrent = [new RecurrentLayerSpec { Units = 8, Bidirectional = true, Dropout = 0, RecurrentDropout = 0 }],
            Task = TaskKind.MulticlassClassification,
            Outputs = 3,
        };
        var network = new SequenceNetwork(spec, seed: 3);
        var train = SequenceDataset.ForClasses(sequences[..500], classes[..500]);
        var test = SequenceDataset.ForClasses(sequences[500..], classes[500..]);
        var history = new Trainer(network, new FitOptions { Epochs = 15, BatchSize = 20, LearningRate = 0.01f }).Fit(train, test);
        Assert.True(history.Epochs[^1].ValAccuracy > 0.95, $"val_accuracy {history.Epochs[^1].ValAccuracy}");
        Assert.True(network.Evaluate(test).Accuracy > 0.95);
    }

    [Fact]
    public void A_regression_head_learns_a_count_and_reports_mae()
    {
        // Target = how many 3s the row holds; mean pooling over a GRU's outputs.
        var rng = new SeededRandom(31);
        const int rows = 500, steps = 10;
        var sequences = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, steps).Select(_ => 1 + rng.NextInt(4)).ToArray()).ToArray();
        var values = sequences.Select(s => (float)s.Count(id => id == 3)).ToArray();
        var spec = new NetworkSpec
        {
            VocabularySize = 5,
            EmbeddingDim = 6,
            Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.Gru, Units = 8, Dropout = 0, RecurrentDropout = 0 }],
            Pooling = PoolingKind.Mean,
            Task = TaskKind.Regression,
        };
        var network = new SequenceNetwork(spec, seed: 4);
        var train = SequenceDataset.ForValues(sequences[..400], values[..400]);
        var test = SequenceDataset.ForValues(sequences[400..], values[400..]);
        var history = new Trainer(network, new FitOptions { Epochs = 30, BatchSize = 20, LearningRate = 0.01f }).Fit(train, test);
        Assert.True(double.IsNaN(history.Epochs[0].Accuracy));
        Assert.NotNull(history.Epochs[0].MeanAbsoluteError);
        Assert.Contains("val_mae", history.ToDictionary().Keys);
        var evaluation = network.Evaluate(test);
        double baseline = values[400..].Select(v => Math.Abs(v - values[..400].Average())).Average();
        Assert.True(evaluation.MeanAbsoluteError < baseline / 3, $"MAE {evaluation.MeanAbsoluteError} vs predicting the mean {baseline}");
        Assert.Equal(history.Epochs[^1].ValMeanAbsoluteError!.Value, evaluation.MeanAbsoluteError!.Value, 6);
        Assert.Contains("\"mae\"", history.ToJson());
        Assert.Equal(history.Epochs.Count, History.FromJson(history.ToJson()).Epochs.Count);
    }
}

/// <summary>The one Fit path from texts: <see cref="TextModelTrainer"/>, and a trained model's single saved file.</summary>
public class TextModelTrainerTests
{
    private static readonly string[] Texts =
    [
        "we saw the band play", "a new song on guitar", "the team scored a goal", "a great match today", "a recipe with salt", "put it in the oven",
        "the band has a new song", "guitar and song tonight", "the match ended with a goal", "our team won today", "salt the oven dish", "a recipe for bread",
    ];

    private static readonly string[] Topics = ["music", "music", "sports", "sports", "cooking", "cooking", "music", "music", "sports", "sports", "cooking", "cooking"];

    private static TextModelOptions Options => new()
    {
        NumWords = 60,
        MaxLength = 8,
        Network = NetworkSpec.Seed with
        {
            EmbeddingDim = 8,
            MaskZero = true,
            Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.Gru, Units = 8, Bidirectional = true, Dropout = 0, RecurrentDropout = 0 }],
            Pooling = PoolingKind.Max,
        },
        Fit = new FitOptions { Epochs = 40, BatchSize = 4, LearningRate = 0.02f },
    };

    [Fact]
    public void Fit_learns_class_names_and_the_saved_onnx_file_gives_the_same_model()
    {
        var model = new TextModelTrainer(Options).Fit(new LabelledTexts(Texts, TextLabels.Classes(Topics)));
        Assert.Equal(["cooking", "music", "sports"], model.Network.Spec.ClassNames);
        Assert.Equal(TaskKind.MulticlassClassification, model.Network.Spec.Task);
        var evaluation = model.Evaluate(new LabelledTexts(Texts, TextLabels.Classes(Topics, model.Network.Spec.ClassNames)));
        Assert.Equal(1.0, evaluation.Accuracy);

        string path = Path.Combine(Path.GetTempPath(), $"text-model-{Guid.NewGuid():N}.onnx");
        try
        {
            Lstm.Training.Onnx.TextModelFile.Save(model, path);
            var loaded = Lstm.Training.Onnx.TextModelFile.Load(path);
            Assert.Equal(model.Network.Spec, loaded.Network.Spec);
            Assert.Equal(model.Vectorizer.Vocabulary.Words, loaded.Vectorizer.Vocabulary.Words);
            Assert.Equal(model.Predict(["the band played a new song", "bread in the oven"]), loaded.Predict(["the band played a new song", "bread in the oven"]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unknown_validation_classes_and_mismatched_tasks_are_refused()
    {
        var trainer = new TextModelTrainer(Options with { Fit = new FitOptions { Epochs = 1 } });
        var train = new LabelledTexts(Texts, TextLabels.Classes(Topics));
        var values = new LabelledTexts(Texts, TextLabels.Values([.. Texts.Select(t => (float)t.Length)]));
        var error = Assert.Throws<ArgumentException>(() => trainer.Prepare(train, values));
        Assert.Contains("validation labels are Regression", error.Message);
        var unknown = Assert.Throws<ArgumentException>(() => TextLabels.Classes(["music", "jazz"], ["music", "sports"]));
        Assert.Contains("'jazz', is not one of the model's classes", unknown.Message);
    }

    [Fact]
    public void Task_inference_says_why()
    {
        Assert.Equal(TaskKind.BinaryClassification, TextLabels.FromStrings(["pos", "neg", "pos"], null, out string binary).Task);
        Assert.Contains("binary", binary);
        Assert.Equal(TaskKind.Regression, TextLabels.FromStrings(["1.5", "2", "3.25"], null, out string regression).Task);
        Assert.Contains("not all whole", regression);
        var classes = TextLabels.FromStrings(["10", "2", "7", "1"], null, out string multiclass);
        Assert.Equal(["1", "2", "7", "10"], classes.ClassNames);
        Assert.Contains("4 distinct labels (1, 2, 7, 10)", multiclass);
    }
}
