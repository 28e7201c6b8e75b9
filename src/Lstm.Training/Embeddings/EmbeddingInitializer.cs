using Lstm.Training.Text;

namespace Lstm.Training.Embeddings;

/// <summary>
/// Puts word vectors into an embedding matrix (row-major <c>[vocabulary, dimensions]</c>, row = token id) before
/// training: rows of words that have a vector are overwritten, every other row — ids 0-3 and words the vectors lack —
/// keeps its current (e.g. random) values.
/// </summary>
/// <remarks>
/// <c>targetStd</c> rescales the copied vectors (all by one factor, without centring) so that the standard deviation of
/// all copied values equals it, letting the network start from inputs of the scale its random initialisation had:
/// e.g. 0.05/√3 ≈ 0.0289 for Keras's uniform ±0.05. Null copies the vectors as they are.
/// </remarks>
public static class EmbeddingInitializer
{
    /// <summary>
    /// Copies <paramref name="vectors"/> into the rows of <paramref name="vocabulary"/>'s words. A word is looked up
    /// exactly, then, failing that, as the first vector word (in file order) whose <see cref="TextNormalizer"/> form is
    /// the word (so "Great" or "GREAT" serve "great", and "don’t" serves "don't").
    /// </summary>
    /// <param name="embedding">The matrix, <c>vocabulary.NumWords × dimensions</c> values.</param>
    /// <param name="dimensions">Columns of the matrix; must equal the vectors' dimensions.</param>
    /// <param name="vocabulary">Gives each word its row.</param>
    /// <param name="vectors">The vectors, e.g. from <see cref="WordVectorsFile.Read(string, int?, CancellationToken)"/>.</param>
    /// <param name="targetStd">Standard deviation to rescale the copied values to (positive); null = copy as is.</param>
    /// <param name="trainingSequences">The encoded training texts, to compute <see cref="EmbeddingCoverage.TokenShare"/>; may be null.</param>
    /// <exception cref="ArgumentException">The dimensions differ, the matrix has the wrong size, or a sequence holds an id out of range.</exception>
    public static EmbeddingCoverage CopyInto(Span<float> embedding, int dimensions, Vocabulary vocabulary, PretrainedVectors vectors,
        float? targetStd = null, IReadOnlyList<int[]>? trainingSequences = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(vectors);
        CheckShape(embedding.Length, dimensions, vectors.Dimensions, vocabulary.NumWords);
        CheckTargetStd(targetStd);

        var found = new List<(int Id, float[] Vector)>();
        var covered = new bool[vocabulary.NumWords];
        Dictionary<string, string>? normalised = null;
        int fallbackMatches = 0;
        for (int k = 0; k < vocabulary.Words.Count; k++)
        {
            string word = vocabulary.Words[k];
            int id = k + Vocabulary.IndexFrom + 1;
            if (!vectors.TryGetValue(word, out float[]? vector))
            {
                normalised ??= NormalisedIndex(vectors);
                if (!normalised.TryGetValue(word, out string? key)) continue;
                vector = vectors[key];
                fallbackMatches++;
            }
            found.Add((id, vector));
            covered[id] = true;
        }

        float scale = Write(embedding, dimensions, found, targetStd);
        double? tokenShare = trainingSequences is null ? null : TokenShare(trainingSequences, covered);
        return new EmbeddingCoverage(vocabulary.Words.Count, found.Count, fallbackMatches, tokenShare, scale);
    }

