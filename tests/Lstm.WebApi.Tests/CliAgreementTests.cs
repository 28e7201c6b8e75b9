using System.Collections.Concurrent;
using Lstm.WebApi.Tests.TestData;
using Xunit.Abstractions;

namespace Lstm.WebApi.Tests;

/// <summary>
/// The app under concurrent load gives every text the probability the <c>lstm</c> command gives it: 8 clients in
/// parallel over real HTTP, real IMDB test reviews and edge cases, through <c>/predict</c> (pooled engines) and
/// <c>/predict/batch</c> (one Transform per request). The CLI scores with the C# forward pass on <c>model.lstm</c>;
/// the app with ONNX Runtime on <c>model.onnx</c>: two implementations of the same weights.
/// </summary>
public sealed class CliAgreementTests(ITestOutputHelper output)
{
    private const int Clients = 8;
    private const int BatchSize = 25;
    private const double Tolerance = 1e-5;

    [SkippableFact]
    public async Task ConcurrentPredictionsMatchTheCli()
    {
        var reviews = ImdbTestReviews.LoadOrSkip(400);
        string longText = LongText(600);
        // Edge cases with a text the CLI can score: "" normalises to no words, as "..." does (the normaliser keeps only
        // words), and the CLI skips blank lines, so "" is checked against the CLI's "...".
        (string Text, string CliText)[] extras =
        [
            ("", "..."),
            ("...", "..."),
            ("great", "great"),
            ("Awful.", "Awful."),
            ("A moving, beautifully acted film.", "A moving, beautifully acted film."),
            ("Dull and far too long", "Dull and far too long"),
            ("<br /><br />It's not bad, it's TERRIBLE!!!", "<br /><br />It's not bad, it's TERRIBLE!!!"),
            ("Ein großartiger Film 🎬 — très émouvant", "Ein großartiger Film 🎬 — très émouvant"),
            (longText, longText),
        ];
        var texts = reviews.Concat(extras.Select(e => e.Text)).ToList();
        var cliTexts = reviews.Concat(extras.Select(e => e.CliText)).ToList();

        using var work = new TempFolder();
        float[] expected = LstmCli.Predict(Repository.ShippedModelDirectory, cliTexts, work.Path);

        using var server = new WebApiServer(new Dictionary<string, string?> { ["Model:PoolSize"] = "4" });
        var address = server.Start();
        var single = new ConcurrentDictionary<int, WirePrediction>();
        var batched = new ConcurrentDictionary<int, WirePrediction>();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            using var http = server.NewClient(address);
            int[] mine = [.. Enumerable.Range(0, texts.Count).Where(i => i % Clients == client)];
            foreach (int i in mine) single[i] = await Api.PredictAsync(http, texts[i]);
            foreach (var chunk in mine.Chunk(BatchSize))
            {
                var predictions = await Api.PredictBatchAsync(http, [.. chunk.Select(i => texts[i])]);
                for (int j = 0; j < chunk.Length; j++) batched[chunk[j]] = predictions[j];
            }
        })));

        Assert.Equal(texts.Count, single.Count);
        Assert.Equal(texts.Count, batched.Count);
        var wrong = new List<string>();
        double largest = 0;
        for (int i = 0; i < texts.Count; i++)
        {
            foreach (var (route, p) in new[] { ("/predict", single[i]), ("/predict/batch", batched[i]) })
            {
                largest = Math.Max(largest, Math.Abs(p.Probability - expected[i]));
                double sigmoid = 1 / (1 + Math.Exp(-p.Score));
                if (Math.Abs(p.Probability - expected[i]) > Tolerance || Math.Abs(sigmoid - p.Probability) > Tolerance || p.Positive != p.Score > 0)
                    wrong.Add($"text {i} ({Preview(texts[i])}) via {route}: {p} against the CLI's {expected[i]}");
            }
        }
        output.WriteLine($"{texts.Count} texts ({reviews.Count} IMDB test reviews), {Clients} clients, each text via /predict and /predict/batch; largest difference from the CLI: {largest:G3}");
        Assert.True(wrong.Count == 0, $"{wrong.Count} predictions disagree:\n{string.Join("\n", wrong.Take(10))}");
        // Both labels occur among the reviews: the comparison is not of a constant.
        Assert.Contains(expected, p => p > 0.9);
        Assert.Contains(expected, p => p < 0.1);
    }

    /// <summary>A review of <paramref name="words"/> words, longer than the model's 500 tokens: the app and the CLI must truncate it alike (the start is dropped).</summary>
    private static string LongText(int words)
    {
        string[] start = ["a", "dreadful", "boring", "awful", "mess", "of", "a", "film"];
        string[] end = ["but", "in", "the", "end", "a", "wonderful", "moving", "and", "brilliant", "story"];
        return string.Join(' ', Enumerable.Range(0, words).Select(i => i < words / 2 ? start[i % start.Length] : end[i % end.Length]));
    }

    private static string Preview(string text) => text.Length <= 40 ? $"\"{text}\"" : $"\"{text[..40]}…\"";
}
