using Lstm.Training.Evaluation;

namespace Lstm.Training.Tests.Evaluation;

public class BinaryMetricsTests
{
    /// <summary>The definition: over all positive × negative pairs, 1 when the positive scores higher, ½ on a tie.</summary>
    private static double PairwiseAuc(float[] scores, bool[] labels)
    {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!labels[i]) continue;
            for (int j = 0; j < scores.Length; j++)
            {
                if (labels[j]) continue;
                pairs++;
                if (scores[i] > scores[j]) wins += 1;
                else if (scores[i] == scores[j]) wins += 0.5;
            }
        }
        return wins / pairs;
    }

    [Theory]
    [InlineData(1, 50, 5)]
    [InlineData(2, 400, 3)]
    [InlineData(3, 1000, 40)]
    [InlineData(4, 7, 2)]
    public void Roc_auc_equals_the_pairwise_count_on_random_scores_with_ties(ulong seed, int n, int distinctScores)
    {
        var random = new SeededRandom(seed);
        var scores = new float[n];
        var labels = new bool[n];
        for (int i = 0; i < n; i++)
        {
            // Few distinct values make many ties; the label leans on the score so the AUC is not just ½.
            int level = random.NextInt(distinctScores);
            scores[i] = level - distinctScores / 2f;
            labels[i] = random.NextDouble() < (level + 1.0) / (distinctScores + 1.0);
        }
        labels[0] = true;
        labels[1] = false;
        Assert.Equal(PairwiseAuc(scores, labels), BinaryMetrics.RocAuc(scores, labels), 12);
    }

    [Fact]
    public void Roc_auc_of_perfect_reversed_constant_and_one_class_scores()
    {
        bool[] labels = [false, false, true, true];
        Assert.Equal(1.0, BinaryMetrics.RocAuc([0.1f, 0.2f, 0.3f, 0.4f], labels));
        Assert.Equal(0.0, BinaryMetrics.RocAuc([0.4f, 0.3f, 0.2f, 0.1f], labels));
        Assert.Equal(0.5, BinaryMetrics.RocAuc([0.7f, 0.7f, 0.7f, 0.7f], labels));
        // One tie between a positive and a negative out of 4 pairs: (3 + ½) / 4.
        Assert.Equal(0.875, BinaryMetrics.RocAuc([0.1f, 0.3f, 0.3f, 0.4f], labels));
        Assert.True(double.IsNaN(BinaryMetrics.RocAuc([0.1f, 0.2f], [true, true])));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc([0.1f], labels));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc([float.NaN, 0.1f], [true, false]));
    }

    [Fact]
    public void Roc_auc_is_the_same_from_logits_and_from_their_probabilities()
    {
        var random = new SeededRandom(7);
        var logits = new float[300];
        var labels = new bool[300];
        for (int i = 0; i < logits.Length; i++)
        {
            labels[i] = random.NextDouble() < 0.5;
            logits[i] = (float)(random.NextGaussian() + (labels[i] ? 1 : 0));
        }
        float[] probabilities = [.. logits.Select(l => (float)BinaryMetrics.Sigmoid(l))];
        Assert.Equal(BinaryMetrics.RocAuc(logits, labels), BinaryMetrics.RocAuc(probabilities, labels), 12);
    }

    [Fact]
    public void Confusion_predicts_positive_above_a_logit_of_zero()
    {
        // Actual: F F F T T T T; logits: -1 0 2 3 0.5 -2 -0.1 → predicted: F F T T T F F.
        var m = BinaryMetrics.Confusion([-1f, 0f, 2f, 3f, 0.5f, -2f, -0.1f], [false, false, false, true, true, true, true]);
        Assert.Equal(2, m[0, 0]); // true negatives
        Assert.Equal(1, m[0, 1]); // false positive
        Assert.Equal(2, m[1, 0]); // false negatives
        Assert.Equal(2, m[1, 1]); // true positives
        Assert.Equal(7, m.Total);
        Assert.Equal(4.0 / 7, m.Accuracy, 12);
        Assert.Equal(2.0 / 3, m.Precision(1), 12);
        Assert.Equal(0.5, m.Recall(1), 12);
        Assert.Equal(2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5), m.F1(1), 12);
    }
}
