using System.Globalization;
using Microsoft.ML;

namespace Lstm.KoreanReviews;

/// <summary>
/// <c>split</c>: a movie-disjoint train/test split of the Naver Korean movie reviews; <c>baseline</c>: ML.NET baselines on
/// it. See README.md.
/// </summary>
public static class Program
{
    /// <summary>What <c>--help</c> prints.</summary>
    public const string Usage =
        "Usage: dotnet run --project tools/Lstm.KoreanReviews -c Release -- split --data naver_movie_reviews_ko.tsv.gz --out DIR\n" +
        "           [--seed 42] [--train 40000] [--test 10000] [--test-movies 0.2]\n" +
        "       dotnet run --project tools/Lstm.KoreanReviews -c Release -- baseline --train DIR/train.tsv --test DIR/test.tsv\n" +
        "           [--train-rating DIR/train-rating.tsv --test-rating DIR/test-rating.tsv] [--seed 42]";

    /// <summary>Runs a command; 0, or 2 on a bad command line or unreadable data.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            var options = ParseOptions(args.AsSpan(1));
            return args[0] switch
            {
                "split" => Split(options),
                "baseline" => Baseline(options),
                _ => throw new ArgumentException($"Unknown command '{args[0]}'."),
            };
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static int Split(Dictionary<string, string> options)
    {
        string data = Required(options, "--data"), output = Required(options, "--out");
        var settings = new SplitOptions(
            Number(options, "--seed", 42), Number(options, "--train", 40_000), Number(options, "--test", 10_000),
            options.TryGetValue("--test-movies", out var f)
                ? double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out double fraction) ? fraction : throw new ArgumentException($"--test-movies must be a number between 0 and 1, not '{f}'.")
                : 0.2);
        Unknown(options, "--data", "--out", "--seed", "--train", "--test", "--test-movies");
        settings.Validate();
        Console.Error.WriteLine($"reading {data}");
        var reviews = ReviewSplit.Read(data, out int blank);
        var split = ReviewSplit.Create(reviews, settings);
        Console.WriteLine(split.Write(output, data, reviews.Count + blank, blank));
        return 0;
    }

    private static int Baseline(Dictionary<string, string> options)
    {
        string train = Required(options, "--train"), test = Required(options, "--test");
        int seed = Number(options, "--seed", 42);
        options.TryGetValue("--train-rating", out var trainRating);
        options.TryGetValue("--test-rating", out var testRating);
        Unknown(options, "--train", "--test", "--train-rating", "--test-rating", "--seed");
        string dir = Path.GetDirectoryName(Path.GetFullPath(train))!;
        trainRating ??= Path.Combine(dir, "train-rating.tsv");
        testRating ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(test))!, "test-rating.tsv");

        var trainRows = Baselines.ReadSentiment(train);
        var testRows = Baselines.ReadSentiment(test);
        Console.WriteLine($"sentiment: {trainRows.Length:N0} train / {testRows.Length:N0} test reviews; MLContext seed {seed}");
        Baselines.Sentiment(new MLContext(seed), trainRows, testRows, charactersOnly: false, Console.Out);
        Baselines.Sentiment(new MLContext(seed), trainRows, testRows, charactersOnly: true, Console.Out);
        if (File.Exists(trainRating) && File.Exists(testRating))
        {
            var trainRatings = Baselines.ReadRatings(trainRating);
            var testRatings = Baselines.ReadRatings(testRating);
            Console.WriteLine($"rating: {trainRatings.Length:N0} train / {testRatings.Length:N0} test reviews");
            Baselines.Regression(new MLContext(seed), trainRatings, testRatings, Console.Out);
            Baselines.Multiclass(new MLContext(seed), trainRatings, testRatings, Console.Out);
        }
        else Console.WriteLine($"rating: skipped ({trainRating} or {testRating} not found)");
        return 0;
    }

    private static Dictionary<string, string> ParseOptions(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected an option, found '{args[i]}'.");
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value.");
            options[args[i]] = args[i + 1];
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required.");

    private static int Number(Dictionary<string, string> options, string name, int fallback)
    {
        if (!options.TryGetValue(name, out var text)) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value : throw new ArgumentException($"{name} must be a whole number, not '{text}'.");
    }

    private static void Unknown(Dictionary<string, string> options, params string[] known)
    {
        foreach (string name in options.Keys)
            if (!known.Contains(name)) throw new ArgumentException($"Unknown option '{name}'.");
    }
}