    /// <summary>
    /// Copies the vectors <see cref="Word2Vec.Train"/> learned into the rows of the same ids (the sequences it learned
    /// from were encoded with the embedding's vocabulary). <see cref="EmbeddingCoverage.TokenShare"/> comes from the counts.
    /// </summary>
    /// <param name="embedding">The matrix, <c>vectors.VocabularySize × dimensions</c> values.</param>
    /// <param name="dimensions">Columns of the matrix; must equal <see cref="WordVectors.Dimensions"/>.</param>
    /// <param name="vectors">The learned vectors.</param>
    /// <param name="targetStd">Standard deviation to rescale the copied values to (positive); null = copy as is.</param>
    /// <exception cref="ArgumentException">The dimensions differ or the matrix has the wrong size.</exception>
    public static EmbeddingCoverage CopyInto(Span<float> embedding, int dimensions, WordVectors vectors, float? targetStd = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        CheckShape(embedding.Length, dimensions, vectors.Dimensions, vectors.VocabularySize);
        CheckTargetStd(targetStd);
        var found = new List<(int Id, float[] Vector)>();
        long tokens = 0, coveredTokens = 0;
        for (int id = Word2Vec.FirstWordId; id < vectors.VocabularySize; id++)
        {
            tokens += vectors.Count(id);
            if (!vectors.HasVector(id)) continue;
            coveredTokens += vectors.Count(id);
            found.Add((id, vectors.Row(id).ToArray()));
        }
        float scale = Write(embedding, dimensions, found, targetStd);
        return new EmbeddingCoverage(vectors.VocabularySize - Word2Vec.FirstWordId, found.Count, 0,
            tokens == 0 ? 0 : (double)coveredTokens / tokens, scale);
    }

    private static void CheckShape(int length, int dimensions, int vectorDimensions, int rows)
    {
        if (dimensions < 1) throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "dimensions must be at least 1.");
        if (vectorDimensions != dimensions)
            throw new ArgumentException($"The vectors have {vectorDimensions} dimensions, the embedding {dimensions}.", nameof(dimensions));
        if ((long)rows * dimensions != length)
            throw new ArgumentException($"The embedding holds {length} values; {rows} rows × {dimensions} dimensions = {(long)rows * dimensions} expected.", "embedding");
    }

    private static void CheckTargetStd(float? targetStd)
    {
        if (targetStd is { } s && (!float.IsFinite(s) || s <= 0))
            throw new ArgumentOutOfRangeException(nameof(targetStd), targetStd, "targetStd must be a positive finite number (or null to copy as is).");
    }

    /// <summary>Vector words that normalise to a different single token, mapped from that token to the first such word.</summary>
    private static Dictionary<string, string> NormalisedIndex(PretrainedVectors vectors)
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string key in vectors.Keys)
        {
            string form = TextNormalizer.Normalize(key);
            if (form.Length == 0 || form == key || form.Contains(' ')) continue;
            index.TryAdd(form, key);
        }
        return index;
    }

    private static float Write(Span<float> embedding, int dimensions, List<(int Id, float[] Vector)> found, float? targetStd)
    {
        float scale = 1f;
        if (targetStd is { } target && found.Count > 0)
        {
            double sum = 0, sumSquares = 0;
            foreach ((_, float[] vector) in found)
            {
                foreach (float v in vector)
                {
                    sum += v;
                    sumSquares += (double)v * v;
                }
            }
            double n = (double)found.Count * dimensions;
            double mean = sum / n;
            double std = Math.Sqrt(Math.Max(0, sumSquares / n - mean * mean));
            if (std > 0) scale = (float)(target / std);
        }
        foreach ((int id, float[] vector) in found)
        {
            Span<float> row = embedding.Slice(id * dimensions, dimensions);
            for (int d = 0; d < dimensions; d++) row[d] = vector[d] * scale;
        }
        return scale;
    }

    private static double TokenShare(IReadOnlyList<int[]> sequences, bool[] covered)
    {
        long tokens = 0, coveredTokens = 0;
        for (int s = 0; s < sequences.Count; s++)
        {
            int[] sequence = sequences[s] ?? throw new ArgumentException($"Sequence {s} is null.", "trainingSequences");
            for (int p = 0; p < sequence.Length; p++)
            {
                int id = sequence[p];
                if ((uint)id >= (uint)covered.Length)
                    throw new ArgumentException($"Sequence {s}, position {p}: id {id} is outside [0, {covered.Length}).", "trainingSequences");
                if (id < Word2Vec.FirstWordId) continue;
                tokens++;
                if (covered[id]) coveredTokens++;
            }
        }
        return tokens == 0 ? 0 : (double)coveredTokens / tokens;
    }
}
