using System.Runtime.InteropServices;
using Lstm.Training.Embeddings;

namespace Lstm.Training.Tests.Embeddings;

public class Word2VecTests
{
    /// <summary>Ids 4-13 ("A" words) only ever appear with each other, ids 14-23 ("B" words) likewise; some reserved ids sprinkled in.</summary>
    private static List<int[]> TwoTopicCorpus(int texts, ulong seed)
    {
        var random = new SeededRandom(seed);
        var corpus = new List<int[]>(texts);
        for (int t = 0; t < texts; t++)
        {
            int first = t % 2 == 0 ? 4 : 14;
            var text = new int[1 + 20];
            text[0] = 1;
            for (int i = 1; i < text.Length; i++) text[i] = random.NextInt(25) == 0 ? 2 : first + random.NextInt(10);
            corpus.Add(text);
        }
        return corpus;
    }

    private static readonly Word2VecOptions Small = new() { Dimensions = 16, Window = 3, Epochs = 3, Threads = 1, SubsampleThreshold = 0 };

    [Fact]
    public void One_thread_is_bit_for_bit_reproducible_from_the_seed()
    {
        var corpus = TwoTopicCorpus(300, 1);
        var options = Small with { SubsampleThreshold = 1e-2 };
        WordVectors a = Word2Vec.Train(corpus, 24, options);
        WordVectors b = Word2Vec.Train(corpus, 24, options);
        WordVectors c = Word2Vec.Train(corpus, 24, options with { Seed = 43 });
        Assert.True(MemoryMarshal.AsBytes(a.Values.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(b.Values.AsSpan())));
        Assert.False(MemoryMarshal.AsBytes(a.Values.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(c.Values.AsSpan())));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Words_that_share_contexts_are_nearest_neighbours(int threads)
    {
        var corpus = TwoTopicCorpus(2000, 2);
        WordVectors vectors = Word2Vec.Train(corpus, 24, Small with { Threads = threads });
        foreach (int id in new[] { 4, 9, 14, 23 })
        {
            var nearest = vectors.Nearest(id, 5);
            Assert.Equal(5, nearest.Count);
            Assert.All(nearest, n => Assert.Equal(id < 14, n.Id < 14));
            Assert.DoesNotContain(nearest, n => n.Id == id);
            Assert.True(nearest.Zip(nearest.Skip(1)).All(p => p.First.Cosine >= p.Second.Cosine));
        }
    }

    [Fact]
    public void Reserved_and_unseen_ids_get_zero_rows_and_no_vector()
    {
        int[][] corpus = [[1, 4, 5, 6, 2, 4, 5], [1, 6, 5, 4]];
        WordVectors vectors = Word2Vec.Train(corpus, 10, Small with { Dimensions = 4 });
        Assert.Equal(10, vectors.VocabularySize);
        Assert.Equal(40, vectors.Values.Length);
        foreach (int id in new[] { 0, 1, 2, 3, 7, 8, 9 })
        {
            Assert.False(vectors.HasVector(id));
            Assert.All(vectors.Row(id).ToArray(), v => Assert.Equal(0f, v));
        }
        Assert.True(vectors.HasVector(4));
        Assert.Equal(3, vectors.Count(4));
        Assert.Equal(2, vectors.Count(1));
        Assert.Equal([5, 6], vectors.Nearest(4, 10).Select(n => n.Id).Order());
        Assert.Throws<ArgumentException>(() => vectors.Nearest(7, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => vectors.Row(10));
    }

    [Fact]
    public void Long_sequences_are_trained_in_pieces_and_more_threads_than_sequences_are_fine()
    {
        var random = new SeededRandom(5);
        int[] longText = new int[5_000];
        for (int i = 0; i < longText.Length; i++) longText[i] = 4 + random.NextInt(20);
        var reports = new List<Word2VecProgress>();
        var options = Small with { Epochs = 1, Progress = new Synchronous<Word2VecProgress>(reports.Add) };
        WordVectors a = Word2Vec.Train([longText], 24, options);
        WordVectors b = Word2Vec.Train([longText], 24, options with { Progress = null });
        Assert.Equal(a.Values, b.Values);
        Assert.True(reports.Count >= 4, $"{reports.Count} reports");
        Assert.Equal(5_000, reports[^1].WordsProcessed);
        WordVectors c = Word2Vec.Train([longText, [4, 5]], 24, Small with { Threads = 8 });
        Assert.True(c.HasVector(23));
    }

    [Fact]
    public void Min_count_drops_rare_words()
    {
        int[][] corpus = [[4, 5, 4, 5, 6], [4, 5, 4]];
        WordVectors vectors = Word2Vec.Train(corpus, 8, Small with { MinCount = 2 });
        Assert.True(vectors.HasVector(4));
        Assert.True(vectors.HasVector(5));
        Assert.False(vectors.HasVector(6));
    }

    [Fact]
    public void Ids_out_of_range_name_the_sequence_and_position()
    {
        int[][] corpus = [[1, 4, 5], [1, 5, 10, 4]];
        var e = Assert.Throws<ArgumentException>(() => Word2Vec.Train(corpus, 10, Small));
        Assert.Contains("Sequence 1, position 2: id 10 is outside [0, 10)", e.Message);
        e = Assert.Throws<ArgumentException>(() => Word2Vec.Train([[1, -1]], 10, Small));
        Assert.Contains("Sequence 0, position 1: id -1", e.Message);
        e = Assert.Throws<ArgumentException>(() => Word2Vec.Train([[1, 4], null!], 10, Small));
        Assert.Contains("Sequence 1 is null", e.Message);
    }

    [Fact]
    public void Nothing_to_train_and_bad_sizes_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Word2Vec.Train([[0, 1, 2, 3]], 10, Small));
        Assert.Contains("nothing to train", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Word2Vec.Train([[1]], 4, Small));
    }

