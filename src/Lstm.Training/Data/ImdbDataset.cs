
namespace Lstm.Training.Data;

/// <summary>The training and test reviews, like the two halves <c>imdb.load_data</c> returns.</summary>
/// <param name="Train">Training reviews; from <see cref="ImdbArchive"/>: negatives then positives, each by ascending review id.</param>
/// <param name="Test">Test reviews, in the same order.</param>
public sealed record ImdbDataset(IReadOnlyList<LabelledText> Train, IReadOnlyList<LabelledText> Test)
{
    private const ulong TestStream = 0x9E3779B97F4A7C15UL;

    /// <summary>
    /// A random, class-balanced subset: each split keeps at most its limit of reviews, half negative and half
    /// positive (an odd limit gives the extra review to the positives; when a class runs short the other fills
    /// in). A null limit keeps the whole split. Reviews keep their original order.
    /// </summary>
    /// <remarks>
    /// Deterministic for a given <paramref name="seed"/>. Train and test draw from independent streams, so one
    /// split's limit never changes the other's subset, and a larger limit gives a superset of a smaller one.
    /// </remarks>
    /// <param name="trainLimit">Most training reviews to keep; null keeps all.</param>
    /// <param name="testLimit">Most test reviews to keep; null keeps all.</param>
    /// <param name="seed">Seed of the random choice.</param>
    public ImdbDataset Subset(int? trainLimit, int? testLimit, ulong seed)
    {
        if (trainLimit < 0) throw new ArgumentOutOfRangeException(nameof(trainLimit), trainLimit, "The limit must not be negative.");
        if (testLimit < 0) throw new ArgumentOutOfRangeException(nameof(testLimit), testLimit, "The limit must not be negative.");
        return new ImdbDataset(
            trainLimit is int t ? Balanced(Train, t, new SeededRandom(seed)) : Train,
            testLimit is int s ? Balanced(Test, s, new SeededRandom(seed ^ TestStream)) : Test);
    }

    private static LabelledText[] Balanced(IReadOnlyList<LabelledText> texts, int limit, SeededRandom random)
    {
        int[] negatives = IndicesWhere(texts, label: false);
        int[] positives = IndicesWhere(texts, label: true);
        random.Shuffle(negatives);
        random.Shuffle(positives);

        int takeNegative = Math.Min(limit / 2, negatives.Length);
        int takePositive = Math.Min(limit - takeNegative, positives.Length);
        takeNegative = Math.Min(limit - takePositive, negatives.Length);

        int[] chosen = [.. negatives.AsSpan(0, takeNegative), .. positives.AsSpan(0, takePositive)];
        Array.Sort(chosen);
        return Array.ConvertAll(chosen, i => texts[i]);
    }

    private static int[] IndicesWhere(IReadOnlyList<LabelledText> texts, bool label)
    {
        var indices = new List<int>();
        for (int i = 0; i < texts.Count; i++)
        {
            if (texts[i].Label == label) indices.Add(i);
        }
        return [.. indices];
    }
}
