using Lstm.Training.Layers;
using Lstm.Training.Tests.TestData;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.Training;

/// <summary>The whole pipeline on real reviews: text → ids → padded batches → LSTM → held-out accuracy.</summary>
public class ImdbLearningTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void A_short_run_on_real_reviews_clearly_beats_chance_on_held_out_reviews()
    {
        var imdb = RealImdb.LoadOrSkip();
        var data = imdb.Subset(trainLimit: 6000, testLimit: 2000, seed: 1);
        const int maxLen = 120, numWords = 5000;
        var vocabulary = Vocabulary.BuildFromTexts(data.Train.Select(r => r.Text), numWords);
        SequenceDataset Encode(IReadOnlyList<Lstm.Training.Data.LabelledText> reviews) => new(
            PadSequences.Pad(reviews.Select(r => vocabulary.Encode(r.Text)).ToArray(), maxLen),
            reviews.Select(r => r.Label).ToArray());
        var train = Encode(data.Train);
        var test = Encode(data.Test);

        var model = new LstmClassifier(new LstmClassifierConfig { VocabularySize = numWords, EmbeddingDim = 32, Units = 32 }, seed: 1);
        var history = new Trainer(model, new FitOptions { Epochs = 3, BatchSize = 32, LearningRate = 0.003f, Seed = 1 }).Fit(train, test);
        foreach (var e in history.Epochs)
            output.WriteLine($"epoch {e.Epoch}: loss {e.Loss:F4} accuracy {e.Accuracy:F4} val_loss {e.ValLoss:F4} val_accuracy {e.ValAccuracy:F4} ({e.TrainSeconds:F1}s)");

        Assert.True(history.Loss[^1] < history.Loss[0], $"training loss did not decrease: {string.Join(", ", history.Loss)}");
        Assert.True(history.ValAccuracy.Max() >= 0.75, $"held-out accuracy {string.Join(", ", history.ValAccuracy)} < 0.75");
    }
}
