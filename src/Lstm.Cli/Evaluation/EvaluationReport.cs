using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lstm.Cli.Progress;
using Lstm.Training;
using Lstm.Training.Evaluation;
using Lstm.Training.Models;

namespace Lstm.Cli.Evaluation;

/// <summary>
/// The model-card figures of <c>lstm evaluate</c> beyond loss and accuracy: for a binary model ROC AUC, expected
/// calibration error, the confusion matrix at 0.5 and precision/recall/F1 of the positive class; for a multi-class
/// model the confusion matrix and macro accuracy; printed as text and written as <c>evaluation.json</c>.
/// </summary>
internal sealed class EvaluationReport
{
    /// <summary>The class names of a binary model's rows and columns.</summary>
    public static readonly IReadOnlyList<string> BinaryClassNames = ["negative", "positive"];

    /// <summary>The report's JSON file name in <c>--report DIR</c>.</summary>
    public const string JsonFileName = "evaluation.json";

    /// <summary>The reliability diagram's file name in <c>--report DIR</c>.</summary>
    public const string ReliabilityFileName = "reliability.png";

    private EvaluationReport(TaskKind task, NetworkEvaluation evaluation, IReadOnlyList<string>? classNames, ConfusionMatrix? confusion,
        double? rocAuc, CalibrationBins? calibration, IReadOnlyList<double>? probabilities)
    {
        Task = task;
        Evaluation = evaluation;
        ClassNames = classNames;
        Confusion = confusion;
        RocAuc = rocAuc;
        Calibration = calibration;
        Probabilities = probabilities;
    }

    /// <summary>The model's task.</summary>
    public TaskKind Task { get; }

    /// <summary>Loss, accuracy or MAE/RMSE, and the count.</summary>
    public NetworkEvaluation Evaluation { get; }

    /// <summary>Names of the confusion matrix's classes; null for regression.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>Rows actual, columns predicted; null for regression.</summary>
    public ConfusionMatrix? Confusion { get; }

    /// <summary>ROC AUC of a binary model (NaN when a class is absent); null otherwise.</summary>
    public double? RocAuc { get; }

    /// <summary>Ten equal-width bins of a binary model's positive-class probabilities; null otherwise.</summary>
    public CalibrationBins? Calibration { get; }

    /// <summary>A binary model's positive-class probabilities (for the histogram); null otherwise.</summary>
    public IReadOnlyList<double>? Probabilities { get; }

    /// <summary>The figures of a binary model from its logits.</summary>
    public static EvaluationReport Binary(NetworkEvaluation evaluation, ReadOnlySpan<float> logits, IReadOnlyList<bool> labels)
    {
        double[] probabilities = new double[logits.Length];
        for (int i = 0; i < logits.Length; i++) probabilities[i] = BinaryMetrics.Sigmoid(logits[i]);
        return new EvaluationReport(TaskKind.BinaryClassification, evaluation, BinaryClassNames, BinaryMetrics.Confusion(logits, labels),
            BinaryMetrics.RocAuc(logits, labels), CalibrationBins.FromProbabilities(probabilities, labels), probabilities);
    }

    /// <summary>The figures of a multi-class model from its outputs ([rows, classes]).</summary>
    public static EvaluationReport Multiclass(NetworkEvaluation evaluation, ReadOnlySpan<float> outputs, IReadOnlyList<int> labels, IReadOnlyList<string>? classNames, int classes)
    {
        var names = classNames ?? [.. Enumerable.Range(0, classes).Select(c => c.ToString(CultureInfo.InvariantCulture))];
        return new EvaluationReport(TaskKind.MulticlassClassification, evaluation, names, ConfusionMatrix.FromArgMax(outputs, labels, classes), null, null, null);
    }

    /// <summary>The figures of a regression model (MAE and RMSE are in <paramref name="evaluation"/>).</summary>
    public static EvaluationReport Regression(NetworkEvaluation evaluation) =>
        new(TaskKind.Regression, evaluation, null, null, null, null, null);

    /// <summary>
    /// The lines printed after the usual result line: for a binary model
    /// <c>ROC AUC 0.9312  ECE 0.0213  precision 0.8610  recall 0.8520  F1 0.8565 (positive class, threshold 0.5)</c>,
    /// for a multi-class model the macro accuracy; then the confusion matrix. Nothing for regression.
    /// </summary>
    public IEnumerable<string> Lines()
    {
        if (Confusion is null || ClassNames is null) yield break;
        if (Task == TaskKind.BinaryClassification)
        {
            yield return $"ROC AUC {Metric(RocAuc!.Value)}  ECE {Metric(Calibration!.ExpectedCalibrationError)}  precision {Metric(Confusion.Precision(1))}"
                + $"  recall {Metric(Confusion.Recall(1))}  F1 {Metric(Confusion.F1(1))} (positive class, threshold 0.5; ECE over 10 equal-width bins)";
            yield return "confusion matrix at threshold 0.5 (rows actual, columns predicted):";
        }
        else
        {
            yield return $"macro accuracy {Metric(Confusion.MacroAccuracy)} (ML.NET's MacroAccuracy: the mean over classes of the share of each class predicted right)";
            yield return "confusion matrix (rows actual, columns predicted):";
        }
        foreach (string row in ConfusionTable(Confusion, ClassNames)) yield return row;
    }

