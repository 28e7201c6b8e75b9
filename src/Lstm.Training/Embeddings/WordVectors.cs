using System.Numerics.Tensors;

namespace Lstm.Training.Embeddings;

/// <summary>
/// Vectors learned by <see cref="Word2Vec.Train"/>: one row per token id, in the ids of the vocabulary the sequences
/// were encoded with. Rows of ids 0-3 and of words too rare to train (<see cref="HasVector"/> false) are zero.
/// </summary>
public sealed class WordVectors
{
    private readonly long[] _counts;
    private readonly bool[] _hasVector;

    internal WordVectors(int vocabularySize, int dimensions, float[] values, long[] counts, bool[] hasVector)
    {
        VocabularySize = vocabularySize;
        Dimensions = dimensions;
        Values = values;
        _counts = counts;
        _hasVector = hasVector;
    }

    /// <summary>Number of rows: ids are below this number.</summary>
    public int VocabularySize { get; }

    /// <summary>Length of each vector.</summary>
    public int Dimensions { get; }

    /// <summary>All vectors, row-major <c>[VocabularySize, Dimensions]</c>: id i is <c>Values[i*Dimensions .. (i+1)*Dimensions)</c>.</summary>
    public float[] Values { get; }

    /// <summary>The vector of <paramref name="id"/>.</summary>
    public ReadOnlySpan<float> Row(int id)
    {
        CheckId(id);
        return Values.AsSpan(id * Dimensions, Dimensions);
    }

    /// <summary>Whether <paramref name="id"/> was trained: a real word (id ≥ 4) seen at least <c>MinCount</c> times.</summary>
    public bool HasVector(int id)
    {
        CheckId(id);
        return _hasVector[id];
    }

    /// <summary>How often <paramref name="id"/> appeared in the training sequences (before subsampling).</summary>
    public long Count(int id)
    {
        CheckId(id);
        return _counts[id];
    }

    /// <summary>
    /// The <paramref name="count"/> trained words most similar to <paramref name="id"/> by cosine, most similar first
    /// (ties by ascending id); the word itself is left out.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not a row, or <paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> has no vector.</exception>
    public IReadOnlyList<(int Id, float Cosine)> Nearest(int id, int count)
    {
        CheckId(id);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!_hasVector[id]) throw new ArgumentException($"Id {id} has no vector: it is reserved or was too rare to train.", nameof(id));
        ReadOnlySpan<float> query = Row(id);
        var best = new List<(int Id, float Cosine)>(count + 1);
        for (int other = 0; other < VocabularySize && count > 0; other++)
        {
            if (other == id || !_hasVector[other]) continue;
            float cosine = TensorPrimitives.CosineSimilarity(query, Values.AsSpan(other * Dimensions, Dimensions));
            if (float.IsNaN(cosine)) continue;
            if (best.Count == count && cosine <= best[^1].Cosine) continue;
            int at = best.Count;
            while (at > 0 && best[at - 1].Cosine < cosine) at--;
            best.Insert(at, (other, cosine));
            if (best.Count > count) best.RemoveAt(best.Count - 1);
        }
        return best;
    }

    private void CheckId(int id)
    {
        if ((uint)id >= (uint)VocabularySize)
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Ids are in [0, {VocabularySize}).");
    }
}
