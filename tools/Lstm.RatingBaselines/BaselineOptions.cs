using Lstm.Training.Data;

namespace Lstm.RatingBaselines;

/// <summary>The command line: <c>[--data PATH] [--limit N] [--json FILE] [--seed N]</c>.</summary>
/// <param name="DataPath">The IMDB archive or folder.</param>
/// <param name="Limit">Most reviews kept in each split (a sentiment-balanced random subset); null keeps all.</param>
/// <param name="JsonPath">Where to write the figures as JSON; null writes none.</param>
/// <param name="Seed">Seed of the <c>MLContext</c> and of the <c>--limit</c> subset.</param>
public sealed record BaselineOptions(string DataPath, int? Limit, string? JsonPath, int Seed)
{
    /// <summary>The default seed, 42.</summary>
    public const int DefaultSeed = 42;

    /// <summary>What <c>--help</c> prints.</summary>
    public const string Usage =
        "Usage: dotnet run --project tools/Lstm.RatingBaselines -c Release -- [--data PATH] [--limit N] [--json FILE] [--seed N]\n" +
        "  --data PATH   IMDB archive (.tar.gz) or aclImdb folder; default: shared/data/aclImdb_v1_labelled.tar.gz in an\n" +
        "                ancestor of the current or program folder, else the 'lstm train' cache folder\n" +
        "  --limit N     keep at most N reviews of each split (sentiment-balanced random subset); default: all\n" +
        "  --json FILE   also write the figures to FILE as JSON\n" +
        "  --seed N      MLContext and subset seed; default 42";

    /// <summary>Reads <paramref name="args"/>; null when <c>--help</c> was asked for.</summary>
    /// <exception cref="ArgumentException">An unknown option, a missing value, a bad number, or no archive found.</exception>
    public static BaselineOptions? Parse(IReadOnlyList<string> args)
    {
        string? data = null, json = null;
        int? limit = null;
        int seed = DefaultSeed;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h": return null;
                case "--data": data = Value(args, ref i); break;
                case "--json": json = Value(args, ref i); break;
                case "--limit": limit = Number(args, ref i, minimum: 1); break;
                case "--seed": seed = Number(args, ref i, minimum: 0); break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }
        data ??= FindArchive() ?? throw new ArgumentException(
            $"No IMDB archive found: pass --data, or put {ImdbDatasetCache.LabelledArchiveFileName} in shared/data beside the repository.");
        return new BaselineOptions(data, limit, json, seed);
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count) throw new ArgumentException($"{args[i]} needs a value.");
        return args[++i];
    }

    private static int Number(IReadOnlyList<string> args, ref int i, int minimum)
    {
        string name = args[i];
        string text = Value(args, ref i);
        if (!int.TryParse(text, out int value) || value < minimum)
            throw new ArgumentException($"{name} must be a whole number of at least {minimum}, not '{text}'.");
        return value;
    }

    private static string? FindArchive()
    {
        foreach (string start in (string[])[Environment.CurrentDirectory, AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "data", ImdbDatasetCache.LabelledArchiveFileName);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return ImdbDatasetCache.Find();
    }
}
