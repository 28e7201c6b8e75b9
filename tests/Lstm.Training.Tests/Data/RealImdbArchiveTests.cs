using System.Diagnostics;
using Lstm.Training.Data;
using Lstm.Training.Tests.TestData;
using Lstm.Training.Text;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.Data;

/// <summary>Loads the real IMDB archive (<see cref="SharedDataArchive.Find"/>) once for the tests below (null when it is absent).</summary>
public sealed class RealImdbArchiveFixture
{
    public RealImdbArchiveFixture()
    {
        Path = SharedDataArchive.Find();
        if (Path is null) return;
        var watch = Stopwatch.StartNew();
        Dataset = ImdbArchive.Load(Path);
        LoadTime = watch.Elapsed;
    }

    public string? Path { get; }
    public ImdbDataset? Dataset { get; }
    public TimeSpan LoadTime { get; }
}

public sealed class RealImdbArchiveTests(RealImdbArchiveFixture fixture, ITestOutputHelper output) : IClassFixture<RealImdbArchiveFixture>
{
    private ImdbDataset DatasetOrSkip()
    {
        SharedDataArchive.FindOrSkip();
        output.WriteLine($"Loaded {fixture.Path} in {fixture.LoadTime.TotalSeconds:F2} s.");
        return fixture.Dataset!;
    }

    [SkippableFact]
    public void Has_12500_reviews_per_split_and_label()
    {
        var dataset = DatasetOrSkip();
        foreach (var split in new[] { dataset.Train, dataset.Test })
        {
            Assert.Equal(25_000, split.Count);
            Assert.Equal(12_500, split.Count(r => r.Label));
            Assert.Equal(12_500, split.Count(r => !r.Label));
        }
    }

    [SkippableFact]
    public void Stars_are_1_to_4_for_negatives_and_7_to_10_for_positives()
    {
        var dataset = DatasetOrSkip();
        foreach (var review in dataset.Train.Concat(dataset.Test))
            Assert.InRange(review.Stars!.Value, review.Label ? 7 : 1, review.Label ? 10 : 4);
    }

    [SkippableFact]
    public void Reviews_contain_html_line_breaks_and_come_in_the_documented_order()
    {
        var dataset = DatasetOrSkip();
        Assert.Contains(dataset.Train, r => r.Text.Contains("<br />", StringComparison.Ordinal));
        foreach (var (name, split) in new[] { ("train", dataset.Train), ("test", dataset.Test) })
        {
            Assert.All(split.Take(12_500), r => Assert.StartsWith($"aclImdb/{name}/neg/", r.Source));
            Assert.All(split.Skip(12_500), r => Assert.StartsWith($"aclImdb/{name}/pos/", r.Source));
            int[] ids = split.Take(12_500).Select(r => int.Parse(System.IO.Path.GetFileName(r.Source).Split('_')[0])).ToArray();
            Assert.Equal(ids.Order(), ids);
        }
    }

    [SkippableFact]
    public void Vocabulary_from_the_training_reviews_ranks_like_keras_word_index()
    {
        var dataset = DatasetOrSkip();
        var watch = Stopwatch.StartNew();
        var vocabulary = Vocabulary.BuildFromTexts(dataset.Train.Select(r => r.Text));
        TimeSpan build = watch.Elapsed;

        // Keras's imdb_word_index.json starts the=1, and=2, a=3, of=4, to=5 (so load_data ids 4..8).
        Assert.Equal(["the", "and", "a", "of", "to"], vocabulary.Words.Take(5));
        Assert.Equal(9_996, vocabulary.Words.Count);
        Assert.DoesNotContain("br", vocabulary.Words.Take(100)); // HTML breaks are not words here

        watch.Restart();
        long ids = 0, oov = 0;
        foreach (var review in dataset.Train.Concat(dataset.Test))
        {
            int[] encoded = vocabulary.Encode(review.Text);
            Assert.Equal(Vocabulary.StartId, encoded[0]);
            ids += encoded.Length;
            foreach (int id in encoded)
            {
                if (id == Vocabulary.OovId) oov++;
            }
        }
        output.WriteLine($"Vocabulary from 25,000 reviews: {build.TotalSeconds:F2} s; normalise + encode 50,000 reviews: {watch.Elapsed.TotalSeconds:F2} s " +
            $"({ids:N0} ids, {100.0 * oov / ids:F1}% out of vocabulary).");
        Assert.InRange(100.0 * oov / ids, 1, 10);
    }
}
