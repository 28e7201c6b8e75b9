using Lstm.Training.Embeddings;
using Lstm.Training.Text;

namespace Lstm.Training.Tests.Embeddings;

public class EmbeddingInitializerTests
{
    // Ids: great 4, film 5, bad 6, plot 7, don't 8 (numWords 9).
    private static readonly Vocabulary Vocab = Vocabulary.FromWords(["great", "film", "bad", "plot", "don't"], 9);

    private static float[] Filled(int rows, int dim, float value) => Enumerable.Repeat(value, rows * dim).ToArray();

    private static float[] Row(float[] matrix, int id, int dim) => matrix.AsSpan(id * dim, dim).ToArray();

    [Fact]
    public void Copies_found_words_to_their_ids_and_keeps_the_other_rows()
    {
        var vectors = new PretrainedVectors(2, [new("film", [1f, 2f]), new("bad", [-3f, 4f]), new("unused", [9f, 9f])]);
        float[] embedding = Filled(9, 2, 0.01f);
        EmbeddingCoverage coverage = EmbeddingInitializer.CopyInto(embedding, 2, Vocab, vectors);
        Assert.Equal([1f, 2f], Row(embedding, 5, 2));
        Assert.Equal([-3f, 4f], Row(embedding, 6, 2));
        foreach (int id in new[] { 0, 1, 2, 3, 4, 7, 8 }) Assert.Equal([0.01f, 0.01f], Row(embedding, id, 2));
        Assert.Equal(new EmbeddingCoverage(5, 2, 0, null, 1f), coverage);
        Assert.Equal(0.4, coverage.WordShare);
    }

    [Fact]
    public void Falls_back_to_the_first_vector_whose_normalised_word_matches()
    {
        // "Great" and "GREAT" both normalise to "great": the first in file order wins. "don’t" normalises to "don't".
        var vectors = new PretrainedVectors(1, [new("Great", [1f]), new("GREAT", [2f]), new("Film", [3f]), new("film", [4f]), new("don’t", [5f])]);
        float[] embedding = Filled(9, 1, 0f);
        EmbeddingCoverage coverage = EmbeddingInitializer.CopyInto(embedding, 1, Vocab, vectors);
        Assert.Equal(1f, embedding[4]);
        Assert.Equal(4f, embedding[5]); // exact match beats the fallback
        Assert.Equal(5f, embedding[8]);
        Assert.Equal(3, coverage.WordsFound);
        Assert.Equal(2, coverage.FallbackMatches);
    }

    [Fact]
    public void Rescales_copied_vectors_to_the_target_std()
    {
        var vectors = new PretrainedVectors(3, [new("great", [1f, -2f, 3f]), new("film", [0.5f, 4f, -1f]), new("plot", [2f, 2f, -6f])]);
        float[] embedding = Filled(9, 3, 0.07f);
        const float target = 0.05f / 1.7320508f;
        EmbeddingCoverage coverage = EmbeddingInitializer.CopyInto(embedding, 3, Vocab, vectors, targetStd: target);
        double[] copied = [.. Row(embedding, 4, 3), .. Row(embedding, 5, 3), .. Row(embedding, 7, 3)];
        double mean = copied.Average();
        double std = Math.Sqrt(copied.Sum(v => (v - mean) * (v - mean)) / copied.Length);
        Assert.Equal(target, std, 1e-6);
        Assert.Equal(vectors["great"][1] * coverage.Scale, embedding[4 * 3 + 1], 1e-7);
        Assert.Equal([0.07f, 0.07f, 0.07f], Row(embedding, 6, 3));
        Assert.NotEqual(1f, coverage.Scale);
    }

    [Fact]
    public void Token_share_counts_training_tokens_of_found_words()
    {
        var vectors = new PretrainedVectors(1, [new("great", [1f])]);
        int[][] sequences = [[1, 4, 4, 5, 2], [1, 6, 4]]; // real-word tokens: 4,4,5,6,4 → 3 of 5 are "great"
        EmbeddingCoverage coverage = EmbeddingInitializer.CopyInto(new float[9], 1, Vocab, vectors, trainingSequences: sequences);
        Assert.Equal(0.6, coverage.TokenShare!.Value, 1e-12);
        var e = Assert.Throws<ArgumentException>(() => EmbeddingInitializer.CopyInto(new float[9], 1, Vocab, vectors, trainingSequences: [[1, 9]]));
        Assert.Contains("Sequence 0, position 1: id 9", e.Message);
    }

    [Fact]
    public void Dimension_and_size_mismatches_are_refused()
    {
        var vectors = new PretrainedVectors(300, [new("film", new float[300])]);
        var e = Assert.Throws<ArgumentException>(() => EmbeddingInitializer.CopyInto(new float[9 * 128], 128, Vocab, vectors));
        Assert.Contains("The vectors have 300 dimensions, the embedding 128.", e.Message);
        e = Assert.Throws<ArgumentException>(() => EmbeddingInitializer.CopyInto(new float[8 * 300], 300, Vocab, vectors));
        Assert.Contains("9 rows × 300 dimensions", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddingInitializer.CopyInto(new float[9 * 300], 300, Vocab, vectors, targetStd: 0f));
    }

    [Fact]
    public void Copies_trained_word_vectors_by_id_with_token_coverage()
    {
        int[][] corpus = [[1, 4, 5, 6, 4, 5], [1, 5, 4, 2]];
        WordVectors trained = Word2Vec.Train(corpus, 9, new Word2VecOptions { Dimensions = 4, Epochs = 1, Threads = 1 });
        float[] embedding = Filled(9, 4, 0.5f);
        EmbeddingCoverage coverage = EmbeddingInitializer.CopyInto(embedding, 4, trained);
        foreach (int id in new[] { 4, 5, 6 }) Assert.Equal(trained.Row(id).ToArray(), Row(embedding, id, 4));
        foreach (int id in new[] { 0, 1, 2, 3, 7, 8 }) Assert.Equal([0.5f, 0.5f, 0.5f, 0.5f], Row(embedding, id, 4));
        Assert.Equal(5, coverage.VocabularyWords);
        Assert.Equal(3, coverage.WordsFound);
        Assert.Equal(1.0, coverage.TokenShare);

        EmbeddingInitializer.CopyInto(embedding, 4, trained, targetStd: 0.02f);
        double[] copied = [.. Row(embedding, 4, 4), .. Row(embedding, 5, 4), .. Row(embedding, 6, 4)];
        double mean = copied.Average();
        Assert.Equal(0.02, Math.Sqrt(copied.Sum(v => (v - mean) * (v - mean)) / copied.Length), 1e-6);
    }
}
