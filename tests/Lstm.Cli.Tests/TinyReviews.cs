namespace Lstm.Cli.Tests;

/// <summary>A small labelled TSV file of short synthetic reviews whose sentiment words decide the label.</summary>
internal static class TinyReviews
{
    private static readonly string[] Positive = ["great", "wonderful", "loved", "excellent", "amazing", "brilliant", "fun", "best"];
    private static readonly string[] Negative = ["awful", "terrible", "boring", "hated", "worst", "bad", "dull", "waste"];
    private static readonly string[] Filler = ["the", "movie", "film", "was", "a", "and", "plot", "acting", "really", "story", "it"];

    /// <summary>Writes <paramref name="count"/> reviews, alternating negative and positive, with a header row.</summary>
    public static string Write(string path, int count = 60, int seed = 1)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("label\ttext");
        foreach (var (positive, text) in Reviews(count, seed))
            writer.WriteLine($"{(positive ? 1 : 0)}\t{text}");
        return path;
    }

    /// <summary>
    /// Writes the same reviews as <see cref="Write"/> in the layout of ML.NET's sentiment tutorial (yelp_labelled.txt):
    /// text, a tab, then 1 or 0; no header.
    /// </summary>
    public static string WriteTextFirst(string path, int count = 60, int seed = 1)
    {
        using var writer = new StreamWriter(path);
        foreach (var (positive, text) in Reviews(count, seed))
            writer.WriteLine($"{text}\t{(positive ? 1 : 0)}");
        return path;
    }

    private static IEnumerable<(bool Positive, string Text)> Reviews(int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            bool positive = i % 2 == 1;
            var words = Enumerable.Range(0, 8).Select(_ => Filler[random.Next(Filler.Length)])
                .Concat(Enumerable.Range(0, 3).Select(_ => (positive ? Positive : Negative)[random.Next(8)]))
                .OrderBy(_ => random.Next()).ToArray();
            yield return (positive, string.Join(' ', words));
        }
    }
}
