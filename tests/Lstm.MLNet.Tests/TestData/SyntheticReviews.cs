using Lstm.Training;
using Lstm.Training.Training;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>Small made-up reviews whose label follows from a few sentiment words, for fast tests that need no archive.</summary>
public static class SyntheticReviews
{
    private static readonly string[] Positive = ["great", "wonderful", "loved", "brilliant", "superb", "Amazing!"];
    private static readonly string[] Negative = ["awful", "boring", "hated", "terrible", "dull", "Worst<br />"];
    private static readonly string[] Neutral = ["the", "movie", "plot", "actor", "was", "it", "and", "a", "film", "scene", "really", "I'd", "say"];

    /// <summary><paramref name="count"/> reviews, alternately positive and negative, reproducible from <paramref name="seed"/>.</summary>
    public static Review[] Make(int count, ulong seed = 7)
    {
        var rng = new SeededRandom(seed);
        var reviews = new Review[count];
        for (int i = 0; i < count; i++)
        {
            bool label = i % 2 == 0;
            var words = new List<string>();
            int length = 4 + rng.NextInt(16);
            for (int w = 0; w < length; w++)
            {
                var pool = rng.NextInt(4) == 0 ? (label ? Positive : Negative) : Neutral;
                words.Add(pool[rng.NextInt(pool.Length)]);
            }
            reviews[i] = new Review { Text = string.Join(' ', words), Label = label };
        }
        return reviews;
    }
}
