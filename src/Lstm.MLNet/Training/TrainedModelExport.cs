using Lstm.Training.Models;
using Lstm.Training.Onnx;

namespace Lstm.MLNet.Training;

/// <summary>A trained <see cref="TextModel"/> as the ONNX model (text variant) an <see cref="LstmTransformer"/> scores with.</summary>
internal static class TrainedModelExport
{
    /// <summary>The serialized model, with the vectorizer's vocabulary, length and padding sides (the seed's shape in its own format, as before).</summary>
    public static byte[] ToOnnx(TextModel model)
    {
        var vectorizer = model.Vectorizer;
        var options = new OnnxExportOptions { MaxLength = vectorizer.MaxLength, Padding = vectorizer.Padding, Truncating = vectorizer.Truncating };
        return OnnxExporter.ExportToBytes(model.Network, vectorizer.Vocabulary, options);
    }
}
