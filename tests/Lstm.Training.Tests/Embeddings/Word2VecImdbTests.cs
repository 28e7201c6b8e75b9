using System.Diagnostics;
using Lstm.Training.Data;
using Lstm.Training.Embeddings;
using Lstm.Training.Tests.Data;
using Lstm.Training.Tests.TestData;
using Lstm.Training.Text;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.Embeddings;

/// <summary>Skip-gram on the 25,000 real IMDB training reviews: sentiment words end up beside each other.</summary>
public sealed class Word2VecImdbTests(RealImdbArchiveFixture fixture, ITestOutputHelper output) : IClassFixture<RealImdbArchiveFixture>
{
    private static readonly string[] Positive =
        ["great", "superb", "outstanding", "wonderful", "terrific", "fantastic", "brilliant", "fine", "good", "exceptional",
         "amazing", "superior", "perfect", "top", "impressive", "splendid", "marvelous", "magnificent", "remarkable"];

    private static readonly string[] Negative =
        ["terrible", "horrible", "atrocious", "dreadful", "bad", "abysmal", "lousy", "pathetic", "horrid", "poor", "worst",
         "laughable", "stupid", "crappy", "appalling", "horrendous", "dire", "sucks", "lame"];

    [SkippableFact]
    public void Excellent_and_awful_have_neighbours_of_their_own_sentiment()
    {
        SharedDataArchive.FindOrSkip();
        output.WriteLine($"Loaded {fixture.Path} in {fixture.LoadTime.TotalSeconds:F1} s.");
        IReadOnlyList<LabelledText> train = fixture.Dataset!.Train;
        var watch = Stopwatch.StartNew();
        Vocabulary vocabulary = Vocabulary.BuildFromTexts(train.Select(r => r.Text), 10_000);
        int[][] sequences = new int[train.Count][];
        Parallel.For(0, train.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => sequences[i] = vocabulary.Encode(train[i].Text));
        output.WriteLine($"Vocabulary and encoding: {watch.Elapsed.TotalSeconds:F1} s; {sequences.Sum(s => (long)s.Length):N0} ids.");

        var reports = new List<Word2VecProgress>();
        var options = new Word2VecOptions
        {
            Dimensions = 100,
            Window = 5,
            NegativeSamples = 5,
            Epochs = 2,
            Threads = 2,
            Seed = 42,
            SubsampleThreshold = 1e-4,
            Progress = new Recorder(reports, output),
        };
        watch.Restart();
        WordVectors vectors = Word2Vec.Train(sequences, vocabulary.NumWords, options);
        output.WriteLine($"Training: {watch.Elapsed.TotalSeconds:F1} s, {reports[^1].WordsPerSecond:N0} words/s.");

        foreach (string word in new[] { "excellent", "awful", "boring" })
        {
            var nearest = vectors.Nearest(vocabulary.GetId(word), 10);
            output.WriteLine($"{word}: " + string.Join(", ", nearest.Select(n => $"{vocabulary.Words[n.Id - 4]} {n.Cosine:F3}")));
        }
        AssertNeighbours(vocabulary, vectors, "excellent", Positive, Negative);
        AssertNeighbours(vocabulary, vectors, "awful", Negative, Positive);
    }

    private static void AssertNeighbours(Vocabulary vocabulary, WordVectors vectors, string word, string[] same, string[] opposite)
    {
        string[] nearest = vectors.Nearest(vocabulary.GetId(word), 10).Select(n => vocabulary.Words[n.Id - 4]).ToArray();
        Assert.True(nearest.Count(same.Contains) >= 3, $"{word}: [{string.Join(", ", nearest)}] has fewer than 3 of [{string.Join(", ", same)}].");
        Assert.False(nearest.Any(opposite.Contains), $"{word}: [{string.Join(", ", nearest)}] contains one of [{string.Join(", ", opposite)}].");
    }

    private sealed class Recorder(List<Word2VecProgress> reports, ITestOutputHelper output) : IProgress<Word2VecProgress>
    {
        public void Report(Word2VecProgress value)
        {
            lock (reports) reports.Add(value);
            output.WriteLine(value.ToString());
        }
    }
}
