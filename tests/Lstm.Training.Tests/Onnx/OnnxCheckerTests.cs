using Google.Protobuf;
using Lstm.Training.Onnx;
using Lstm.Training.Onnx.Proto;
using Lstm.Training.Text;

namespace Lstm.Training.Tests.Onnx;

/// <summary>onnx.checker (through tools/onnx_check.py) accepts the variants it can read; ONNX Runtime loads every variant.</summary>
public sealed class OnnxCheckerTests
{
    private static OnnxExportOptions[] AllVariants { get; } =
    [
        new() { Variant = OnnxModelVariant.Ids },
        new() { Variant = OnnxModelVariant.Text },
        new() { Variant = OnnxModelVariant.Text, IncludeTokenIdsOutput = true },
        new() { Variant = OnnxModelVariant.Text, Padding = PaddingSide.Post, Truncating = PaddingSide.Post, MaxLength = 3 },
    ];

    [Fact]
    public void OnnxRuntime_LoadsEveryVariant()
    {
        var model = TestNetworks.Create(TestNetworks.Small, seed: 1);
        foreach (var options in AllVariants)
        {
            using var session = new OnnxSession(OnnxExporter.ExportToBytes(model, Vocabulary.FromWords(TestNetworks.Words(300), 300), options));
            Assert.Equal("Lstm.MLNet", session.Session.ModelMetadata.ProducerName);
            Assert.Equal(options.Variant == OnnxModelVariant.Text ? "text" : "ids", session.Session.ModelMetadata.CustomMetadataMap[OnnxMetadataKeys.Variant]);
        }
    }

    [Fact]
    public void OnnxChecker_PassesEveryVariantItKnows_AndSkipsNewerOpsets()
    {
        if (OnnxCheckTool.Find() is not { } tool) return;
        var model = TestNetworks.Create(TestNetworks.Small, seed: 2);
        using var dir = new TempDirectory();
        var paths = AllVariants.Select((options, i) =>
        {
            string path = Path.Combine(dir.Path, $"variant{i}.onnx");
            OnnxExporter.ExportToFile(model, Vocabulary.FromWords(TestNetworks.Words(300), 300), options, path);
            return path;
        }).ToArray();

        var (exitCode, output) = tool.Run(paths);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"OK   {paths[0]}", output);
        foreach (var path in paths.Skip(1))
        {
            // opset 20 is beyond Debian's onnx 1.12; a newer onnx checks it, and then it must pass.
            Assert.True(output.Contains($"SKIP {path}: opset 20") || output.Contains($"OK   {path}"), output);
        }
    }

    [Fact]
    public void OnnxChecker_RejectsABrokenModel()
    {
        if (OnnxCheckTool.Find() is not { } tool) return;
        var model = TestNetworks.Create(TestNetworks.Small, seed: 3);
        var proto = ModelProto.Parser.ParseFrom(OnnxExporter.ExportToBytes(model, Vocabulary.FromWords(TestNetworks.Words(300), 300), new() { Variant = OnnxModelVariant.Ids }));
        proto.Graph.Node.First(n => n.OpType == "LSTM").Input[1] = "no_such_tensor";
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "broken.onnx");
        File.WriteAllBytes(path, proto.ToByteArray());

        var (exitCode, output) = tool.Run([path]);

        Assert.True(exitCode == 1, output);
        Assert.Contains($"FAIL {path}", output);
    }
}
