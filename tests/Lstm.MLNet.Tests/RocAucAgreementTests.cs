using Lstm.Training;
using Lstm.Training.Evaluation;
using Microsoft.ML;

namespace Lstm.MLNet.Tests;

/// <summary><c>lstm evaluate</c>'s ROC AUC (Lstm.Training.Evaluation) agrees with ML.NET's on the same scores.</summary>
public class RocAucAgreementTests
{
    private sealed class Scored
    {
        public bool Label { get; set; }

        public float Score { get; set; }

        /// <summary>The evaluator wants the column; AUC does not read it.</summary>
        public bool PredictedLabel { get; set; }
    }

    [Theory]
    [InlineData(11, 2_000, 0)] // continuous scores
    [InlineData(12, 1_500, 7)] // 7 distinct scores: many ties
    public void Roc_auc_equals_ml_nets_area_under_roc_curve(ulong seed, int n, int levels)
    {
        var random = new SeededRandom(seed);
        var rows = new Scored[n];
        for (int i = 0; i < n; i++)
        {
            bool label = random.NextDouble() < 0.4;
            double score = random.NextGaussian() + (label ? 0.8 : 0);
            float value = levels > 0 ? MathF.Round((float)score * levels / 4) : (float)score;
            rows[i] = new Scored { Label = label, Score = value, PredictedLabel = value > 0 };
        }
        var ml = new MLContext(seed: 1);
        var metrics = ml.BinaryClassification.EvaluateNonCalibrated(ml.Data.LoadFromEnumerable(rows));
        double ours = BinaryMetrics.RocAuc(rows.Select(r => r.Score).ToArray(), rows.Select(r => r.Label).ToArray());
        Assert.Equal(metrics.AreaUnderRocCurve, ours, 9);
    }
}
