namespace Lstm.Training.Embeddings;

/// <summary>
/// word2vec's unigram table: each trainable word fills a share of the table proportional to count^0.75, so a
/// uniform index into it draws a negative sample from the smoothed unigram distribution.
/// </summary>
internal sealed class NegativeSamplingTable
{
    private const double Power = 0.75;
    private readonly int[] _table;

    public NegativeSamplingTable(ReadOnlySpan<long> counts, int minCount)
    {
        int words = 0;
        double total = 0;
        for (int id = Word2Vec.FirstWordId; id < counts.Length; id++)
        {
            if (counts[id] >= minCount && counts[id] > 0)
            {
                words++;
                total += Math.Pow(counts[id], Power);
            }
        }
        if (words == 0) throw new InvalidOperationException("No trainable words.");
        int size = (int)Math.Clamp(words * 1000L, 1_000_000L, 100_000_000L);
        _table = new int[size];
        int current = -1;
        double cumulative = 0;
        int next = Word2Vec.FirstWordId;
        for (int i = 0; i < size; i++)
        {
            // Advance to the word whose cumulative share covers slot i (as the C code's InitUnigramTable does).
            while (current < 0 || (i + 0.5) / size > cumulative)
            {
                while (next < counts.Length && !(counts[next] >= minCount && counts[next] > 0)) next++;
                if (next >= counts.Length) break;
                current = next++;
                cumulative += Math.Pow(counts[current], Power) / total;
            }
            _table[i] = current;
        }
    }

    /// <summary>The word at a uniform position given by 64 random bits.</summary>
    public int Sample(ulong bits) => _table[(int)(((bits >> 32) * (ulong)_table.Length) >> 32)];
}
