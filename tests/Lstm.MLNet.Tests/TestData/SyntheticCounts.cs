using Lstm.Training;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>Small made-up texts whose target is counted from their words: a regression task a tiny network learns in a second.</summary>
public static class SyntheticCounts
{
    private static readonly string[] Neutral = ["the", "movie", "plot", "was", "it", "and", "a", "film", "scene", "really"];

    /// <summary>
    /// <paramref name="count"/> texts with 0-4 "great" and 0-2 "awful" among neutral words; <see cref="CountedText.Great"/>
    /// counts the first, <see cref="CountedText.Counts"/> both. Reproducible from <paramref name="seed"/>.
    /// </summary>
    public static CountedText[] Make(int count, ulong seed = 7)
    {
        var rng = new SeededRandom(seed);
        var rows = new CountedText[count];
        for (int i = 0; i < count; i++)
        {
            int great = rng.NextInt(5), awful = rng.NextInt(3);
            var words = new List<string>();
            int length = 3 + rng.NextInt(6);
            for (int w = 0; w < length; w++) words.Add(Neutral[rng.NextInt(Neutral.Length)]);
            for (int g = 0; g < great; g++) words.Insert(rng.NextInt(words.Count + 1), "great");
            for (int a = 0; a < awful; a++) words.Insert(rng.NextInt(words.Count + 1), "Awful!");
            rows[i] = new CountedText { Text = string.Join(' ', words), Great = great, Counts = [great, awful] };
        }
        return rows;
    }
}

/// <summary>A text with its counts: <see cref="Great"/> (a Single label) and <see cref="Counts"/> (a two-value label).</summary>
public sealed class CountedText
{
    public string Text { get; set; } = "";

    public float Great { get; set; }

    [VectorType(2)]
    public float[] Counts { get; set; } = [];
}
