using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lstm.Training;

namespace Lstm.KoreanReviews;

/// <summary>Sizes and seed of a <see cref="ReviewSplit"/>.</summary>
/// <param name="Seed">Seed of the movie shuffle and of every sample.</param>
/// <param name="Train">Sentiment-labelled training reviews (even: half positive, half negative); also the size of the rating training sample.</param>
/// <param name="Test">Sentiment-labelled test reviews (even: half positive, half negative); also the size of the rating test sample.</param>
/// <param name="TestMovieFraction">Share of the distinct movies whose reviews are test reviews.</param>
public sealed record SplitOptions(int Seed = 42, int Train = 40_000, int Test = 10_000, double TestMovieFraction = 0.2)
{
    /// <summary>Throws on sizes that cannot be balanced or a fraction outside (0, 1).</summary>
    public void Validate()
    {
        if (Seed < 0) throw new ArgumentException($"The seed must be at least 0, not {Seed}.");
        if (Train < 2 || Train % 2 != 0) throw new ArgumentException($"--train must be an even number of at least 2 (half positive, half negative), not {Train}.");
        if (Test < 2 || Test % 2 != 0) throw new ArgumentException($"--test must be an even number of at least 2 (half positive, half negative), not {Test}.");
        if (!(TestMovieFraction > 0 && TestMovieFraction < 1)) throw new ArgumentException($"--test-movies must be between 0 and 1, not {TestMovieFraction}.");
    }
}

/// <summary>
/// A movie-disjoint split of the Naver reviews: the distinct movie ids, sorted, are shuffled with the seed and the first
/// <see cref="SplitOptions.TestMovieFraction"/> of them are test movies; no review of a test movie is a training review.
/// From each side it draws a sentiment sample balanced between NSMC's classes (1-4 negative, 9-10 positive; 5-8 left out)
/// and, independently, a rating sample of the same size drawn uniformly from all of that side's reviews (every rating
/// 1-10, in its natural proportions, not balanced). The two samples of a side may share reviews.
/// </summary>
public sealed class ReviewSplit
{
    /// <summary>The header of <c>naver_movie_reviews_ko.tsv.gz</c>.</summary>
    public const string SourceHeader = "rating\tmovie_id\ttext";

    private ReviewSplit(SplitOptions options, IReadOnlyList<string> trainMovies, IReadOnlyList<string> testMovies,
        IReadOnlyList<KoreanReview> train, IReadOnlyList<KoreanReview> test, IReadOnlyList<KoreanReview> trainRating,
        IReadOnlyList<KoreanReview> testRating, int trainMovieReviews, int testMovieReviews)
    {
        Options = options;
        TrainMovies = trainMovies;
        TestMovies = testMovies;
        Train = train;
        Test = test;
        TrainRating = trainRating;
        TestRating = testRating;
        TrainMovieReviews = trainMovieReviews;
        TestMovieReviews = testMovieReviews;
    }

    /// <summary>The seed and sizes.</summary>
    public SplitOptions Options { get; }

    /// <summary>Movies whose reviews may be training reviews, in shuffled order.</summary>
    public IReadOnlyList<string> TrainMovies { get; }

    /// <summary>Movies whose reviews may be test reviews, in shuffled order.</summary>
    public IReadOnlyList<string> TestMovies { get; }

    /// <summary>The balanced sentiment training sample, in random order.</summary>
    public IReadOnlyList<KoreanReview> Train { get; }

    /// <summary>The balanced sentiment test sample, in random order.</summary>
    public IReadOnlyList<KoreanReview> Test { get; }

    /// <summary>The rating training sample (all ratings), in random order.</summary>
    public IReadOnlyList<KoreanReview> TrainRating { get; }

    /// <summary>The rating test sample (all ratings), in random order.</summary>
    public IReadOnlyList<KoreanReview> TestRating { get; }

    /// <summary>Reviews of the training movies (all ratings).</summary>
    public int TrainMovieReviews { get; }

