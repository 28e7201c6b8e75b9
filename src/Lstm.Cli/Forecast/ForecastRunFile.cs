using System.Text.Json;
using System.Text.Json.Serialization;
using Lstm.Training;
using Lstm.Training.TimeSeries;

namespace Lstm.Cli.Forecast;

/// <summary>
/// <c>forecast.json</c>, written by <c>lstm forecast train</c> beside <c>model.lstm</c>: how the series was read and cut
/// into windows (so that <c>evaluate</c> and <c>predict</c> read new data the same way), the rows the scaling was
/// learned from, what was learned from them (scaler, categories), the network and training settings, and the test
/// results with the baselines'.
/// </summary>
internal sealed record ForecastRunFile
{
    /// <summary>The file's format name.</summary>
    public const string FormatName = "lstm-mlnet-forecast";

    /// <summary>The file name in a forecast run folder.</summary>
    public const string FileName = "forecast.json";

    /// <summary>The network's file name.</summary>
    public const string ModelFile = "model.lstm";

    /// <summary>The ONNX model's file name.</summary>
    public const string OnnxFile = "model.onnx";

    /// <summary>The test-period figure's file name.</summary>
    public const string PlotFile = "forecast.png";

    /// <summary>The training curves' file name.</summary>
    public const string LossPlotFile = "loss.png";

    /// <summary>Format name, <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>Format version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The series file trained on, relative to the run folder where possible.</summary>
    public required string Data { get; init; }

    /// <summary>How it was read.</summary>
    public required TimeSeriesFileOptions File { get; init; }

    /// <summary>How it was cut into windows.</summary>
    public required WindowOptions Windows { get; init; }

    /// <summary>The season of the seasonal-naive baseline, in steps.</summary>
    public required int SeasonSteps { get; init; }

    /// <summary>The sampling interval, e.g. "1h" or "1d".</summary>
    public required string Interval { get; init; }

    /// <summary>The rows the scaler and the categories were learned from (the training part): the first this many rows.</summary>
    public required int TrainingRows { get; init; }

    /// <summary>The network's input features, in order (the target first).</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>Everything learned from the training part (scaler, categories, masked columns), as <see cref="SeriesPreprocessing.ToJson"/> writes it.</summary>
    public required JsonElement Preprocessing { get; init; }

    /// <summary>The network, in Keras's words.</summary>
    public required string Network { get; init; }

    /// <summary>Training settings.</summary>
    public required ForecastTraining Training { get; init; }

    /// <summary>Examples per part: train, validation, test (and how many were dropped for missing values).</summary>
    public required IReadOnlyDictionary<string, int> Examples { get; init; }

    /// <summary>Test-part errors in the target's units: "model", "naive", "seasonal_naive", with skills.</summary>
    public required ForecastTestResult Test { get; init; }

    /// <summary>The preprocessing read back.</summary>
    public SeriesPreprocessing ReadPreprocessing() => SeriesPreprocessing.FromJson(Preprocessing.GetRawText());

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the file atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>Reads <c>forecast.json</c> from a forecast run folder.</summary>
    /// <exception cref="FileNotFoundException">The folder has no forecast.json.</exception>
    /// <exception cref="InvalidDataException">The file is not one this version writes.</exception>
    public static ForecastRunFile Load(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"--model {folder}: no {FileName}; expected the --out folder of 'lstm forecast train'.", path);
        try
        {
            var run = JsonSerializer.Deserialize<ForecastRunFile>(System.IO.File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: empty.");
            if (run.Format != FormatName || run.Version != 1)
                throw new InvalidDataException($"{path}: format '{run.Format}' version {run.Version}; this lstm reads '{FormatName}' version 1.");
            return run;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a forecast run file ({e.Message}).", e);
        }
    }
}

/// <summary>The training settings of a forecast run.</summary>
internal sealed record ForecastTraining(int Epochs, int EpochsRun, int BatchSize, float LearningRate, ulong Seed, int EarlyStoppingPatience, int? RestoredEpoch, double Seconds);

/// <summary>Test-part errors of the model and the baselines, in the target's units, and the model's skill against each.</summary>
internal sealed record ForecastTestResult(ErrorSummary Model, ErrorSummary Naive, ErrorSummary SeasonalNaive, double SkillVsNaive, double SkillVsSeasonalNaive,
    IReadOnlyList<double> ModelMaeByStep);
