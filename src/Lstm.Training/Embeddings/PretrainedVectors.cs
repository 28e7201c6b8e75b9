using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Lstm.Training.Embeddings;

/// <summary>
/// Word vectors from outside, e.g. read by <see cref="WordVectorsFile.Read(string, int?, CancellationToken)"/>: words mapped to vectors that all have
/// <see cref="Dimensions"/> finite values. Enumeration follows the order the words were added (a file's order).
/// </summary>
public sealed class PretrainedVectors : IReadOnlyDictionary<string, float[]>
{
    private readonly Dictionary<string, float[]> _vectors;
    private readonly List<string> _order;

    /// <summary>Vectors from pairs of word and vector.</summary>
    /// <param name="dimensions">Length of every vector, 1 to <see cref="WordVectorsFile.MaxDimensions"/>.</param>
    /// <param name="vectors">Words (non-empty, distinct) with their vectors (finite values, <paramref name="dimensions"/> of them).</param>
    /// <exception cref="ArgumentException">A word is empty or repeated, or a vector has the wrong length or a non-finite value.</exception>
    public PretrainedVectors(int dimensions, IEnumerable<KeyValuePair<string, float[]>> vectors)
        : this(dimensions)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        foreach ((string word, float[] vector) in vectors)
        {
            if (string.IsNullOrEmpty(word)) throw new ArgumentException("Words must not be null or empty.", nameof(vectors));
            ArgumentNullException.ThrowIfNull(vector, nameof(vectors));
            if (vector.Length != dimensions)
                throw new ArgumentException($"The vector of '{word}' has {vector.Length} values; expected {dimensions}.", nameof(vectors));
            for (int i = 0; i < vector.Length; i++)
            {
                if (!float.IsFinite(vector[i])) throw new ArgumentException($"The vector of '{word}' has the non-finite value {vector[i]} at index {i}.", nameof(vectors));
            }
            if (!TryAdd(word, vector)) throw new ArgumentException($"Word '{word}' appears twice.", nameof(vectors));
        }
    }

    internal PretrainedVectors(int dimensions)
    {
        if (dimensions is < 1 or > WordVectorsFile.MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"Dimensions must be in [1, {WordVectorsFile.MaxDimensions}].");
        Dimensions = dimensions;
        _vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        _order = [];
    }

    /// <summary>Length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>Lines skipped because their word had already appeared (the first vector of a word is kept).</summary>
    public int DuplicateWords { get; internal set; }

    /// <summary>Number of words.</summary>
    public int Count => _vectors.Count;

    /// <summary>The words, in the order they were added.</summary>
    public IEnumerable<string> Keys => _order;

    /// <summary>The vectors, in the order their words were added.</summary>
    public IEnumerable<float[]> Values => _order.Select(w => _vectors[w]);

    /// <summary>The vector of <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The word has no vector.</exception>
    public float[] this[string key] => _vectors[key];

    /// <summary>Whether <paramref name="key"/> has a vector (ordinal, case-sensitive).</summary>
    public bool ContainsKey(string key) => _vectors.ContainsKey(key);

    /// <summary>The vector of <paramref name="key"/>, if any (ordinal, case-sensitive).</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out float[] value) => _vectors.TryGetValue(key, out value);

    /// <summary>Words and vectors in the order the words were added.</summary>
    public IEnumerator<KeyValuePair<string, float[]>> GetEnumerator()
    {
        foreach (string word in _order) yield return new KeyValuePair<string, float[]>(word, _vectors[word]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal bool TryAdd(string word, float[] vector)
    {
        if (!_vectors.TryAdd(word, vector)) return false;
        _order.Add(word);
        return true;
    }
}
