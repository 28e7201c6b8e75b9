using System.Globalization;

namespace Lstm.Cli.Runs;

/// <summary>
/// The folder <c>lstm train</c> writes and <c>lstm evaluate</c>/<c>lstm predict</c> read: file names, and the default
/// location <c>./runs/&lt;data&gt;-&lt;yyyyMMdd-HHmmss&gt;</c>.
/// </summary>
internal static class RunDirectory
{
    /// <summary>The trained network (<c>LstmClassifier.Save</c>).</summary>
    public const string ModelFile = "model.lstm";

    /// <summary>The vocabulary built from the training texts.</summary>
    public const string VocabularyFile = "vocabulary.json";

    /// <summary>Keras-style per-epoch metrics.</summary>
    public const string HistoryFile = "history.json";

    /// <summary>Settings, data source, timings and final metrics (<see cref="TrainingManifest"/>).</summary>
    public const string ManifestFile = "training.json";

    /// <summary>The "Model Loss" figure.</summary>
    public const string LossPlotFile = "loss.png";

    /// <summary>The "Model Accuracy" figure.</summary>
    public const string AccuracyPlotFile = "accuracy.png";

    /// <summary>The checkpoint written after every epoch, for <c>--resume</c>.</summary>
    public const string CheckpointFile = "checkpoint.lstmckpt";

    /// <summary>The network exported to ONNX, text variant (written by <c>lstm train</c>; <c>lstm export</c>'s default for <c>--variant text</c>).</summary>
    public const string OnnxFile = "model.onnx";

    /// <summary>The network exported to ONNX, ids variant (<c>lstm export --variant ids</c>'s default).</summary>
    public const string OnnxIdsFile = "model.ids.onnx";

    /// <summary>
    /// <c>./runs/&lt;name&gt;-&lt;yyyyMMdd-HHmmss&gt;</c> under the current folder, where name is "imdb" or the data file's name
    /// without extension; "-2", "-3"… is appended when that folder already exists.
    /// </summary>
    public static string DefaultPath(string dataName, DateTimeOffset now)
    {
        string name = string.Concat(dataName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        string stem = Path.GetFullPath(Path.Combine("runs", $"{name}-{now.ToLocalTime().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
        string path = stem;
        for (int n = 2; Directory.Exists(path); n++) path = $"{stem}-{n}";
        return path;
    }
}
