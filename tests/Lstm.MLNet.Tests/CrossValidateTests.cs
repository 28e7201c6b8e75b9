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
}
