using Google.Protobuf;
using Lstm.Training.Onnx;
using Lstm.Training.Onnx.Proto;

namespace Lstm.Training.Tests.Onnx;

/// <summary>
/// The series export shares <c>NetworkInitializers</c> and <c>HeadGraph</c> with the token exports: re-exporting the
/// committed fixtures and shipped models (written before it existed) must give their graphs and metadata again, byte
/// for byte, but for the producer version.
/// </summary>
public sealed class SeriesExportLeavesTokenExportsTests
{
    public static TheoryData<string> Files => new()
    {
        Path.Combine("tests", "Fixtures", "format-v1", "model.onnx"),
        Path.Combine("tests", "Fixtures", "format-v2", "model.onnx"),
        Path.Combine("tests", "Fixtures", "format-v2", "family", "model.onnx"),
        Path.Combine("models", "imdb-lstm", "model.onnx"),
        Path.Combine("models", "imdb-bilstm", "model.onnx"),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void ReExport_GivesTheCommittedGraphAndMetadata(string relative)
    {
        string path = RepositoryPaths.FindUpwards(relative) ?? throw new FileNotFoundException(relative);
        var original = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        var imported = OnnxImporter.ImportFile(path);
        var m = imported.Metadata;
        var options = new OnnxExportOptions
        {
            Variant = m.Variant,
            MaxLength = m.MaxLength,
            Padding = m.Padding,
            Truncating = m.Truncating,
            IncludeTokenIdsOutput = m.TokenIdsOutputName is not null,
            Layout = m.PaddingFree ? OnnxGraphLayout.PaddingFree : OnnxGraphLayout.Padded,
            NormalizerName = m.NormalizerName,
            NormalizerVersion = m.NormalizerVersion,
            NormalizerRule = m.NormalizerRule,
        };
        var again = ModelProto.Parser.ParseFrom(OnnxExporter.ExportToBytes(imported.Network, imported.Vocabulary, options));
        Assert.Equal(original.Graph.ToByteArray(), again.Graph.ToByteArray());
        Assert.Equal(original.OpsetImport, again.OpsetImport);
        static IEnumerable<(string, string)> Props(ModelProto model) =>
            model.MetadataProps.Where(p => p.Key != OnnxMetadataKeys.ProducerVersion).Select(p => (p.Key, p.Value));
        Assert.Equal(Props(original), Props(again));
    }
}
