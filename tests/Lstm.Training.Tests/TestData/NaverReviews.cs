using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Lstm.Training.Tests.TestData;

/// <summary>
/// Korean movie reviews from <c>shared/data/naver_movie_reviews_ko.tsv.gz</c> (found in an ancestor of the test binaries,
/// as <see cref="SharedDataArchive"/> finds the IMDB archive): UTF-8 TSV <c>rating, movie_id, text</c>, labelled with the
/// NSMC convention (ratings 1-4 negative, 9-10 positive; 5-8 skipped).
/// </summary>
public static class NaverReviews
{
    public const string FileName = "naver_movie_reviews_ko.tsv.gz";

    public sealed record Review(bool Positive, int MovieId, string Text);

    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The file's path; skips the test when missing (fails it under CI=true).</summary>
    public static string FindOrSkip()
    {
        if (Find() is { } path) return path;
        string message = $"Needs shared/data/{FileName} in an ancestor of {AppContext.BaseDirectory}.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message + " CI=true, so this test must run.");
        throw new SkipException(message);
    }

    /// <summary>The first <paramref name="count"/> labelled reviews (rows rated 5-8 and empty texts skipped).</summary>
    public static IReadOnlyList<Review> Read(int count)
    {
        using var stream = new GZipStream(File.OpenRead(FindOrSkip()), CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadLine(); // header
        var reviews = new List<Review>(count);
        while (reviews.Count < count && reader.ReadLine() is { } line)
        {
            string[] fields = line.Split('\t');
            if (fields.Length < 3 || fields[2].Length == 0) continue;
            int rating = int.Parse(fields[0], CultureInfo.InvariantCulture);
            if (rating is >= 5 and <= 8) continue;
            reviews.Add(new Review(rating >= 9, int.Parse(fields[1], CultureInfo.InvariantCulture), fields[2]));
        }
        return reviews;
    }

    /// <summary>As many positive as negative reviews (the first of each, in file order), so that chance is 0.5.</summary>
    public static IReadOnlyList<Review> Balanced(IReadOnlyList<Review> reviews)
    {
        int each = Math.Min(reviews.Count(r => r.Positive), reviews.Count(r => !r.Positive));
        var positives = reviews.Where(r => r.Positive).Take(each).ToHashSet();
        var negatives = reviews.Where(r => !r.Positive).Take(each).ToHashSet();
        return [.. reviews.Where(r => positives.Contains(r) || negatives.Contains(r))];
    }

    /// <summary>Splits by movie: reviews of movies whose id modulo <paramref name="folds"/> is 0 are held out.</summary>
    public static (IReadOnlyList<Review> Train, IReadOnlyList<Review> HeldOut) SplitByMovie(IReadOnlyList<Review> reviews, int folds = 5) =>
        ([.. reviews.Where(r => r.MovieId % folds != 0)], [.. reviews.Where(r => r.MovieId % folds == 0)]);
}
