using Microsoft.ML;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests;

/// <summary><c>ExplainLstm</c> on the shipped IMDB model (models/imdb-lstm/model.onnx): sentiment words carry the attributions.</summary>
public sealed class ExplainLstmImdbTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> PositiveWords = ["excellent", "wonderful", "brilliant", "superb", "great", "best", "loved", "perfect", "amazing", "beautiful", "beautifully", "enjoyed", "favorite", "highly", "recommend"];
    private static readonly HashSet<string> NegativeWords = ["worst", "awful", "terrible", "bad", "boring", "waste", "dull", "horrible", "poor", "poorly", "stupid", "worse", "crap"];

    public sealed class Row
    {
        public string Text { get; set; } = "";
    }

    public sealed class Explained
    {
        public float Probability { get; set; }

        public string[] Tokens { get; set; } = [];

        public float[] Attributions { get; set; } = [];

        public float AttributionCompleteness { get; set; }
    }

    private static string ShippedModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return Path.Combine(dir.FullName, "models", "imdb-lstm", "model.onnx");
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} holds Lstm.MLNet.sln.");
    }

    [Fact]
    public void AClearReviewsStrongestTokens_AreSentimentWords()
    {
        var ml = new MLContext(seed: 1);
        Row[] rows =
        [
            new() { Text = "An excellent film with a superb cast. I loved every minute of it and would highly recommend it." },
            new() { Text = "Dull and far too long; the worst script and bad acting, not good at all." },
        ];
        var data = ml.Data.LoadFromEnumerable(rows);
        using var scorer = ml.Transforms.ApplyLstmModel(ShippedModel()).Fit(data);
        var explainer = ml.Transforms.ExplainLstm(scorer).Fit(data);
        var explained = ml.Data.CreateEnumerable<Explained>(explainer.Transform(scorer.Transform(data)), reuseRowObject: false).ToArray();
        foreach (var (row, e) in rows.Zip(explained))
        {
            output.WriteLine($"P(positive) {e.Probability:0.0000}, completeness error {e.AttributionCompleteness:E1}: {row.Text}");
            output.WriteLine("  " + string.Join(" ", e.Tokens.Zip(e.Attributions, (t, a) => $"{t}({a:+0.000;-0.000})")));
            Assert.Equal(e.Tokens.Length, e.Attributions.Length);
            Assert.True(e.AttributionCompleteness < 1e-2, $"relative completeness error {e.AttributionCompleteness:E2}");
        }
        Assert.True(explained[0].Probability > 0.9f);
        Assert.True(explained[1].Probability < 0.1f);
        string top = explained[0].Tokens[Array.IndexOf(explained[0].Attributions, explained[0].Attributions.Max())];
        string bottom = explained[1].Tokens[Array.IndexOf(explained[1].Attributions, explained[1].Attributions.Min())];
        output.WriteLine($"most positive token of the positive review: {top}; most negative token of the negative review: {bottom}");
        Assert.Contains(top, PositiveWords);
        Assert.Contains(bottom, NegativeWords);
    }
}
