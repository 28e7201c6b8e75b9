using Lstm.Training.Models;
using Lstm.Training.TimeSeries;

namespace Lstm.Cli.Forecast;

/// <summary>A forecast run folder read back: its network and <c>forecast.json</c>, and the series read the way it was trained.</summary>
internal sealed record ForecastModel(string Folder, SequenceNetwork Network, ForecastRunFile Run)
{
    /// <summary>Reads the run folder <paramref name="folder"/>.</summary>
    public static ForecastModel Load(string folder)
    {
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"--model {folder}: no such folder; expected the --out folder of 'lstm forecast train'.");
        var run = ForecastRunFile.Load(folder);
        string modelPath = Path.Combine(folder, ForecastRunFile.ModelFile);
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"--model {folder}: no {ForecastRunFile.ModelFile}.", modelPath);
        var network = SequenceNetwork.Load(modelPath);
        if (!network.Spec.IsNumeric || network.Spec.InputFeatures != run.FeatureNames.Count || network.Spec.Outputs != run.Windows.Horizon)
            throw new InvalidDataException($"{modelPath}: {network.Spec.Describe()} does not read the {run.FeatureNames.Count} features and forecast the {run.Windows.Horizon} steps {ForecastRunFile.FileName} records.");
        return new ForecastModel(folder, network, run);
    }

    /// <summary>The series to read: <paramref name="data"/>, else the one the model was trained on.</summary>
    public string DataPath(string? data) => Path.GetFullPath(data ?? Runs.RunRelativePath.Resolve(Run.Data, Folder));

    /// <summary>Reads <paramref name="path"/> as the model's series was read.</summary>
    public TimeSeriesTable ReadTable(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"--data {path}: no such file.", path);
        return TimeSeriesTable.Read(path, Run.File);
    }

    /// <summary>
    /// Throws when <paramref name="preprocessing"/>, learned again from the series' first training rows, differs from
    /// what the model was trained with: the series is not the training series (or an extension of it), so its test part
    /// would not be read as the model reads data.
    /// </summary>
    public void CheckPreprocessing(SeriesPreprocessing preprocessing, string path)
    {
        if (preprocessing.ToJson() != Run.ReadPreprocessing().ToJson())
            throw new InvalidDataException(
                $"{path}: its first {Run.TrainingRows:N0} rows do not give the features and scaling the model learned from its training series ({string.Join(", ", Run.FeatureNames)}); evaluate on the training series, extended with newer rows, or forecast from any series with 'lstm forecast predict'.");
    }
}
