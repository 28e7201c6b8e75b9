using System.Diagnostics;
using Lstm.Training.Explanations;
using Lstm.Training.Models;
using Lstm.Training.Tests.TestData;
using Lstm.Training.Text;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.Explanations;

/// <summary>Integrated gradients on the shipped IMDB model (models/imdb-lstm): completeness, and the words it credits.</summary>
public class ShippedModelExplanationTests(ITestOutputHelper output)
{
    private static readonly string[] PositiveWords = ["excellent", "great", "perfect", "wonderful", "best", "beautiful", "amazing", "loved", "superb", "brilliant", "favorite", "highly"];
    private static readonly string[] NegativeWords = ["worst", "bad", "awful", "waste", "boring", "terrible", "poor", "horrible", "stupid", "worse", "nothing", "dull"];

    private static string ModelFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return Path.Combine(dir.FullName, "models", "imdb-lstm");
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} holds Lstm.MLNet.sln.");
    }

    private static TextExplainer ShippedExplainer()
    {
        string folder = ModelFolder();
        var network = SequenceNetwork.Load(Path.Combine(folder, "model.lstm"));
        return new TextExplainer(new TextVectorizer(Vocabulary.Load(Path.Combine(folder, "vocabulary.json")), 500), network);
    }

    [Fact]
    public void Attributions_add_up_to_the_logit_difference_within_one_percent_at_256_steps()
    {
        var explainer = ShippedExplainer();
        string[] reviews =
        [
            "A moving, beautifully acted film. The best thing I have seen all year, and I loved every minute.",
            "Dull and far too long. The worst script, bad acting, a waste of two hours.",
            "This movie is not good, though the music is wonderful.",
        ];
        foreach (string review in reviews)
        {
            var coarse = explainer.Explain(review, new IntegratedGradientsOptions { Steps = 16 }).Integrated;
            var fine = explainer.Explain(review, new IntegratedGradientsOptions { Steps = 256 }).Integrated;
            output.WriteLine($"f(x) {fine.Score:F4}, f(baseline) {fine.BaselineScore:F4}; relative error 16 steps {coarse.RelativeError:E2}, 256 steps {fine.RelativeError:E2}: {review}");
            Assert.True(fine.RelativeError < 1e-2, $"256 steps: sum {fine.Sum:F5} vs f(x) - f(baseline) {fine.Difference:F5}");
            Assert.True(fine.RelativeError <= coarse.RelativeError + 1e-3, $"256 steps {fine.RelativeError:E2}, 16 steps {coarse.RelativeError:E2}");
        }
    }

    [Fact]
    public void A_review_of_230_words_is_explained_in_seconds()
    {
        var explainer = ShippedExplainer();
        string review = string.Join(' ', string.Join(' ', Enumerable.Repeat("the film was long but the acting was great and the story was not bad", 16)).Split(' ').Take(230));
        explainer.Explain(review, new IntegratedGradientsOptions { Steps = 2 });
        var watch = Stopwatch.StartNew();
        var explanation = explainer.Explain(review);
        watch.Stop();
        output.WriteLine($"230 words, 32 steps (integrated gradients and occlusion): {watch.Elapsed.TotalSeconds:F2} s; relative error {explanation.Integrated.RelativeError:E2}");
        Assert.Equal(230, explanation.Tokens.Count);
        Assert.NotNull(explanation.Start);
        Assert.True(Math.Abs(explanation.Padding) < 1e-9, $"padding steps hold {explanation.Padding} with the padding baseline");
    }

    /// <remarks>About 15 s in Release (<c>dotnet test -c Release</c>); a Debug build runs the kernels unoptimised, tens of times slower.</remarks>
    [SkippableFact]
    public void The_most_credited_words_of_imdb_reviews_are_sentiment_words()
    {
        var imdb = RealImdb.LoadOrSkip();
        var explainer = ShippedExplainer();
        var reviews = imdb.Subset(trainLimit: 0, testLimit: 300, seed: 5).Test;
        var totals = new Dictionary<string, (double Sum, int Count)>();
        var watch = Stopwatch.StartNew();
        var integrated = new IntegratedGradients(explainer.Network);
        var options = new IntegratedGradientsOptions { Steps = 16 };
        foreach (var review in reviews)
        {
            string[] tokens = TextExplainer.Tokens(explainer.Vectorizer.Vocabulary, review.Text);
            int[] ids = explainer.Vectorizer.Encode([review.Text])[0];
            var attribution = integrated.Explain(ids, options);
            // Pre-padded and pre-truncated: the last tokens sit at the last steps.
            int read = Math.Min(tokens.Length, ids.Length - 1);
            for (int i = 0; i < read; i++)
            {
                int t = ids.Length - read + i, token = tokens.Length - read + i;
                if (ids[t] == Vocabulary.OovId) continue;
                var (sum, count) = totals.GetValueOrDefault(tokens[token]);
                totals[tokens[token]] = (sum + attribution.Steps[t], count + 1);
            }
        }
        watch.Stop();
        // At least 10 occurrences: a word seen a handful of times in one strong review is noise, not what the model learned.
        var frequent = totals.Where(p => p.Value.Count >= 10).Select(p => (Word: p.Key, Mean: p.Value.Sum / p.Value.Count, p.Value.Count)).ToList();
        var top = frequent.OrderByDescending(w => w.Mean).Take(20).ToList();
        var bottom = frequent.OrderBy(w => w.Mean).Take(20).ToList();
        output.WriteLine($"{reviews.Count} test reviews, {options.Steps} steps: {watch.Elapsed.TotalSeconds:F1} s; words seen at least 10 times: {frequent.Count}");
        output.WriteLine("most positive: " + string.Join(", ", top.Select(w => $"{w.Word} {w.Mean:+0.000;-0.000} ({w.Count})")));
        output.WriteLine("most negative: " + string.Join(", ", bottom.Select(w => $"{w.Word} {w.Mean:+0.000;-0.000} ({w.Count})")));
        int positives = top.Count(w => PositiveWords.Contains(w.Word)), negatives = bottom.Count(w => NegativeWords.Contains(w.Word));
        Assert.True(positives >= 4, $"only {positives} of the top 20 are among {string.Join(", ", PositiveWords)}");
        Assert.True(negatives >= 4, $"only {negatives} of the bottom 20 are among {string.Join(", ", NegativeWords)}");
    }
}