    /// <summary>The matrix as aligned text rows, thousands separated, with a header row of the predicted classes.</summary>
    public static IEnumerable<string> ConfusionTable(ConfusionMatrix matrix, IReadOnlyList<string> names)
    {
        int k = matrix.Classes;
        string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        int nameWidth = Math.Max(names.Max(n => n.Length), "actual".Length);
        int cell = Math.Max(names.Max(n => n.Length), Count(matrix.Total).Length);
        var header = new StringBuilder("  ").Append(new string(' ', nameWidth));
        for (int j = 0; j < k; j++) header.Append("  ").Append(names[j].PadLeft(cell));
        yield return header.ToString();
        for (int i = 0; i < k; i++)
        {
            var row = new StringBuilder("  ").Append(names[i].PadRight(nameWidth));
            for (int j = 0; j < k; j++) row.Append("  ").Append(Count(matrix[i, j]).PadLeft(cell));
            yield return row.ToString();
        }
    }

    /// <summary>
    /// Writes <c>evaluation.json</c> (all the figures, the counts, the data's description, the model's path and the
    /// date) and, for a binary model, <c>reliability.png</c> into <paramref name="directory"/>, each atomically.
    /// </summary>
    public void Write(string directory, string modelPath, string modelKind, string data, DateTimeOffset date)
    {
        Directory.CreateDirectory(directory);
        byte[] json = ToJson(modelPath, modelKind, data, date);
        AtomicFile.Write(Path.Combine(directory, JsonFileName), s => s.Write(json));
        if (Calibration is not null && Probabilities is not null)
        {
            byte[] png = Plots.ReliabilityPlotWriter.Render(Calibration, Probabilities.Count);
            AtomicFile.Write(Path.Combine(directory, ReliabilityFileName), s => s.Write(png));
        }
    }

    /// <summary>The report as indented UTF-8 JSON with a final line break; undefined figures (NaN) are null.</summary>
    public byte[] ToJson(string modelPath, string modelKind, string data, DateTimeOffset date)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("model", modelPath);
            json.WriteString("modelKind", modelKind);
            json.WriteString("data", data);
            json.WriteString("date", date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteString("task", Task.ToString());
            json.WriteNumber("count", Evaluation.Count);
            Number(json, "loss", Evaluation.Loss);
            if (Evaluation.Accuracy is double accuracy) Number(json, "accuracy", accuracy);
            if (Evaluation.MeanAbsoluteError is double mae) Number(json, "meanAbsoluteError", mae);
            if (Evaluation.RootMeanSquaredError is double rmse) Number(json, "rootMeanSquaredError", rmse);
            if (Task == TaskKind.BinaryClassification)
            {
                json.WriteString("lossUnit", "binary cross-entropy in nats (natural log)");
                Number(json, "rocAuc", RocAuc!.Value);
                Number(json, "expectedCalibrationError", Calibration!.ExpectedCalibrationError);
                json.WriteString("expectedCalibrationErrorDefinition",
                    "sum over 10 equal-width bins of the positive-class probability of (bin count / N) * |observed positive rate - mean predicted probability|");
                json.WriteNumber("threshold", 0.5);
                Number(json, "precision", Confusion!.Precision(1));
                Number(json, "recall", Confusion.Recall(1));
                Number(json, "f1", Confusion.F1(1));
                json.WriteNumber("positives", Confusion.Actual(1));
                json.WriteNumber("negatives", Confusion.Actual(0));
                json.WriteStartArray("calibrationBins");
                foreach (var bin in Calibration.Bins)
                {
                    json.WriteStartObject();
                    json.WriteNumber("lower", bin.Lower);
                    json.WriteNumber("upper", bin.Upper);
                    json.WriteNumber("count", bin.Count);
                    Number(json, "meanPredicted", bin.MeanPredicted);
                    Number(json, "observedRate", bin.ObservedRate);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            else if (Task == TaskKind.MulticlassClassification)
            {
                json.WriteString("lossUnit", "sparse categorical cross-entropy in nats (natural log)");
                Number(json, "microAccuracy", Confusion!.Accuracy);
                Number(json, "macroAccuracy", Confusion.MacroAccuracy);
            }
            else json.WriteString("lossUnit", "mean squared error");
            if (Confusion is not null && ClassNames is not null)
            {
                json.WriteStartObject("confusionMatrix");
                json.WriteString("layout", "rows actual, columns predicted");
                json.WriteStartArray("classes");
                foreach (string name in ClassNames) json.WriteStringValue(name);
                json.WriteEndArray();
                json.WriteStartArray("counts");
                foreach (long[] row in Confusion.ToRows())
                {
                    json.WriteStartArray();
                    foreach (long n in row) json.WriteNumberValue(n);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static string Metric(double value) => double.IsNaN(value) ? "n/a" : ProgressText.Metric(value);

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, Math.Round(value, 6));
        else json.WriteNull(name);
    }
}
