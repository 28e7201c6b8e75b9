using Lstm.Cli.Data;
using Lstm.Training.Onnx;
using Lstm.Training.Text;

namespace Lstm.Cli.Runs;

/// <summary>
/// Reads an .onnx file written by this project (<c>lstm train</c> or <c>lstm export</c>, either variant) back into a
/// <see cref="TrainedModel"/>: <see cref="OnnxImporter"/> returns the weights and vocabulary, and the padding is
/// rebuilt from the file's metadata, so the C# forward pass sees the same ids the ONNX graph would.
/// </summary>
internal static class OnnxModelReader
{
    /// <summary>Reads the model at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Not an ONNX model written by this project (the importer's message, naming the file), or one expecting another text normaliser.</exception>
    public static TrainedModel Read(string path)
    {
        string file = Path.GetFullPath(path);
        if (!File.Exists(file)) throw new FileNotFoundException($"--model: no ONNX model at {file}.", file);
        var imported = OnnxImporter.ImportFile(file);
        var metadata = imported.Metadata;
        if (metadata.NormalizerName != TextNormalizer.Name || metadata.NormalizerVersion != TextNormalizer.Version)
            throw new InvalidDataException(
                $"{file}: expects text normalised by {metadata.NormalizerName} v{metadata.NormalizerVersion}; this lstm normalises with {TextNormalizer.Name} v{TextNormalizer.Version}.");
        var padding = new SequencePadding(metadata.MaxLength, metadata.Padding, metadata.Truncating);
        string kind = $"ONNX {OnnxVariantNames.Format(metadata.Variant)} model";
        return new TrainedModel(file, Path.GetDirectoryName(file)!, kind, Lstm.Training.Models.SequenceNetwork.FromClassifier(imported.Model), imported.Vocabulary, padding, Seed: null);
    }
}
