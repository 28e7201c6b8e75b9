using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Lstm.Cli.Data;
using Lstm.Cli.Evaluation;
using Lstm.Cli.Progress;
using Lstm.Cli.Runs;
using Lstm.Training.Data;
using Lstm.Training.Losses;
using Lstm.Training.Models;
using Lstm.Training.Training;

namespace Lstm.Cli.Commands;

/// <summary>
/// <c>lstm evaluate --model DIR|FILE.onnx</c>: loss (binary cross-entropy in nats) and accuracy of a trained model on IMDB's test split or a labelled
/// file, preprocessed exactly as the run's <c>training.json</c> (or the ONNX model's metadata) says; then the model-card
/// figures (<see cref="EvaluationReport"/>), and with <c>--report DIR</c> <c>evaluation.json</c> and <c>reliability.png</c>.
/// </summary>
internal sealed class EvaluateCommand
{
    /// <summary>Seed of the <c>--limit</c> subset when the model does not record its run's seed (an .onnx file): <c>lstm train</c>'s default.</summary>
    private static readonly ulong DefaultSeed = new TrainSettings().Seed;

    private readonly Option<string> _model = new("--model")
    {
        Description = "Run folder written by 'lstm train' (model.lstm, vocabulary.json, training.json), or an .onnx file written by 'lstm train' or 'lstm export'",
        HelpName = "dir|file.onnx",
        Required = true,
    };
    private readonly Option<string?> _data = new("--data")
    {
        Description = "IMDB archive or folder (its test split is used), or a .tsv/.txt/.csv file of label and text (see --label-column, --text-column). Default: the IMDB cache",
        HelpName = "path",
    };
    private readonly ColumnOptions _columns = new("a labelled --data file", index => $"Default: the run's (training.json), else {index}");
    private readonly Option<int?> _limit = new Option<int?>("--limit")
    {
        Description = "Evaluate on a class-balanced subset of this many reviews (the same one 'lstm train --validation-limit' draws with the run's seed; seed 42 for an .onnx model)",
        HelpName = "n",
    }.AtLeast(1);
    private readonly Option<int?> _threads = new Option<int?>("--threads")
    {
        Description = "Threads to use. Default: all cores",
        HelpName = "n",
    }.AtLeast(1);
    private readonly Option<string?> _report = new("--report")
    {
        Description = "Also write evaluation.json (every figure, the counts, the data, the model, the date) and, for a binary model, reliability.png (reliability diagram) to this folder",
        HelpName = "dir",
    };
    private readonly Option<bool> _noDownload = new("--no-download")
    {
        Description = "Fail instead of downloading IMDB when it is not in the cache folder",
    };

    /// <summary>Builds the command; its action runs in <paramref name="environment"/>.</summary>
    public EvaluateCommand(CommandEnvironment environment)
    {
        Command = new Command("evaluate", "Report loss (binary cross-entropy in nats, natural log, as Keras) and accuracy of a trained model on the IMDB test split or a labelled file")
        {
            _model, _data, _columns.Label, _columns.Text, _limit, _threads, _report, _noDownload,
        };
        Command.SetAction(parseResult => ErrorReporter.Run(environment.Error, () => Execute(parseResult, environment)));
    }

    /// <summary>The <c>evaluate</c> command.</summary>
    public Command Command { get; }

    /// <summary>
    /// The line after the result that names the loss's unit: <c>loss is binary cross-entropy in nats (natural log), as
    /// Keras reports it; ML.NET's LogLoss is in bits (log2): loss / ln 2 = 0.4993</c>.
    /// </summary>
    public static string LossUnitNote(double loss) =>
        $"loss is binary cross-entropy in nats (natural log), as Keras reports it; ML.NET's LogLoss is in bits (log2): loss / ln 2 = {ProgressText.Metric(loss / Math.Log(2))}";