    /// <summary>Reviews of the test movies (all ratings).</summary>
    public int TestMovieReviews { get; }

    /// <summary>Splits <paramref name="reviews"/>; the result depends only on the reviews (in file order) and the options.</summary>
    /// <exception cref="InvalidDataException">A side has too few reviews of a class for its sample.</exception>
    public static ReviewSplit Create(IReadOnlyList<KoreanReview> reviews, SplitOptions options)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = new SeededRandom((ulong)options.Seed);
        string[] movies = [.. reviews.Select(r => r.MovieId).Distinct().Order(StringComparer.Ordinal)];
        Shuffle(movies, random);
        int testMovieCount = (int)Math.Round(movies.Length * options.TestMovieFraction);
        if (testMovieCount < 1 || testMovieCount >= movies.Length)
            throw new InvalidDataException($"{movies.Length} movies cannot be split with a test share of {options.TestMovieFraction}.");
        var testMovies = movies[..testMovieCount];
        var testSet = new HashSet<string>(testMovies, StringComparer.Ordinal);
        var trainSide = reviews.Where(r => !testSet.Contains(r.MovieId)).ToArray();
        var testSide = reviews.Where(r => testSet.Contains(r.MovieId)).ToArray();

        var train = Balanced(trainSide, options.Train, "training", random);
        var test = Balanced(testSide, options.Test, "test", random);
        var trainRating = Sample(trainSide, options.Train, "training", random);
        var testRating = Sample(testSide, options.Test, "test", random);
        return new ReviewSplit(options, movies[testMovieCount..], testMovies, train, test, trainRating, testRating, trainSide.Length, testSide.Length);
    }

    /// <summary>Reads <c>naver_movie_reviews_ko.tsv.gz</c> (or an uncompressed .tsv); rows whose text is blank are skipped and counted.</summary>
    /// <exception cref="InvalidDataException">The header or a row is not as expected.</exception>
    public static List<KoreanReview> Read(string path, out int blankTexts)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return Read(new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)), Path.GetFileName(path), out blankTexts);
    }

    /// <summary>Reads the rows of <paramref name="reader"/> (header <see cref="SourceHeader"/>); <paramref name="name"/> names it in errors.</summary>
    public static List<KoreanReview> Read(TextReader reader, string name, out int blankTexts)
    {
        string? header = reader.ReadLine();
        if (header?.TrimStart('\uFEFF') != SourceHeader)
            throw new InvalidDataException($"{name}: expected the header '{SourceHeader.Replace("\t", "\\t", StringComparison.Ordinal)}', found '{header}'.");
        var rows = new List<KoreanReview>();
        blankTexts = 0;
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0) continue;
            string[] fields = line.Split('\t', 3);
            if (fields.Length != 3)
                throw new InvalidDataException($"{name} line {lineNumber}: expected 3 tab-separated columns, found {fields.Length}.");
            if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int rating) || rating is < 1 or > 10)
                throw new InvalidDataException($"{name} line {lineNumber}: expected a rating 1-10, found '{fields[0]}'.");
            if (string.IsNullOrWhiteSpace(fields[2]))
            {
                blankTexts++;
                continue;
            }
            rows.Add(new KoreanReview(rating, fields[1], fields[2]));
        }
        return rows;
    }

    /// <summary>
    /// Writes <c>train.tsv</c>, <c>test.tsv</c> (label <c>positive</c>/<c>negative</c>), <c>train-rating.tsv</c>,
    /// <c>test-rating.tsv</c> (label 1-10), each with the header <c>label	text</c>, <c>train-movies.txt</c> (the training
    /// side's movie ids, one per line) and <c>split.json</c>, each atomically;
    /// returns the JSON written.
    /// </summary>
    public string Write(string directory, string source, int readReviews, int blankTexts)
    {
        Directory.CreateDirectory(directory);
        var files = new Dictionary<string, object>();
        void Tsv(string name, IReadOnlyList<KoreanReview> rows, bool rating)
        {
            byte[] bytes = ToTsv(rows, rating);
            AtomicFile.Write(Path.Combine(directory, name), s => s.Write(bytes));
            files[name] = new
            {
                rows = rows.Count,
                bytes = bytes.Length,
                sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                labels = rating
                    ? rows.GroupBy(r => r.Rating).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count())
                    : new Dictionary<string, int> { ["positive"] = rows.Count(r => r.Sentiment == true), ["negative"] = rows.Count(r => r.Sentiment == false) },
                movies = rows.Select(r => r.MovieId).Distinct().Count(),
            };
        }
        Tsv("train.tsv", Train, rating: false);
        Tsv("test.tsv", Test, rating: false);
        Tsv("train-rating.tsv", TrainRating, rating: true);
        Tsv("test-rating.tsv", TestRating, rating: true);
        // The training side's movie ids, so that unlabelled reviews of those movies (and never of a test movie) can feed word2vec.
        byte[] movies = Encoding.UTF8.GetBytes(string.Join("\n", TrainMovies.Order(StringComparer.Ordinal)) + "\n");
        AtomicFile.Write(Path.Combine(directory, "train-movies.txt"), s => s.Write(movies));
        var summary = new
        {
            source = Path.GetFileName(source),
            sourceSha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(source))),
            seed = Options.Seed,
            reviewsRead = readReviews,
            blankTextsSkipped = blankTexts,
            movies = new { total = TrainMovies.Count + TestMovies.Count, train = TrainMovies.Count, test = TestMovies.Count, testFraction = Options.TestMovieFraction },
            movieReviews = new { train = TrainMovieReviews, test = TestMovieReviews },
            sentiment = "NSMC: ratings 1-4 negative, 9-10 positive, 5-8 left out; train.tsv and test.tsv are balanced (half each)",
            rating = "train-rating.tsv and test-rating.tsv: uniform samples of all reviews (ratings 1-10) of the same train and test movies, not balanced",
            files,
        };
        string json = JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true });
        AtomicFile.WriteAllText(Path.Combine(directory, "split.json"), json + "\n");
        return json;
    }

    /// <summary>The rows as UTF-8 TSV with the header <c>label	text</c>; tabs and line breaks in a text become spaces.</summary>
    public static byte[] ToTsv(IReadOnlyList<KoreanReview> rows, bool rating)
    {
        var text = new StringBuilder("label\ttext\n");
        foreach (var r in rows)
        {
            string label = rating ? r.Rating.ToString(CultureInfo.InvariantCulture) : r.Sentiment switch
            {
                true => "positive",
                false => "negative",
                null => throw new ArgumentException($"A review rated {r.Rating} has no sentiment.", nameof(rows)),
            };
            text.Append(label).Append('\t').Append(r.Text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ')).Append('\n');
        }
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    private static KoreanReview[] Balanced(KoreanReview[] side, int count, string name, SeededRandom random)
    {
        var positive = Sample(side.Where(r => r.Sentiment == true).ToArray(), count / 2, $"positive {name}", random);
        var negative = Sample(side.Where(r => r.Sentiment == false).ToArray(), count / 2, $"negative {name}", random);
        KoreanReview[] both = [.. positive, .. negative];
        Shuffle(both, random);
        return both;
    }

    private static KoreanReview[] Sample(KoreanReview[] pool, int count, string name, SeededRandom random)
    {
        if (pool.Length < count) throw new InvalidDataException($"Only {pool.Length:N0} {name} reviews, fewer than the {count:N0} asked for.");
        var copy = (KoreanReview[])pool.Clone();
        // Partial Fisher-Yates: the first `count` slots are a uniform sample, in random order.
        for (int i = 0; i < count; i++)
        {
            int j = i + random.NextInt(copy.Length - i);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy[..count];
    }

    private static void Shuffle<T>(T[] items, SeededRandom random)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
