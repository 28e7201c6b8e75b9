using Lstm.Training.Models;

namespace Lstm.Training.Tests.Models;

/// <summary>Issue 12: the validation part carved from training data for selection is stratified, seeded, disjoint and complete.</summary>
public class ValidationHoldOutTests
{
    [Fact]
    public void Binary_labels_keep_their_balance_and_the_seed_decides_the_rows()
    {
        bool[] labels = [.. Enumerable.Range(0, 1000).Select(i => i % 4 == 0)]; // 250 positive, 750 negative
        var texts = new LabelledTexts([.. Enumerable.Range(0, 1000).Select(i => $"text {i}")], TextLabels.Binary(labels));

        var (train, validation) = ValidationHoldOut.Split(texts, 0.2, seed: 7);

        Assert.Equal(200, validation.Count);
        Assert.Equal(800, train.Count);
        Assert.Equal(50, Enumerable.Range(0, validation.Count).Count(i => labels[int.Parse(validation.Texts[i][5..])]));
        Assert.Empty(train.Texts.Intersect(validation.Texts));
        Assert.Equal(1000, train.Texts.Union(validation.Texts).Count());
        // Labels travel with their texts.
        var positives = validation.Labels.ToDataset([.. Enumerable.Range(0, validation.Count).Select(_ => new[] { 1 })]);
        for (int i = 0; i < validation.Count; i++)
            Assert.Equal(labels[int.Parse(validation.Texts[i][5..])], positives.Labels[i]);
        Assert.Equal(ValidationHoldOut.Rows(texts.Labels, 0.2, 7), ValidationHoldOut.Rows(texts.Labels, 0.2, 7));
        Assert.NotEqual(ValidationHoldOut.Rows(texts.Labels, 0.2, 7), ValidationHoldOut.Rows(texts.Labels, 0.2, 8));
    }

    [Fact]
    public void Classes_are_held_out_in_proportion()
    {
        string[] names = [.. Enumerable.Range(0, 300).Select(i => i < 200 ? "a" : i < 280 ? "b" : "c")];
        int[] held = ValidationHoldOut.Rows(TextLabels.Classes(names), 0.25, seed: 1);
        Assert.Equal((50, 20, 5), (held.Count(i => names[i] == "a"), held.Count(i => names[i] == "b"), held.Count(i => names[i] == "c")));
    }

    [Fact]
    public void Regression_targets_are_held_out_from_every_decile()
    {
        float[] values = [.. Enumerable.Range(0, 1000).Select(i => (float)Math.Exp(i / 100.0))];
        int[] held = ValidationHoldOut.Rows(TextLabels.Values(values), 0.1, seed: 3);
        Assert.Equal(100, held.Length);
        for (int decile = 0; decile < 10; decile++)
            Assert.Equal(10, held.Count(i => i / 100 == decile));
    }

    [Fact]
    public void Weights_follow_their_rows()
    {
        var texts = new LabelledTexts(["a", "b", "c", "d"], TextLabels.Binary([true, false, true, false]), [1f, 2f, 3f, 4f]);
        var (train, validation) = ValidationHoldOut.Split(texts, 0.5, seed: 5);
        foreach (var part in (LabelledTexts[])[train, validation])
            for (int i = 0; i < part.Count; i++)
                Assert.Equal("abcd".IndexOf(part.Texts[i][0], StringComparison.Ordinal) + 1, part.Weights![i]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_one_is_refused(double fraction)
    {
        var labels = TextLabels.Binary([true, false]);
        Assert.Equal("fraction", Assert.Throws<ArgumentOutOfRangeException>(() => ValidationHoldOut.Rows(labels, fraction, 1)).ParamName);
    }

    [Fact]
    public void A_fraction_that_holds_out_nothing_says_so()
    {
        var error = Assert.Throws<ArgumentException>(() => ValidationHoldOut.Rows(TextLabels.Binary([true, false, true, false]), 0.01, 1));
        Assert.Contains("holds out none", error.Message);
    }
}
