using System.Text;
using Lstm.KoreanReviews;
using Lstm.Training.Data;

namespace Lstm.Cli.Tests;

/// <summary>tools/Lstm.KoreanReviews's movie-disjoint, balanced, seeded split (its source files are linked into this project).</summary>
public class KoreanReviewSplitTests
{
    /// <summary>120 movies of 5-60 reviews each, ratings 1-10, in a file-like order.</summary>
    private static List<KoreanReview> Reviews()
    {
        var random = new Random(5);
        var reviews = new List<KoreanReview>();
        for (int movie = 0; movie < 120; movie++)
        {
            int count = random.Next(5, 61);
            for (int i = 0; i < count; i++)
                reviews.Add(new KoreanReview(random.Next(1, 11), (10_000 + movie * 7).ToString(System.Globalization.CultureInfo.InvariantCulture), $"영화 {movie} 리뷰 {i}"));
        }
        return [.. reviews.OrderBy(_ => random.Next())];
    }

    private static readonly SplitOptions Small = new(Seed: 42, Train: 200, Test: 60, TestMovieFraction: 0.25);

    [Fact]
    public void No_movie_is_on_both_sides_and_the_sentiment_samples_are_balanced()
    {
        var split = ReviewSplit.Create(Reviews(), Small);
        Assert.Equal(120, split.TrainMovies.Count + split.TestMovies.Count);
        Assert.Equal(30, split.TestMovies.Count);
        Assert.Empty(split.TrainMovies.Intersect(split.TestMovies));
        var testMovies = split.TestMovies.ToHashSet();
        Assert.All(split.Train.Concat(split.TrainRating), r => Assert.DoesNotContain(r.MovieId, testMovies));
        Assert.All(split.Test.Concat(split.TestRating), r => Assert.Contains(r.MovieId, testMovies));

        Assert.Equal(200, split.Train.Count);
        Assert.Equal(100, split.Train.Count(r => r.Sentiment == true));
        Assert.Equal(100, split.Train.Count(r => r.Sentiment == false));
        Assert.Equal(30, split.Test.Count(r => r.Sentiment == true));
        Assert.Equal(30, split.Test.Count(r => r.Sentiment == false));
        Assert.Equal(200, split.Train.Distinct().Count()); // drawn without replacement
        Assert.Equal((200, 60), (split.TrainRating.Count, split.TestRating.Count));
        Assert.Contains(split.TrainRating, r => r.Sentiment is null); // ratings 5-8 are kept there
    }

    [Fact]
    public void The_split_is_fixed_by_the_seed_and_writes_identical_files()
    {
        var reviews = Reviews();
        var a = ReviewSplit.Create(reviews, Small);
        var b = ReviewSplit.Create(reviews, Small);
        var c = ReviewSplit.Create(reviews, Small with { Seed = 43 });
        Assert.Equal(a.TestMovies, b.TestMovies);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.TestRating, b.TestRating);
        Assert.NotEqual(a.TestMovies, c.TestMovies);

        using var temp = new TempFolder();
        string source = temp.File("source.tsv");
        File.WriteAllText(source, "rating\tmovie_id\ttext\n");
        a.Write(temp.File("a"), source, reviews.Count, 0);
        b.Write(temp.File("b"), source, reviews.Count, 0);
        foreach (string file in (string[])["train.tsv", "test.tsv", "train-rating.tsv", "test-rating.tsv"])
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp.File("a"), file)), File.ReadAllBytes(Path.Combine(temp.File("b"), file)));
        string json = File.ReadAllText(Path.Combine(temp.File("a"), "split.json"));
        Assert.Contains("\"seed\": 42", json);
        Assert.Contains("\"sha256\":", json);
        Assert.Empty(Directory.GetFiles(temp.File("a"), "*.tmp"));

        // lstm train --data reads them: header skipped, positive/negative labels, 1-10 ratings as label text.
        var train = LabelledTextFile.Read(Path.Combine(temp.File("a"), "train.tsv"));
        Assert.Equal(a.Train.Select(r => r.Sentiment == true), train.Select(t => t.Label));
        Assert.Equal(a.Train.Select(r => r.Text), train.Select(t => t.Text));
        var ratings = LabelledTextFile.Read(Path.Combine(temp.File("a"), "test-rating.tsv"), LabelledTextFileOptions.Default with { BinaryLabels = false });
        Assert.Equal(a.TestRating.Select(r => r.Rating.ToString(System.Globalization.CultureInfo.InvariantCulture)), ratings.Select(t => t.LabelText));
    }

    [Fact]
    public void Reading_checks_the_header_and_skips_blank_texts_and_too_small_sides_are_refused()
    {
        var rows = ReviewSplit.Read(new StringReader("rating\tmovie_id\ttext\n10\t1\t좋아요\n1\t2\t \n3\t2\t별로\n"), "x.tsv", out int blank);
        Assert.Equal([new KoreanReview(10, "1", "좋아요"), new KoreanReview(3, "2", "별로")], rows);
        Assert.Equal(1, blank);
        Assert.Throws<InvalidDataException>(() => ReviewSplit.Read(new StringReader("label\ttext\n"), "x.tsv", out _));
        Assert.Throws<InvalidDataException>(() => ReviewSplit.Read(new StringReader("rating\tmovie_id\ttext\n11\t1\tx\n"), "x.tsv", out _));
        Assert.Throws<InvalidDataException>(() => ReviewSplit.Create(Reviews(), Small with { Train = 20_000 }));
        Assert.Throws<ArgumentException>(() => ReviewSplit.Create(Reviews(), Small with { Train = 201 }));
        Assert.Equal("label\ttext\npositive\ta b\n", Encoding.UTF8.GetString(ReviewSplit.ToTsv([new KoreanReview(9, "1", "a\tb")], rating: false)));
    }
}