    [Theory]
    [InlineData("Dimensions")]
    [InlineData("Window")]
    [InlineData("NegativeSamples")]
    [InlineData("Epochs")]
    [InlineData("LearningRate")]
    [InlineData("SubsampleThreshold")]
    [InlineData("MinCount")]
    [InlineData("Threads")]
    public void Bad_options_are_refused_naming_the_setting(string name)
    {
        Word2VecOptions bad = name switch
        {
            "Dimensions" => Small with { Dimensions = 0 },
            "Window" => Small with { Window = 0 },
            "NegativeSamples" => Small with { NegativeSamples = 0 },
            "Epochs" => Small with { Epochs = 0 },
            "LearningRate" => Small with { LearningRate = float.NaN },
            "SubsampleThreshold" => Small with { SubsampleThreshold = -1 },
            "MinCount" => Small with { MinCount = 0 },
            _ => Small with { Threads = 0 },
        };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Word2Vec.Train([[4, 5]], 10, bad));
        Assert.Equal(name, e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => (Small with { Dimensions = 8193 }).Validate());
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Word2Vec.Train(TwoTopicCorpus(100, 3), 24, Small, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Word2Vec.Train(TwoTopicCorpus(100, 3), 24, Small with { Threads = 2 }, cts.Token));
    }

    [Fact]
    public void Cancellation_from_progress_stops_training_midway()
    {
        using var cts = new CancellationTokenSource();
        var reports = new List<Word2VecProgress>();
        var options = Small with { Epochs = 50, Progress = new Synchronous<Word2VecProgress>(p => { reports.Add(p); cts.Cancel(); }) };
        Assert.ThrowsAny<OperationCanceledException>(() => Word2Vec.Train(TwoTopicCorpus(2000, 3), 24, options, cts.Token));
        Assert.Single(reports);
        Assert.True(reports[0].WordsProcessed < reports[0].TotalWords / 10);
    }

    [Fact]
    public void Progress_is_reported_a_few_times_per_epoch_with_a_falling_learning_rate()
    {
        var reports = new List<Word2VecProgress>();
        var options = Small with { Epochs = 2, Progress = new Synchronous<Word2VecProgress>(reports.Add) };
        var corpus = TwoTopicCorpus(400, 4);
        long words = corpus.Sum(t => t.Count(id => id >= 4));
        Word2Vec.Train(corpus, 24, options);
        Assert.InRange(reports.Count, 6, 10);
        Word2VecProgress last = reports[^1];
        Assert.Equal(2 * words, last.TotalWords);
        Assert.Equal(last.TotalWords, last.WordsProcessed);
        Assert.Equal(2, last.Epoch);
        Assert.Equal(1, reports[0].Epoch);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.LearningRate > p.Second.LearningRate && p.First.WordsProcessed < p.Second.WordsProcessed));
        Assert.InRange(last.LearningRate, 0.025f * 0.0001f, 0.025f * 0.001f);
        Assert.True(last.WordsPerSecond > 0);
    }

    private sealed class Synchronous<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
