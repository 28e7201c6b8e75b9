using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lstm.Cli.Evaluation;

namespace Lstm.Cli.Tests;

/// <summary><c>lstm evaluate</c>'s model-card figures and <c>--report DIR</c>.</summary>
public class EvaluateReportTests
{
    [Fact]
    public void Binary_evaluate_prints_auc_ece_and_the_confusion_matrix_and_writes_the_report()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string run = temp.File("run");
        var train = LstmRunner.Run(EndToEndTests.TinyTraining(data, run));
        Assert.True(train.ExitCode == 0, train.ToString());

        string report = temp.File("report");
        var evaluate = LstmRunner.Run("evaluate", "--model", run, "--data", data, "--report", report);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        // The usual lines first, unchanged.
        Assert.Matches(@"60/60 - \d+\.\ds - loss: \d\.\d{4} - accuracy: \d\.\d{4} - \d+\.\d reviews/s\r?\nloss is binary cross-entropy in nats", evaluate.Output);
        var figures = Regex.Match(evaluate.Output, @"ROC AUC (\d\.\d{4})  ECE (\d\.\d{4})  precision (\S+)  recall (\S+)  F1 (\S+) \(positive class, threshold 0\.5");
        Assert.True(figures.Success, evaluate.Output);
        Assert.Contains("confusion matrix at threshold 0.5 (rows actual, columns predicted):", evaluate.Output);
        var rows = Regex.Matches(evaluate.Output, @"^  (negative|positive) +(\d+) +(\d+)\r?$", RegexOptions.Multiline);
        Assert.Equal(2, rows.Count);
        Assert.Equal(60, rows.Sum(r => int.Parse(r.Groups[2].Value, CultureInfo.InvariantCulture) + int.Parse(r.Groups[3].Value, CultureInfo.InvariantCulture)));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, EvaluationReport.JsonFileName)));
        var root = json.RootElement;
        Assert.Equal(60, root.GetProperty("count").GetInt32());
        Assert.Equal("BinaryClassification", root.GetProperty("task").GetString());
        Assert.Equal(Path.GetFullPath(run), root.GetProperty("model").GetString());
        Assert.Contains("reviews.tsv", root.GetProperty("data").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("date").GetString(), CultureInfo.InvariantCulture, out _));
        Assert.Equal(double.Parse(figures.Groups[1].Value, CultureInfo.InvariantCulture), root.GetProperty("rocAuc").GetDouble(), 4);
        Assert.Equal(double.Parse(figures.Groups[2].Value, CultureInfo.InvariantCulture), root.GetProperty("expectedCalibrationError").GetDouble(), 4);
        Assert.Equal(10, root.GetProperty("calibrationBins").GetArrayLength());
        Assert.Equal(60, root.GetProperty("calibrationBins").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
        var counts = root.GetProperty("confusionMatrix").GetProperty("counts");
        Assert.Equal(root.GetProperty("positives").GetInt64(), counts[1][0].GetInt64() + counts[1][1].GetInt64());
        byte[] png = File.ReadAllBytes(Path.Combine(report, EvaluationReport.ReliabilityFileName));
        Assert.True(png.Length > 5_000);
        Assert.Equal((byte)'P', png[1]);
        Assert.Empty(Directory.GetFiles(report, "*.tmp"));
    }

    [Fact]
    public void Multiclass_evaluate_prints_macro_accuracy_and_a_confusion_matrix_of_class_names()
    {
        using var temp = new TempFolder();
        string data = TaskOptionsTests.WriteTopics(temp.File("topics.tsv"), count: 30);
        string run = temp.File("run");
        var train = LstmRunner.Run(["train", "--data", data, "--label-column", "category", "--epochs", "1", "--max-len", "8", "--units", "4",
            "--embedding-dim", "4", "--num-words", "50", "--out", run, "--threads", "1"]);
        Assert.True(train.ExitCode == 0, train.ToString());
        string report = temp.File("report");
        var evaluate = LstmRunner.Run("evaluate", "--model", run, "--data", data, "--report", report);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Matches(@"macro accuracy \d\.\d{4} \(ML\.NET's MacroAccuracy", evaluate.Output);
        Assert.Matches(@"^  +cooking +music +sports\r?$", evaluate.Output.Split('\n').First(l => l.Contains("sports", StringComparison.Ordinal) && l.Contains("cooking", StringComparison.Ordinal)));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, EvaluationReport.JsonFileName)));
        Assert.Equal(["cooking", "music", "sports"], json.RootElement.GetProperty("confusionMatrix").GetProperty("classes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(json.RootElement.GetProperty("accuracy").GetDouble(), json.RootElement.GetProperty("microAccuracy").GetDouble(), 6);
        Assert.False(File.Exists(Path.Combine(report, EvaluationReport.ReliabilityFileName)));
    }
}
