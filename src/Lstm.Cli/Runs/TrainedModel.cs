using Lstm.Cli.Data;
using Lstm.Training.Data;
using Lstm.Training.Models;
using Lstm.Training.Text;

namespace Lstm.Cli.Runs;

/// <summary>
/// A trained network ready for <c>lstm evaluate</c>, <c>predict</c> or <c>export</c>: its weights, its vocabulary and
/// the padding it was trained with, read from a run folder, a checkpoint or an ONNX model.
/// </summary>
/// <param name="Source">Full path of what was read: a run folder, a checkpoint or an .onnx file.</param>
/// <param name="Folder">The folder holding <paramref name="Source"/>, where <c>lstm export</c> writes by default.</param>
/// <param name="Kind">What <paramref name="Source"/> is, for messages: "run folder", "checkpoint after epoch 2", "ONNX text model".</param>
/// <param name="Network">The network.</param>
/// <param name="Vocabulary">The vocabulary it was trained with.</param>
/// <param name="Padding">Padded length and sides it was trained with.</param>
/// <param name="Seed">The run's seed, which draws <c>lstm evaluate --limit</c>'s subset; null when the source does not record it (ONNX).</param>
/// <param name="DataColumns">
/// The columns the run read its labelled files with, which <c>lstm evaluate</c> reads its file with unless told
/// otherwise; null when the source does not record them (ONNX).
/// </param>
/// <param name="ImdbLabel">The run's <c>--label</c> (sentiment or rating) when recorded.</param>
internal sealed record TrainedModel(string Source, string Folder, string Kind, SequenceNetwork Network, Vocabulary Vocabulary, SequencePadding Padding, ulong? Seed,
    LabelledTextFileOptions? DataColumns = null, string? ImdbLabel = null)
{
    /// <summary>The IMDB label the model learned: the run's <c>--label</c>, else sentiment for binary models and rating for others.</summary>
    public string LearnedImdbLabel => ImdbLabel ?? (Network.Spec.Task == TaskKind.BinaryClassification ? TrainSettings.SentimentLabel : TrainSettings.RatingLabel);

    /// <summary>The network's task.</summary>
    public TaskKind Task => Network.Spec.Task;

    /// <summary>
    /// Reads <c>--model</c>: an .onnx file written by this project, else a run folder (or the folder of a
    /// <c>model.lstm</c> given directly).
    /// </summary>
    /// <exception cref="FileNotFoundException">The .onnx file, or a file of the run, is missing.</exception>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="InvalidDataException">A file is malformed or not written by this project, or the run's files disagree.</exception>
    public static TrainedModel Load(string path) => IsOnnxFile(path) ? OnnxModelReader.Read(path) : RunFolderReader.Read(path);

    /// <summary>True when <paramref name="path"/> names an .onnx file (existing or not) rather than a folder.</summary>
    public static bool IsOnnxFile(string path) =>
        !Directory.Exists(path) && Path.GetExtension(path).Equals(".onnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="path"/> names a checkpoint file (existing or not), by the extension of <see cref="RunDirectory.CheckpointFile"/>.</summary>
    public static bool IsCheckpointFile(string path) =>
        !Directory.Exists(path) && Path.GetExtension(path).Equals(Path.GetExtension(RunDirectory.CheckpointFile), StringComparison.OrdinalIgnoreCase);
}
