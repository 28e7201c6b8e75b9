using System.Globalization;
using Lstm.MLNet.Tests.TestData;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Lstm.MLNet.Tests;

/// <summary>The trainers' PretrainEmbedding, Word2VecEpochs and EmbeddingVectorsPath options.</summary>
public sealed class PretrainedEmbeddingOptionsTests
{
    private static readonly string[] Words = ["great", "wonderful", "loved", "brilliant", "superb", "amazing", "awful", "boring", "hated", "terrible", "dull", "worst",
        "the", "movie", "plot", "actor", "was", "it", "and", "a", "film", "scene", "really", "i'd", "say"];

    private static LstmTrainer.Options Small(MLContext ml) => new()
    {
        MaxLength = 20,
        NumWords = 60,
        EmbeddingDim = 4,
        Units = 4,
        Epochs = 1,
        BatchSize = 16,
        Log = ml,
    };

    private static List<(ChannelMessageKind Kind, string Message)> Listen(MLContext ml)
    {
        var messages = new List<(ChannelMessageKind, string)>();
        ml.Log += (_, e) => { lock (messages) messages.Add((e.Kind, e.RawMessage)); };
        return messages;
    }

    private static string WriteVectors(TempDirectory temp, int dimensions, string name)
    {
        string path = Path.Combine(temp.Path, name);
        var rng = new Random(3);
        File.WriteAllLines(path, [
            $"{Words.Length} {dimensions}",
            .. Words.Select(w => w + " " + string.Join(' ', Enumerable.Range(0, dimensions).Select(_ => (rng.NextDouble() - 0.5).ToString("0.0000", CultureInfo.InvariantCulture)))),
        ]);
        return path;
    }

    private static float[] Probabilities(MLContext ml, ITransformer model, IDataView data) =>
        [.. ml.Data.CreateEnumerable<ReviewPrediction>(model.Transform(data), reuseRowObject: false).Select(p => p.Probability)];

    [Fact]
    public void PretrainEmbedding_LearnsWord2VecOnTheTrainingRows_LogsItAndTrains()
    {
        var ml = new MLContext(seed: 1);
        var messages = Listen(ml);
        var options = Small(ml);
        options.PretrainEmbedding = true;
        options.Word2VecEpochs = 2;
        var data = ml.Data.LoadFromEnumerable(SyntheticReviews.Make(64));
        using var model = ml.BinaryClassification.Trainers.Lstm(options).Fit(data);

        Assert.Contains(messages, m => m.Kind == ChannelMessageKind.Info && m.Message.StartsWith("Pretraining the embedding: word2vec skip-gram on the training texts", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Kind == ChannelMessageKind.Info && m.Message.StartsWith("Embedding initialised from word2vec", StringComparison.Ordinal) && m.Message.Contains("2 epochs", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Kind == ChannelMessageKind.Trace && m.Message.StartsWith("word2vec epoch", StringComparison.Ordinal));
        Assert.Single(model.TrainingHistory!.Epochs);
        Assert.All(Probabilities(ml, model, data), p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void EmbeddingVectorsPath_OfTheRightWidth_InitialisesTheEmbedding()
    {
        using var temp = new TempDirectory();
        string path = WriteVectors(temp, 4, "vectors.txt");
        var ml = new MLContext(seed: 1);
        var messages = Listen(ml);
        var data = ml.Data.LoadFromEnumerable(SyntheticReviews.Make(64));
        var options = Small(ml);
        options.EmbeddingVectorsPath = path;
        using var withVectors = ml.BinaryClassification.Trainers.Lstm(options).Fit(data);
        using var without = ml.BinaryClassification.Trainers.Lstm(Small(new MLContext(seed: 1))).Fit(data);

        Assert.Contains(messages, m => m.Kind == ChannelMessageKind.Info && m.Message.StartsWith($"Read {Words.Length} word vectors of 4 dimensions from '{path}' in ", StringComparison.Ordinal));
        string coverage = Assert.Single(messages, m => m.Message.StartsWith($"Embedding initialised from word vectors of '{path}'", StringComparison.Ordinal)).Message;
        Assert.Contains("of the training tokens", coverage, StringComparison.Ordinal);
        Assert.NotEqual(Probabilities(ml, without, data), Probabilities(ml, withVectors, data));
    }

    [Fact]
    public void EmbeddingVectorsPath_OfAnotherWidth_IsRefusedNamingTheFile()
    {
        using var temp = new TempDirectory();
        string path = WriteVectors(temp, 6, "glove.6d.txt");
        var ml = new MLContext(seed: 1);
        var options = Small(ml);
        options.EmbeddingVectorsPath = path;
        var trainer = ml.BinaryClassification.Trainers.Lstm(options);
        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(ml.Data.LoadFromEnumerable(SyntheticReviews.Make(32))));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("6 dimensions but the embedding has 4", error.Message, StringComparison.Ordinal);
        Assert.Equal("EmbeddingVectorsPath", error.ParamName);
    }

    [Fact]
    public void InvalidSettings_AreRefusedWhenTheTrainerIsMade()
    {
        using var temp = new TempDirectory();
        string path = WriteVectors(temp, 4, "vectors.txt");
        var ml = new MLContext(seed: 1);
        var trainers = ml.BinaryClassification.Trainers;

        var both = Assert.Throws<ArgumentException>(() => trainers.Lstm(new LstmTrainer.Options { PretrainEmbedding = true, EmbeddingVectorsPath = path }));
        Assert.Contains("PretrainEmbedding", both.Message, StringComparison.Ordinal);
        Assert.Contains("EmbeddingVectorsPath", both.Message, StringComparison.Ordinal);

        string missing = Path.Combine(temp.Path, "missing.vec");
        var notFound = Assert.Throws<FileNotFoundException>(() => trainers.Lstm(new LstmTrainer.Options { EmbeddingVectorsPath = missing }));
        Assert.Equal(missing, notFound.FileName);
        Assert.Contains(missing, notFound.Message, StringComparison.Ordinal);

        Assert.Equal("Word2VecEpochs", Assert.Throws<ArgumentOutOfRangeException>(() => trainers.Lstm(new LstmTrainer.Options { PretrainEmbedding = true, Word2VecEpochs = 0 })).ParamName);

        var mapped = new LstmRegressionTrainer.Options { PretrainEmbedding = true, Word2VecEpochs = 3, Seed = 9 }.ToTextModelOptions(null, null);
        Assert.Equal(3, mapped.PretrainedEmbedding!.Word2Vec!.Epochs);
        Assert.Equal(9UL, mapped.PretrainedEmbedding.Word2Vec.Seed);
        Assert.Null(new LstmTrainer.Options().ToTextModelOptions(null, null).PretrainedEmbedding);
    }
}
