using Lstm.Cli.Data;
using Lstm.Cli.Plots;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Cli.Runs;

/// <summary>Writes a run folder's results, each file atomically: model, ONNX model, history, plots, manifest.</summary>
internal static class RunOutputWriter
{
    /// <summary>
    /// Writes the history and the two plots of the epochs completed so far (after an interruption neither
    /// <c>model.lstm</c> nor <c>model.onnx</c> is written: the network holds the weights of an unfinished epoch; the
    /// checkpoint holds the last finished one, and <c>lstm export --checkpoint</c> turns it into ONNX).
    /// </summary>
    public static void WriteHistory(string directory, History history)
    {
        history.Save(Path.Combine(directory, RunDirectory.HistoryFile));
        if (history.Epochs.Count > 0)
            HistoryPlotWriter.Write(history, Path.Combine(directory, RunDirectory.LossPlotFile), Path.Combine(directory, RunDirectory.AccuracyPlotFile));
    }

    /// <summary>
    /// Writes <c>model.lstm</c>, <c>model.onnx</c> (text variant, padded as trained; the ids variant for a subword model), history and plots; returns the
    /// files written.
    /// </summary>
    public static IReadOnlyList<string> WriteResults(string directory, SequenceNetwork network, Vocabulary vocabulary, SequencePadding padding, History history)
    {
        var files = new List<string> { RunDirectory.ModelFile, RunDirectory.OnnxFile, RunDirectory.HistoryFile };
        network.Save(Path.Combine(directory, RunDirectory.ModelFile));
        // A subword model has no text variant (standard ONNX cannot run its byte-pair encoding): model.onnx is its ids variant.
        var variant = vocabulary.IsSubword ? OnnxModelVariant.Ids : OnnxModelVariant.Text;
        OnnxModelWriter.Write(network, vocabulary, padding, variant, Path.Combine(directory, RunDirectory.OnnxFile));
        WriteHistory(directory, history);
        if (history.Epochs.Count > 0) files.AddRange([RunDirectory.LossPlotFile, RunDirectory.AccuracyPlotFile]);
        return files;
    }
}
