using Lstm.Cli.Data;
using Lstm.Training.Onnx;
using Lstm.Training.Text;

namespace Lstm.Cli.Runs;

/// <summary>Reads an .onnx model exported by this project (either variant, any network of the family) for <c>--model</c>.</summary>
internal static class OnnxModelReader
{
    /// <summary>The network, vocabulary and padding of the ONNX model at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not an ONNX model written by this project, or needs another text normaliser.</exception>
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
        return new TrainedModel(file, Path.GetDirectoryName(file)!, kind, imported.Network, imported.Vocabulary, padding, Seed: null);
    }
}
