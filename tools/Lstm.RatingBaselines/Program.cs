using System.Diagnostics;
using Lstm.Training.Data;
using Microsoft.ML;

namespace Lstm.RatingBaselines;

/// <summary>
/// Measures ML.NET baselines for IMDB rating prediction on the test split: an 8-class SDCA maximum-entropy
/// classifier and an SDCA regressor on bag-of-n-grams features, each beside a constant predictor. See README.md.
/// </summary>
public static class Program
{
    /// <summary>Runs the baselines; returns 0, or 2 on a bad command line or unreadable data.</summary>
    public static int Main(string[] args)
    {
        BaselineOptions? options;
        try
        {
            options = BaselineOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(BaselineOptions.Usage);
            return 2;
        }
        if (options is null)
        {
            Console.WriteLine(BaselineOptions.Usage);
            return 0;
        }

        var total = Stopwatch.StartNew();
        Console.Error.WriteLine($"loading {options.DataPath}");
        ImdbDataset imdb;
        try
        {
            imdb = ImdbArchive.Load(options.DataPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        if (options.Limit is int limit) imdb = imdb.Subset(limit, limit, (ulong)options.Seed);
        double loadSeconds = total.Elapsed.TotalSeconds;
        var train = ToRows(imdb.Train);
        var test = ToRows(imdb.Test);

        var ml = new MLContext(seed: options.Seed);
        Console.Error.WriteLine($"multiclass: fitting on {train.Length:N0} reviews");
        var multiclass = MulticlassBaseline.Run(ml, train, test);
        Console.Error.WriteLine($"regression: fitting on {train.Length:N0} reviews");
        var regression = RegressionBaseline.Run(ml, train, test);

        var report = new BaselineReport(options.DataPath, options.Limit, options.Seed, train.Length, test.Length,
            loadSeconds, multiclass, regression, total.Elapsed.TotalSeconds);
        report.WriteTable(Console.Out);
        if (options.JsonPath is { } json) File.WriteAllText(json, report.ToJson() + Environment.NewLine);
        return 0;
    }

    private static RatingReview[] ToRows(IReadOnlyList<LabelledText> texts) =>
        texts.Select(t => new RatingReview
        {
            Text = t.Text,
            Rating = t.Stars ?? throw new InvalidDataException($"{t.Source} has no rating in its file name."),
        }).ToArray();
}
