using System.Globalization;

namespace Lstm.WebApi.LoadTest;

/// <summary>The command line: <c>--url U --clients N --seconds S --texts reviews|short --route predict|batch --batch-size B --data PATH</c>.</summary>
internal sealed record LoadOptions(Uri Url, int Clients, double Seconds, string Texts, string Route, int BatchSize, string? Data)
{
    public const string Usage =
        "usage: Lstm.WebApi.LoadTest [--url http://localhost:5000] [--clients 8] [--seconds 20] [--warmup 3] [--texts reviews|short] [--route predict|batch] [--batch-size 32] [--data aclImdb_v1_labelled.tar.gz]";

    /// <summary>Seconds of load before measuring, so that JIT, the engine pool and connections are warm.</summary>
    public double Warmup { get; init; } = 3;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(new Uri("http://localhost:5000"), 8, 20, "reviews", "predict", 32, null);
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--url" => options with { Url = new Uri(value) },
                "--clients" => options with { Clients = Positive(args[i], value) },
                "--seconds" => options with { Seconds = Positive(args[i], value) },
                "--warmup" => options with { Warmup = double.Parse(value, CultureInfo.InvariantCulture) },
                "--texts" when value is "reviews" or "short" => options with { Texts = value },
                "--route" when value is "predict" or "batch" => options with { Route = value },
                "--batch-size" => options with { BatchSize = Positive(args[i], value) },
                "--data" => options with { Data = value },
                _ => throw new ArgumentException($"unknown option or value: {args[i]} {value}. {Usage}"),
            };
            i++;
        }
        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");
}
