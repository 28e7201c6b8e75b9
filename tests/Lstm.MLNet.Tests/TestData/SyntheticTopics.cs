using Lstm.Training;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>Small made-up texts of three topics, each named by a few words of its own among neutral ones: a multi-class task a tiny network learns in a second.</summary>
public static class SyntheticTopics
{
    /// <summary>The topics, in the order the rows cycle through them.</summary>
    public static readonly string[] Names = ["sport", "food", "music"];

    private static readonly string[][] Words = [["goal", "match", "team", "Referee!"], ["pizza", "bread", "soup", "Spicy"], ["guitar", "song", "drums", "chorus"]];
    private static readonly string[] Neutral = ["the", "was", "it", "and", "a", "really", "I'd", "say", "today", "we", "saw", "about"];

    /// <summary><paramref name="count"/> rows cycling through the topics, reproducible from <paramref name="seed"/>.</summary>
    public static TopicText[] Make(int count, ulong seed = 7)
    {
        var rng = new SeededRandom(seed);
        var rows = new TopicText[count];
        for (int i = 0; i < count; i++)
        {
            int topic = i % Names.Length;
            var words = new List<string>();
            int length = 4 + rng.NextInt(10);
            for (int w = 0; w < length; w++)
            {
                var pool = rng.NextInt(3) == 0 ? Words[topic] : Neutral;
                words.Add(pool[rng.NextInt(pool.Length)]);
            }
            words.Insert(rng.NextInt(words.Count + 1), Words[topic][rng.NextInt(Words[topic].Length)]);
            rows[i] = new TopicText { Text = string.Join(' ', words), Topic = Names[topic] };
        }
        return rows;
    }
}

/// <summary>A text and its topic's name (map it to a key with <c>MapValueToKey</c> for the multi-class trainer).</summary>
public sealed class TopicText
{
    public string Text { get; set; } = "";

    public string Topic { get; set; } = "";
}
