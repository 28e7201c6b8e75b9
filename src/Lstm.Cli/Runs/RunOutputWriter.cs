using Lstm.Cli.Plots;
using Lstm.Training.Layers;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Cli.Runs;

/// <summary>Writes a run folder's results, each file atomically: model, ONNX model, history, plots, manifest.</summary>
internal static class RunOutputWriter
{
    /// <summary>
    /// Writes the history and the two plots of the epochs completed so far (after an interruption the model is not
    /// written: it holds the weights of an unfinished epoch; the checkpoint holds the last finished one).
    /// </summary>
    public static void WriteHistory(string directory, History history)
    {
        history.Save(Path.Combine(directory, RunDirectory.HistoryFile));
        if (history.Epochs.Count > 0)
            HistoryPlotWriter.Write(history, Path.Combine(directory, RunDirectory.LossPlotFile), Path.Combine(directory, RunDirectory.AccuracyPlotFile));
    }

    /// <summary>Writes <c>model.lstm</c>, <c>model.onnx</c> (when the exporter is available), history and plots; returns the files written.</summary>
    public static IReadOnlyList<string> WriteResults(string directory, LstmClassifier model, Vocabulary vocabulary, int maxLen, History history)
    {
        var files = new List<string> { RunDirectory.ModelFile };
        model.Save(Path.Combine(directory, RunDirectory.ModelFile));
        if (OnnxModelWriter.TryWrite(model, vocabulary, maxLen, Path.Combine(directory, RunDirectory.OnnxFile))) files.Add(RunDirectory.OnnxFile);
        WriteHistory(directory, history);
        files.Add(RunDirectory.HistoryFile);
        if (history.Epochs.Count > 0) files.AddRange([RunDirectory.LossPlotFile, RunDirectory.AccuracyPlotFile]);
        return files;
    }
}
