using Lstm.Training.Data;

namespace Lstm.Training.Tests.Data;

public class ImdbDatasetSubsetTests
{
    // Train: 10 negatives then 6 positives; test: 4 negatives then 4 positives.
    private static readonly ImdbDataset Dataset = new(Split("train", negatives: 10, positives: 6), Split("test", negatives: 4, positives: 4));

    private static LabelledText[] Split(string name, int negatives, int positives) =>
    [
        .. Enumerable.Range(0, negatives).Select(i => new LabelledText($"{name} neg {i}", false, 1, $"{name}/neg/{i}_1.txt")),
        .. Enumerable.Range(0, positives).Select(i => new LabelledText($"{name} pos {i}", true, 10, $"{name}/pos/{i}_10.txt")),
    ];

    [Fact]
    public void Takes_half_of_each_class_and_keeps_the_original_order()
    {
        var subset = Dataset.Subset(trainLimit: 6, testLimit: null, seed: 1);
        Assert.Equal(3, subset.Train.Count(r => !r.Label));
        Assert.Equal(3, subset.Train.Count(r => r.Label));
        var positions = subset.Train.Select(r => Array.IndexOf(Dataset.Train.ToArray(), r)).ToArray();
        Assert.Equal(positions.Order(), positions);
        Assert.Same(Dataset.Test, subset.Test);
    }

    [Fact]
    public void Odd_limits_favour_positives_and_a_short_class_is_filled_from_the_other()
    {
        var odd = Dataset.Subset(5, 3, seed: 7);
        Assert.Equal((2, 3), (odd.Train.Count(r => !r.Label), odd.Train.Count(r => r.Label)));
        Assert.Equal((1, 2), (odd.Test.Count(r => !r.Label), odd.Test.Count(r => r.Label)));

        var lopsided = Dataset.Subset(14, null, seed: 7); // only 6 positives exist
        Assert.Equal((8, 6), (lopsided.Train.Count(r => !r.Label), lopsided.Train.Count(r => r.Label)));
    }

    [Fact]
    public void Is_deterministic_per_seed_and_differs_between_seeds()
    {
        var a = Dataset.Subset(6, 4, seed: 42);
        var b = Dataset.Subset(6, 4, seed: 42);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.Test, b.Test);
        var seeds = Enumerable.Range(0, 10).Select(s => string.Join(",", Dataset.Subset(6, null, (ulong)s).Train.Select(r => r.Text))).Distinct();
        Assert.True(seeds.Count() > 1);
    }

    [Fact]
    public void Larger_limits_give_supersets_and_one_split_never_moves_the_other()
    {
        var small = Dataset.Subset(4, 2, seed: 3);
        var large = Dataset.Subset(8, 6, seed: 3);
        Assert.Subset(large.Train.ToHashSet(), small.Train.ToHashSet());
        Assert.Subset(large.Test.ToHashSet(), small.Test.ToHashSet());
        Assert.Equal(Dataset.Subset(2, 4, seed: 3).Test, Dataset.Subset(16, 4, seed: 3).Test);
    }

    [Fact]
    public void Limits_beyond_the_split_keep_everything_and_negative_limits_are_refused()
    {
        var all = Dataset.Subset(1000, 8, seed: 0);
        Assert.Equal(Dataset.Train, all.Train);
        Assert.Equal(Dataset.Test, all.Test);
        Assert.Empty(Dataset.Subset(0, 0, seed: 0).Train);
        Assert.Throws<ArgumentOutOfRangeException>(() => Dataset.Subset(-1, null, seed: 0));
    }

    [Fact]
    public void Each_class_is_drawn_at_random_not_taken_from_the_front()
    {
        // Two of the 10 negatives and two of the 6 positives: over seeds, each class gives more than one choice.
        foreach (bool label in new[] { false, true })
        {
            var choices = Enumerable.Range(0, 10).Select(s => string.Join(",", Dataset.Subset(4, null, (ulong)s).Train.Where(r => r.Label == label).Select(r => r.Text)));
            Assert.True(choices.Distinct().Count() > 1, $"label {label}: always {choices.First()}");
        }
    }
}
