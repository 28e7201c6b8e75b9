using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lstm.RatingBaselines;

/// <summary>Everything one run measured, as printed and as written to <c>--json</c>.</summary>
/// <param name="Data">The archive or folder read.</param>
/// <param name="Limit">The <c>--limit</c> per split, or null for the whole splits.</param>
/// <param name="Seed">The <c>MLContext</c> seed.</param>
/// <param name="TrainReviews">Training reviews used.</param>
/// <param name="TestReviews">Test reviews used.</param>
/// <param name="LoadSeconds">Time to read the archive.</param>
/// <param name="Multiclass">The 8-class figures.</param>
/// <param name="Regression">The regression figures.</param>
/// <param name="TotalSeconds">Time of the whole run, loading included.</param>
public sealed record BaselineReport(
    string Data, int? Limit, int Seed, int TrainReviews, int TestReviews, double LoadSeconds,
    MulticlassFigures Multiclass, RegressionFigures Regression, double TotalSeconds)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The report as indented JSON (camelCase names).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Writes the plain-text table.</summary>
    public void WriteTable(TextWriter output)
    {
        var m = Multiclass;
        var r = Regression;
        output.WriteLine($"IMDB rating baselines (ML.NET, MLContext seed {Seed})");
        output.WriteLine($"data: {Data}{(Limit is int l ? $" (--limit {l})" : "")}");
        output.WriteLine(F($"train {TrainReviews:N0} reviews, test {TestReviews:N0}; loaded in {LoadSeconds:F1} s, total {TotalSeconds:F1} s"));
        output.WriteLine();
        output.WriteLine($"{"task",-12} {"model",-34} {"figure",-16} {"value",10}");
        output.WriteLine(new string('-', 75));
        string classes = string.Join(",", m.Classes.Select(c => c.ToString(CultureInfo.InvariantCulture)));
        Row(output, "multiclass", $"SdcaMaximumEntropy ({m.Classes.Length} classes)", "macro accuracy", m.MacroAccuracy);
        Row(output, "", $"classes {classes}", "micro accuracy", m.MicroAccuracy);
        Row(output, "", "", "log-loss", m.LogLoss);
        Row(output, "", "", "log-loss reduc.", m.LogLossReduction);
        Row(output, "", "", "fit s", m.FitSeconds, "F1");
        Row(output, "", "", "evaluate s", m.EvaluateSeconds, "F1");
        Row(output, "", F($"always rating {m.MajorityRating}"), "accuracy", m.MajorityAccuracy);
        Row(output, "regression", "Sdca", "MAE", r.MeanAbsoluteError);
        Row(output, "", "", "RMSE", r.RootMeanSquaredError);
        Row(output, "", "", "R²", r.RSquared);
        Row(output, "", "", "fit s", r.FitSeconds, "F1");
        Row(output, "", "", "evaluate s", r.EvaluateSeconds, "F1");
        Row(output, "", F($"always train mean {r.TrainMean:F4}"), "MAE", r.MeanBaselineAbsoluteError);
        Row(output, "", "", "RMSE", r.MeanBaselineRootMeanSquaredError);
    }

    private static void Row(TextWriter output, string task, string model, string figure, double value, string format = "F4") =>
        output.WriteLine($"{task,-12} {model,-34} {figure,-16} {value.ToString(format, CultureInfo.InvariantCulture),10}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