    private int Execute(ParseResult parseResult, CommandEnvironment environment)
    {
        var output = environment.Output;
        var ct = environment.CancellationToken;
        var model = TrainedModel.Load(parseResult.GetValue(_model)!);
        output.WriteLine($"Model: {model.Source} ({model.Kind}): {TrainingRun.Describe(model.Network)}, {model.Padding}");

        var source = parseResult.GetValue(_data) is { } path ? DataSource.FromPath(path) : DataSource.FromCache(environment, !parseResult.GetValue(_noDownload));
        // A run folder's file layout unless told otherwise: a run trained on text-then-label files evaluates on them as they are.
        var columns = _columns.Read(parseResult, model.DataColumns ?? LabelledTextFileOptions.Default) with { BinaryLabels = model.Task == TaskKind.BinaryClassification };
        output.WriteLine($"Loading {source.Describe(columns)}");
        var clock = Stopwatch.StartNew();
        var reviews = ReviewLoader.LoadForEvaluation(source, columns, parseResult.GetValue(_limit), model.Seed ?? DefaultSeed, ct);
        if (reviews.Count == 0) throw new InvalidDataException($"{source.Path}: no reviews to evaluate on.");
        var data = EvaluationData(model, reviews, source, ct);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded and encoded {data.Count:N0} reviews ({(source.Kind == DataKind.Imdb ? "IMDB test split" : "all rows")}) in {clock.Elapsed.TotalSeconds:0.0}s"));

        clock.Restart();
        var line = new CountProgressLine(output, environment.OutputIsTerminal, "Evaluating", data.Count);
        float[] outputs = ChunkedInference.PredictOutputs(model.Network, data.Sequences, parseResult.GetValue(_threads), line.Report, ct);
        line.Finish();
        double seconds = clock.Elapsed.TotalSeconds;
        string head = $"{ProgressText.Steps(data.Count, data.Count)} - {ProgressText.Seconds(seconds)}";
        string rate = $"{ProgressText.Rate(data.Count / Math.Max(seconds, 1e-9))} reviews/s";
        if (model.Task == TaskKind.BinaryClassification)
        {
            var result = EvaluationResult.FromLogits(outputs, data.Labels);
            output.WriteLine($"{head} - loss: {ProgressText.Metric(result.Loss)} - accuracy: {ProgressText.Metric(result.Accuracy)} - {rate}");
            output.WriteLine(LossUnitNote(result.Loss));
            var binary = new NetworkEvaluation(TaskKind.BinaryClassification, result.Loss, result.Accuracy, null, null, result.Count);
            return Report(EvaluationReport.Binary(binary, outputs, data.Labels), parseResult, model, source.Describe(columns), output);
        }
        var evaluation = NetworkEvaluation.FromOutputs(model.Network.Spec, outputs, data);
        EvaluationReport report;
        if (model.Task == TaskKind.MulticlassClassification)
        {
            output.WriteLine($"{head} - loss: {ProgressText.Metric(evaluation.Loss)} - accuracy: {ProgressText.Metric(evaluation.Accuracy!.Value)} - {rate}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"loss is sparse categorical cross-entropy in nats over {model.Network.Spec.Outputs} classes, as Keras reports it; accuracy is what ML.NET calls MicroAccuracy"));
            int[] classes = [.. Enumerable.Range(0, data.Count).Select(i => (int)data.TargetRow(i)[0])];
            report = EvaluationReport.Multiclass(evaluation, outputs, classes, model.Network.Spec.ClassNames, model.Network.Spec.Outputs);
        }
        else
        {
            output.WriteLine($"{head} - loss: {ProgressText.Metric(evaluation.Loss)} - mae: {ProgressText.Metric(evaluation.MeanAbsoluteError!.Value)}"
                + $" - rmse: {ProgressText.Metric(evaluation.RootMeanSquaredError!.Value)} - {rate}");
            output.WriteLine("loss is the mean squared error (Keras's mse); mae and rmse are ML.NET's MeanAbsoluteError and RootMeanSquaredError");
            report = EvaluationReport.Regression(evaluation);
        }
        return Report(report, parseResult, model, source.Describe(columns), output);
    }

    /// <summary>Prints the model-card figures and, with <c>--report</c>, writes them.</summary>
    private int Report(EvaluationReport report, ParseResult parseResult, TrainedModel model, string data, TextWriter output)
    {
        foreach (string line in report.Lines()) output.WriteLine(line);
        if (parseResult.GetValue(_report) is { } directory)
        {
            report.Write(directory, model.Source, model.Kind, data, DateTimeOffset.UtcNow);
            string files = report.Calibration is null ? EvaluationReport.JsonFileName : $"{EvaluationReport.JsonFileName} and {EvaluationReport.ReliabilityFileName}";
            output.WriteLine($"Wrote {files} to {Path.GetFullPath(directory)}");
        }
        return ExitCodes.Success;
    }

    /// <summary>The reviews encoded as the model was trained, with the labels of its task (IMDB: sentiment or rating, as it learned).</summary>
    private static SequenceDataset EvaluationData(TrainedModel model, IReadOnlyList<LabelledText> reviews, DataSource source, CancellationToken ct)
    {
        var sequences = ReviewEncoder.Encode([.. reviews.Select(r => r.Text)], model.Vocabulary, model.Padding, ct);
        var spec = model.Network.Spec;
        bool rating = source.Kind == DataKind.Imdb && model.LearnedImdbLabel == TrainSettings.RatingLabel;
        string Raw(LabelledText r) => rating ? r.Stars!.Value.ToString(CultureInfo.InvariantCulture) : r.LabelText ?? (r.Label ? "1" : "0");
        if (spec.Task == TaskKind.BinaryClassification && !rating) return new SequenceDataset(sequences, [.. reviews.Select(r => r.Label)]);
        return TextLabels.FromStrings([.. reviews.Select(Raw)], spec.Task, out _, spec.ClassNames).ToDataset(sequences);
    }
}
