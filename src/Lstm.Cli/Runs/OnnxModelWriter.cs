using Lstm.Training.Layers;
using Lstm.Training.Text;

namespace Lstm.Cli.Runs;

/// <summary>Writes <c>model.onnx</c> beside <c>model.lstm</c> at the end of <c>lstm train</c>.</summary>
internal static class OnnxModelWriter
{
    /// <summary>
    /// Exports <paramref name="model"/> (with its vocabulary and padded length) to <paramref name="path"/>; returns
    /// false when this build has no exporter.
    /// </summary>
    public static bool TryWrite(LstmClassifier model, Vocabulary vocabulary, int maxLen, string path)
    {
        // ONNX EXPORT CALL SITE (the only one). When branch `onnx` (Lstm.Training.Onnx) is merged, replace the two lines
        // below with (ExportToFile writes atomically):
        //     OnnxExporter.ExportToFile(model, vocabulary, new OnnxExportOptions { MaxLength = maxLen }, path);
        //     return true;
        _ = (model, vocabulary, maxLen, path);
        return false;
    }
}
