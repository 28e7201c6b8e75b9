using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Layers;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Microsoft.ML;

namespace Lstm.MLNet.Tests;

/// <summary>
/// The binary trainer now goes through Lstm.Training's TextModelTrainer; with default architecture options it must
/// still train the very model the seed's path trains (vocabulary from the training texts, LstmClassifier from the seed,
/// Trainer.Fit on pre-padded ids), bit for bit.
/// </summary>
public sealed class BinaryTrainerBitsTests
{
    [Fact]
    public void TheDefaultArchitecture_TrainsTheSeedPathsModel_BitForBit()
    {
        const int numWords = 60, maxLength = 20, dim = 6, units = 5, epochs = 2, batch = 16, seed = 5;
        const float learningRate = 0.01f;
        var reviews = SyntheticReviews.Make(80);

        var ml = new MLContext(seed: 1);
        using var transformer = ml.BinaryClassification.Trainers.Lstm(new LstmTrainer.Options
        {
            NumWords = numWords,
            MaxLength = maxLength,
            EmbeddingDim = dim,
            Units = units,
            Epochs = epochs,
            BatchSize = batch,
            LearningRate = learningRate,
            Seed = seed,
        }).Fit(ml.Data.LoadFromEnumerable(reviews));

        var texts = reviews.Select(r => r.Text).ToArray();
        var vocabulary = Vocabulary.BuildFromTexts(texts, numWords);
        var model = new LstmClassifier(new LstmClassifierConfig { VocabularySize = numWords, EmbeddingDim = dim, Units = units }, seed);
        var history = new Trainer(model, new FitOptions { Epochs = epochs, BatchSize = batch, LearningRate = learningRate, Seed = seed })
            .Fit(new SequenceDataset(vocabulary.EncodePadded(texts, maxLength), reviews.Select(r => r.Label).ToArray()));
        byte[] expected = OnnxExporter.ExportToBytes(model, vocabulary, new OnnxExportOptions { MaxLength = maxLength });

        Assert.Equal(history.Loss, transformer.TrainingHistory!.Loss);
        Assert.Equal(expected, transformer.GetOnnxModel());
    }
}
