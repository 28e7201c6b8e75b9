using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lstm.Cli.Commands;
using Lstm.Cli.Plots;
using Lstm.Cli.Runs;
using Lstm.Training.Models;
using Lstm.Training.TimeSeries;
using Lstm.Training.Training;
using Lstm.Training.Training.Callbacks;
using static System.FormattableString;

namespace Lstm.Cli.Forecast;

/// <summary>
/// <c>lstm forecast train --data series.csv --time-column C[,C…] --target T [--features …] --window W --horizon H …</c>:
/// cuts a time-ordered series into windows (chronological train/validation/test split), trains an LSTM on the numeric
/// windows with a Dense(H) head, and reports the test errors beside the naive and seasonal-naive forecasts.
/// </summary>
internal sealed class ForecastTrainCommand
{
    private readonly Option<string> _data = new("--data") { Description = "The series: a CSV file with a header row, ordered by time", HelpName = "file.csv", Required = true };
    private readonly Option<string[]> _time = new("--time-column")
    {
        Description = "The time column, parsed as an ISO 8601 date or date-time; or 2-5 integer columns, comma-separated, in the order year,month,day,hour,minute (e.g. year,month,day,hour)",
        HelpName = "column[,column…]",
        Required = true,
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<string> _target = new("--target") { Description = "The numeric column to forecast", HelpName = "column", Required = true };
    private readonly Option<string?> _features = new("--features") { Description = "Further input columns, comma-separated (the target's own history is always an input). Default: none", HelpName = "column[,column…]" };
    private readonly Option<string?> _categorical = new("--categorical") { Description = "Which feature columns are categories (one-hot encoded). Default: those whose values are not all numbers", HelpName = "column[,column…]" };
    private readonly Option<int> _window = new Option<int>("--window") { Description = "Past steps each forecast reads. Default: 24", HelpName = "steps", DefaultValueFactory = _ => 24 }.AtLeast(1);
    private readonly Option<int> _horizon = new Option<int>("--horizon") { Description = "Steps ahead each forecast gives (a Dense(H) head). Default: 1", HelpName = "steps", DefaultValueFactory = _ => 1 }.AtLeast(1);
    private readonly Option<string> _missing = new Option<string>("--missing")
    {
        Description = "Missing input values: 'drop' (windows holding one are not used), 'ffill' (last observed value) or 'mask' (0 after scaling plus a was-missing indicator feature). Missing targets are never trained on. Default: drop",
        HelpName = "drop|ffill|mask",
        DefaultValueFactory = _ => "drop",
    }.Must(v => v is "drop" or "ffill" or "mask", "must be 'drop', 'ffill' or 'mask'");
    private readonly Option<bool> _insertGaps = new("--fill-gaps") { Description = "Insert the timestamps missing from the series (steps larger than its interval) as rows of missing values. Default: a gap is an error naming it" };
    private readonly Option<double> _trainFraction = new Option<double>("--train-fraction") { Description = "Share of the time axis, from the start, that trains. Default: 0.7", HelpName = "fraction", DefaultValueFactory = _ => 0.7 };
    private readonly Option<double> _validationFraction = new Option<double>("--validation-fraction") { Description = "Share after it that validates (early stopping); the rest tests. Default: 0.1", HelpName = "fraction", DefaultValueFactory = _ => 0.1 };
    private readonly Option<int?> _season = new Option<int?>("--season") { Description = "Steps in one season, for the seasonal-naive baseline. Default: a day for hourly data, a year (365 days) for daily data, else one step", HelpName = "steps" }.AtLeast(1);
    private readonly Option<string> _cell = new Option<string>("--cell") { Description = "Recurrent cell: lstm, gru or simplernn. Default: lstm", HelpName = "lstm|gru|simplernn", DefaultValueFactory = _ => "lstm" }.Must(v => v is "lstm" or "gru" or "simplernn", "must be 'lstm', 'gru' or 'simplernn'");
    private readonly Option<int> _units = new Option<int>("--units") { Description = "Units per recurrent layer. Default: 64", HelpName = "n", DefaultValueFactory = _ => 64 }.AtLeast(1);
    private readonly Option<int> _layers = new Option<int>("--layers") { Description = "Stacked recurrent layers. Default: 1", HelpName = "n", DefaultValueFactory = _ => 1 }.AtLeast(1);
    private readonly Option<bool> _bidirectional = new("--bidirectional") { Description = "Read each window both ways (Keras Bidirectional)" };
    private readonly Option<float> _dropout = new Option<float>("--dropout") { Description = "Dropout on each layer's inputs. Default: 0", HelpName = "rate", DefaultValueFactory = _ => 0f };
    private readonly Option<int> _epochs = new Option<int>("--epochs") { Description = "Most epochs. Default: 30", HelpName = "n", DefaultValueFactory = _ => 30 }.AtLeast(1);
    private readonly Option<int> _batchSize = new Option<int>("--batch-size") { Description = "Batch size. Default: 32", HelpName = "n", DefaultValueFactory = _ => 32 }.AtLeast(1);
    private readonly Option<float> _learningRate = new Option<float>("--learning-rate") { Description = "Adam's learning rate. Default: 0.001", HelpName = "rate", DefaultValueFactory = _ => 0.001f };
    private readonly Option<int> _patience = new Option<int>("--early-stopping-patience") { Description = "Stop after this many epochs without a better validation loss, keeping the best weights; 0 for off. Default: 5", HelpName = "epochs", DefaultValueFactory = _ => 5 }.AtLeast(0);
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of the initial weights, shuffling and dropout. Default: 42", HelpName = "n", DefaultValueFactory = _ => 42 };
    private readonly Option<int?> _threads = new Option<int?>("--threads") { Description = "Threads. Default: all cores", HelpName = "n" }.AtLeast(1);
    private readonly Option<string?> _out = new("--out") { Description = "The folder to write the model to. Default: runs/forecast-<file>-<time>", HelpName = "dir" };
    private readonly Option<bool> _overwrite = new("--overwrite") { Description = "Replace a forecast run already in --out" };

    /// <summary>Builds the command; its action runs in <paramref name="environment"/>.</summary>
    public ForecastTrainCommand(CommandEnvironment environment)
    {
        Command = new Command("train", "Train an LSTM forecaster on a time series (CSV) and report its test errors beside the naive and seasonal-naive forecasts")
        {
            _data, _time, _target, _features, _categorical, _window, _horizon, _missing, _insertGaps, _trainFraction, _validationFraction, _season,
            _cell, _units, _layers, _bidirectional, _dropout, _epochs, _batchSize, _learningRate, _patience, _seed, _threads, _out, _overwrite,
        };
        Command.SetAction(parseResult => ErrorReporter.Run(environment.Error, () => Execute(parseResult, environment)));
    }

    /// <summary>The <c>forecast train</c> command.</summary>
    public Command Command { get; }

    private static IReadOnlyList<string> List(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>The missing-value policy a <c>--missing</c> value names.</summary>
    public static MissingValuePolicy Missing(string value) => value switch
    {
        "ffill" => MissingValuePolicy.ForwardFill,
        "mask" => MissingValuePolicy.Mask,
        _ => MissingValuePolicy.DropWindows,
    };

    private int Execute(ParseResult parse, CommandEnvironment environment)
    {
        var output = environment.Output;
        var total = Stopwatch.StartNew();
        string data = Path.GetFullPath(parse.GetValue(_data)!);
        if (!File.Exists(data)) throw new FileNotFoundException($"--data {data}: no such file.", data);
        var fileOptions = new TimeSeriesFileOptions
        {
            TimeColumns = [.. parse.GetValue(_time)!.SelectMany(List)],
            TargetColumn = parse.GetValue(_target)!,
            FeatureColumns = List(parse.GetValue(_features)),
            CategoricalColumns = parse.GetValue(_categorical) is { } categorical ? List(categorical) : null,
            Gaps = parse.GetValue(_insertGaps) ? GapPolicy.Insert : GapPolicy.Error,
        };
        var windowOptions = new WindowOptions
        {
            WindowLength = parse.GetValue(_window),
            Horizon = parse.GetValue(_horizon),
            TrainFraction = parse.GetValue(_trainFraction),
            ValidationFraction = parse.GetValue(_validationFraction),
            MissingValues = Missing(parse.GetValue(_missing)!),
        };
        string outDirectory = Path.GetFullPath(parse.GetValue(_out)
            ?? Path.Combine("runs", $"forecast-{Path.GetFileNameWithoutExtension(data)}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
        if (File.Exists(Path.Combine(outDirectory, ForecastRunFile.FileName)) && !parse.GetValue(_overwrite))
            throw new ArgumentException($"--out {outDirectory} already holds a forecast run; choose another folder or pass --overwrite.");

        var table = TimeSeriesTable.Read(data, fileOptions);
        var series = SeriesWindows.Build(table, windowOptions);
        int features = series.FeatureCount, horizon = series.Horizon;
        TimeSpan season = parse.GetValue(_season) is { } steps ? table.Interval * steps : SeasonalNaiveForecast.DefaultSeason(table.Interval);
        output.WriteLine(Invariant($"Series: {data}: {table.Count:N0} rows every {ForecastTimes.Format(table.Interval)}, {ForecastTimes.Format(table.Start)} to {ForecastTimes.Format(table.Times[^1])}{(table.InsertedRowCount > 0 ? $" ({table.InsertedRowCount:N0} missing timestamps inserted)" : "")}"));
        output.WriteLine(Invariant($"Inputs: {features} features per step ({string.Join(", ", series.FeatureNames)}), windows of {series.WindowLength} steps, forecasting {horizon} step(s) of {fileOptions.TargetColumn}"));
        output.WriteLine(Invariant($"Examples: train {series.Train.Count:N0}, validation {series.Validation.Count:N0}, test {series.Test.Count:N0} (chronological; dropped for missing values: {series.Train.DroppedCount + series.Validation.DroppedCount + series.Test.DroppedCount:N0})"));

        var kind = parse.GetValue(_cell) switch { "gru" => RecurrentKind.Gru, "simplernn" => RecurrentKind.SimpleRnn, _ => RecurrentKind.Lstm };
        var layer = new RecurrentLayerSpec { Kind = kind, Units = parse.GetValue(_units), Dropout = parse.GetValue(_dropout), RecurrentDropout = 0, Bidirectional = parse.GetValue(_bidirectional) };
        var spec = NetworkSpec.ForFeatures(features, horizon) with { Recurrent = [.. Enumerable.Repeat(layer, parse.GetValue(_layers))] };
        spec.Validate();
        ulong seed = parse.GetValue(_seed);
        var network = new SequenceNetwork(spec, seed);
        output.WriteLine($"Network: {spec.Describe()}: {network.Parameters.Count:N0} parameters");

        int patience = parse.GetValue(_patience);
        bool validate = series.Validation.Count > 0;
        var fit = new FitOptions
        {
            Epochs = parse.GetValue(_epochs),
            BatchSize = parse.GetValue(_batchSize),
            LearningRate = parse.GetValue(_learningRate),
            Seed = seed,
            MaxDegreeOfParallelism = parse.GetValue(_threads),
            EarlyStopping = patience > 0 && validate ? new EarlyStopping("val_loss", patience) : null,
            Callbacks = [new EpochLine(output, parse.GetValue(_epochs))],
        };
        var train = Dataset(series.Train, features, horizon);
        var validation = validate ? Dataset(series.Validation, features, horizon) : null;
        var clock = Stopwatch.StartNew();
        var history = new Trainer(network, fit).Fit(train, validation, environment.CancellationToken);
        double seconds = clock.Elapsed.TotalSeconds;
        if (history.RestoredEpoch is { } best) output.WriteLine($"Restored the weights of epoch {best}, the best validation loss.");

        var (result, forecasts) = ForecastEvaluation.Evaluate(network, series, series.Test, season, parse.GetValue(_threads));
        ForecastEvaluation.Write(output, result, fileOptions.TargetColumn, series.Test.Count);

        Directory.CreateDirectory(outDirectory);
        network.Save(Path.Combine(outDirectory, ForecastRunFile.ModelFile));
        ForecastOnnx.Write(network, series.Preprocessing, fileOptions.TargetColumn, Path.Combine(outDirectory, ForecastRunFile.OnnxFile));
        HistoryPlotWriter.Write(history, Path.Combine(outDirectory, ForecastRunFile.LossPlotFile), Path.Combine(outDirectory, "mae.png"));
        ForecastPlotWriter.Write(series.Test, forecasts, fileOptions.TargetColumn, Path.Combine(outDirectory, ForecastRunFile.PlotFile));
        var run = new ForecastRunFile
        {
            Data = RunRelativePath.ToRecorded(data, outDirectory),
            File = fileOptions,
            Windows = windowOptions,
            SeasonSteps = (int)Math.Round(season / table.Interval),
            Interval = ForecastTimes.Format(table.Interval),
            TrainingRows = series.Split.TrainEnd,
            FeatureNames = series.FeatureNames,
            Preprocessing = JsonDocument.Parse(series.Preprocessing.ToJson()).RootElement.Clone(),
            Network = spec.Describe(),
            Training = new ForecastTraining(fit.Epochs, history.Epochs.Count, fit.BatchSize, fit.LearningRate, seed, patience, history.RestoredEpoch, seconds),
            Examples = new Dictionary<string, int>
            {
                ["train"] = series.Train.Count,
                ["validation"] = series.Validation.Count,
                ["test"] = series.Test.Count,
                ["dropped"] = series.Train.DroppedCount + series.Validation.DroppedCount + series.Test.DroppedCount,
            },
            Test = result,
        };
        run.Save(Path.Combine(outDirectory, ForecastRunFile.FileName));
        output.WriteLine(Invariant($"Done in {total.Elapsed.TotalSeconds:0.0}s (training {seconds:0.0}s). Wrote to {outDirectory}: {ForecastRunFile.ModelFile}  {ForecastRunFile.OnnxFile}  {ForecastRunFile.FileName}  {ForecastRunFile.PlotFile}  {ForecastRunFile.LossPlotFile}  mae.png"));
        output.WriteLine($"Next: lstm forecast predict --model {outDirectory}   |   lstm forecast evaluate --model {outDirectory}");
        return ExitCodes.Success;
    }

    /// <summary>A part's examples as the trainer reads them: scaled windows and their H scaled targets.</summary>
    public static SequenceDataset Dataset(WindowedPart part, int features, int horizon)
    {
        var targets = new float[part.Count * horizon];
        for (int i = 0; i < part.Count; i++) part.Targets[i].CopyTo(targets, i * horizon);
        return SequenceDataset.ForWindows(part.Inputs, features, targets, horizon);
    }

    /// <summary>One line per epoch: Keras's loss and mae, and the validation's.</summary>
    private sealed class EpochLine(TextWriter output, int epochs) : Callback
    {
        public override void OnEpochEnd(EpochResult result, CallbackContext context) =>
            output.WriteLine(Invariant($"Epoch {result.Epoch}/{epochs} - {result.TrainSeconds:0.0}s - loss: {result.Loss:0.0000} - mae: {result.MeanAbsoluteError:0.0000}{(result.ValLoss is { } v ? $" - val_loss: {v:0.0000} - val_mae: {result.ValMeanAbsoluteError:0.0000}" : "")} (scaled units)"));
    }
}
