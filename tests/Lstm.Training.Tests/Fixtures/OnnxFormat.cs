using Lstm.Training.Onnx;

namespace Lstm.Training.Tests.Fixtures;

/// <summary>Reads the metadata of an ONNX file written by the project, to check which format a fixture holds.</summary>
internal static class OnnxFormat
{
    /// <summary>The file's <c>lstm_mlnet.format_version</c>: 1 for the seed's shape, 2 for other networks of the family.</summary>
    public static int Version(string path) => int.Parse(Metadata(path)[OnnxMetadataKeys.FormatVersion], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The file's metadata properties, by key.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(string path) =>
        OnnxModelParser.Parse(File.ReadAllBytes(path), path).MetadataProps.ToDictionary(p => p.Key, p => p.Value);
}
