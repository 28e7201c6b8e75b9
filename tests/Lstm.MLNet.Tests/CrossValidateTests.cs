using Lstm.MLNet.Tests.TestData;
using Microsoft.ML;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests;

public sealed class CrossValidateTests(ITestOutputHelper output)
{
    [Fact]
    public void CrossValidate_WithTwoFolds_TrainsAndEvaluatesEachFold()
    {
        var ml = new MLContext(seed: 2);
        var data = ml.Data.LoadFromEnumerable(SyntheticReviews.Make(400));
        var trainer = ml.BinaryClassification.Trainers.Lstm(new LstmTrainer.Options
        {
            MaxLength = 24,
            NumWords = 60,
            EmbeddingDim = 8,
            Units = 8,
            Epochs = 3,
            LearningRate = 0.01f,
        });
        var folds = ml.BinaryClassification.CrossValidate(data, trainer, numberOfFolds: 2);
        Assert.Equal(2, folds.Count);
        foreach (var fold in folds)
        {
            output.WriteLine($"fold {fold.Fold}: accuracy {fold.Metrics.Accuracy:F3}, AUC {fold.Metrics.AreaUnderRocCurve:F3}");
            Assert.InRange(fold.Metrics.Accuracy, 0.8, 1.0); // the synthetic labels follow from a few words
            Assert.IsType<LstmTransformer>(fold.Model);
            ((IDisposable)fold.Model).Dispose();
        }
    }

    [Fact]
    public void CrossValidate_OfTheMulticlassAndRegressionTrainers_EvaluatesEachFold()
    {
        var ml = new MLContext(seed: 2);
        var topics = ml.Data.LoadFromEnumerable(SyntheticTopics.Make(240));
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label", "Topic").Fit(topics).Transform(topics);
        var classFolds = ml.MulticlassClassification.CrossValidate(keyed, ml.MulticlassClassification.Trainers.Lstm(TopicModel.Options()), numberOfFolds: 2);
        foreach (var fold in classFolds)
        {
            output.WriteLine($"multi-class fold {fold.Fold}: micro accuracy {fold.Metrics.MicroAccuracy:F3}");
            Assert.InRange(fold.Metrics.MicroAccuracy, 0.8, 1.0);
            ((IDisposable)fold.Model).Dispose();
        }

        var counts = ml.Data.LoadFromEnumerable(SyntheticCounts.Make(300));
        var valueFolds = ml.Regression.CrossValidate(counts, ml.Regression.Trainers.Lstm(RegressionTrainerTests.Options()), numberOfFolds: 2, labelColumnName: "Great");
        foreach (var fold in valueFolds)
        {
            output.WriteLine($"regression fold {fold.Fold}: R² {fold.Metrics.RSquared:F3}");
            Assert.InRange(fold.Metrics.RSquared, 0.5, 1.0);
            ((IDisposable)fold.Model).Dispose();
        }
    }
}
