using System.Diagnostics;
using System.Globalization;
using Lstm.Training.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Lstm.KoreanReviews;

/// <summary>A sentiment row for ML.NET.</summary>
public sealed class SentimentRow
{
    /// <summary>True for positive.</summary>
    public bool Label { get; set; }

    /// <summary>The review.</summary>
    public string Text { get; set; } = string.Empty;
}

/// <summary>A rating row for ML.NET.</summary>
public sealed class RatingRow
{
    /// <summary>The rating as a number (regression).</summary>
    public float Rating { get; set; }

    /// <summary>The rating as a class name (multiclass).</summary>
    public string RatingClass { get; set; } = string.Empty;

    /// <summary>The review.</summary>
    public string Text { get; set; } = string.Empty;
}

/// <summary>ML.NET baselines on a split written by <see cref="ReviewSplit.Write"/>; each prints its figures on the given writer.</summary>
public static class Baselines
{
    /// <summary>Loads a labelled file the way <c>lstm train --data</c> reads it.</summary>
    public static SentimentRow[] ReadSentiment(string path) =>
        [.. LabelledTextFile.Read(path).Select(t => new SentimentRow { Label = t.Label, Text = t.Text })];

    /// <summary>Loads a rating file (label 1-10) the way <c>lstm train --data --task regression</c> reads it.</summary>
    public static RatingRow[] ReadRatings(string path) =>
        [.. LabelledTextFile.Read(path, LabelledTextFileOptions.Default with { BinaryLabels = false }).Select(t => new RatingRow
        {
            Rating = float.Parse(t.LabelText!, CultureInfo.InvariantCulture),
            RatingClass = t.LabelText!,
            Text = t.Text,
        })];

    /// <summary>
    /// <c>FeaturizeText</c> (ML.NET's defaults: word 1-2-grams split on spaces and punctuation, character 3-grams) and,
    /// when <paramref name="charactersOnly"/>, character 1-3-grams only → <c>LbfgsLogisticRegression</c>: accuracy, AUC, F1.
    /// </summary>
    public static void Sentiment(MLContext ml, SentimentRow[] train, SentimentRow[] test, bool charactersOnly, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var options = new TextFeaturizingEstimator.Options();
        if (charactersOnly)
        {
            options.WordFeatureExtractor = null;
            options.CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true };
        }
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", options, nameof(SentimentRow.Text))
            .AppendCacheCheckpoint(ml)
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
        var model = pipeline.Fit(ml.Data.LoadFromEnumerable(train));
        double fit = clock.Elapsed.TotalSeconds;
        var m = ml.BinaryClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)));
        string name = charactersOnly ? "chars 1-3-grams only" : "FeaturizeText defaults";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sentiment  LbfgsLogisticRegression, {name,-22}  accuracy {m.Accuracy:0.0000}  AUC {m.AreaUnderRocCurve:0.0000}  F1 {m.F1Score:0.0000}  (fit {fit:0}s)"));
    }

    /// <summary><c>FeaturizeText</c> → SDCA regression on the rating: MAE, RMSE, R², beside predicting the training mean.</summary>
    public static void Regression(MLContext ml, RatingRow[] train, RatingRow[] test, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", nameof(RatingRow.Text))
            .Append(ml.Transforms.CopyColumns("Label", nameof(RatingRow.Rating)))
            .AppendCacheCheckpoint(ml)
            .Append(ml.Regression.Trainers.Sdca());
        var model = pipeline.Fit(ml.Data.LoadFromEnumerable(train));
        double fit = clock.Elapsed.TotalSeconds;
        var m = ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)));
        double mean = train.Average(r => r.Rating);
        double meanMae = test.Average(r => Math.Abs(r.Rating - mean));
        double meanRmse = Math.Sqrt(test.Average(r => (r.Rating - mean) * (r.Rating - mean)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rating     Sdca regression                                  MAE {m.MeanAbsoluteError:0.0000}  RMSE {m.RootMeanSquaredError:0.0000}  R² {m.RSquared:0.0000}  (fit {fit:0}s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rating     always the training mean {mean:0.0000}                  MAE {meanMae:0.0000}  RMSE {meanRmse:0.0000}"));
    }

    /// <summary><c>FeaturizeText</c> → 10-class <c>SdcaMaximumEntropy</c>: micro and macro accuracy, beside the most frequent rating.</summary>
    public static void Multiclass(MLContext ml, RatingRow[] train, RatingRow[] test, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(RatingRow.RatingClass))
            .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(RatingRow.Text)))
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
        var model = pipeline.Fit(ml.Data.LoadFromEnumerable(train));
        double fit = clock.Elapsed.TotalSeconds;
        var m = ml.MulticlassClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)));
        var mode = train.GroupBy(r => r.RatingClass).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        double modeAccuracy = test.Count(r => r.RatingClass == mode) / (double)test.Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rating     SdcaMaximumEntropy, 10 classes                   micro accuracy {m.MicroAccuracy:0.0000}  macro accuracy {m.MacroAccuracy:0.0000}  log-loss {m.LogLoss:0.0000}  (fit {fit:0}s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rating     always rating {mode} (most frequent in train)             accuracy {modeAccuracy:0.0000}"));
    }
}
