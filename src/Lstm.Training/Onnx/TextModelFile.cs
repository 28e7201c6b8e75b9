using Lstm.Training.Models;

namespace Lstm.Training.Onnx;

/// <summary>
/// A <see cref="TextModel"/>'s saved form: the ONNX text variant (the ids variant for a subword model, whose byte-pair
/// encoding standard ONNX cannot express; its metadata names the tokenizer and holds the piece mapping), which holds everything the model is in one standard
/// file (the normaliser's name and version, the vocabulary, max length and padding sides in the graph and its metadata;
/// the network, its task and class names), and which any ONNX runtime scores from raw text.
/// </summary>
public static class TextModelFile
{
    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> as the ONNX text variant (subword models: the ids variant), atomically.</summary>
    public static void Save(TextModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        OnnxExporter.ExportToFile(model.Network, model.Vectorizer.Vocabulary, ExportOptions(model), path);
    }

    /// <summary>The bytes <see cref="Save"/> writes (e.g. for a scorer that keeps the model in memory).</summary>
    public static byte[] ToBytes(TextModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return OnnxExporter.ExportToBytes(model.Network, model.Vectorizer.Vocabulary, ExportOptions(model));
    }

    /// <summary>Reads a model written by <see cref="Save"/> (or any ONNX model exported by this library, either variant).</summary>
    /// <exception cref="InvalidDataException">The file is not an ONNX model written by this library.</exception>
    public static TextModel Load(string path)
    {
        var imported = OnnxImporter.ImportFile(path);
        return new TextModel(imported.Vectorizer, imported.Network);
    }

    private static OnnxExportOptions ExportOptions(TextModel model)
    {
        var v = model.Vectorizer;
        return new OnnxExportOptions
        {
            Variant = v.Vocabulary.IsSubword ? OnnxModelVariant.Ids : OnnxModelVariant.Text,
            MaxLength = v.MaxLength,
            Padding = v.Padding,
            Truncating = v.Truncating,
        };
    }
}
