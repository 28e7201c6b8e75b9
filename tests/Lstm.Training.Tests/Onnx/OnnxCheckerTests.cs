using System.Diagnostics;
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

    /// <summary>tools/onnx_check.py and a python3 that imports onnx; missing outside CI means the test returns early.</summary>
    private sealed record OnnxCheckTool(string Python, string Script)
    {
        public static OnnxCheckTool? Find()
        {
            string? script = RepositoryPaths.FindUpwards(Path.Combine("tools", "onnx_check.py"));
            Assert.True(script is not null, "tools/onnx_check.py not found above " + AppContext.BaseDirectory);
            foreach (var python in new[] { "python3", "/usr/bin/python3" })
            {
                if (TryRun(python, ["-c", "import onnx"], out _, out _) == 0) return new OnnxCheckTool(python, script!);
            }
            if (RepositoryPaths.IsCi) Assert.Fail("CI=true but no python3 can import onnx: apt-get install -y python3-onnx");
            return null;
        }

        public (int ExitCode, string Output) Run(IEnumerable<string> files)
        {
            int code = TryRun(Python, [Script, .. files], out var stdout, out var stderr);
            return (code, stdout + stderr);
        }

        private static int TryRun(string file, IEnumerable<string> arguments, out string stdout, out string stderr)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            try
            {
                using var process = Process.Start(info)!;
                var errorTask = process.StandardError.ReadToEndAsync();
                stdout = process.StandardOutput.ReadToEnd();
                stderr = errorTask.Result;
                process.WaitForExit();
                return process.ExitCode;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                stdout = "";
                stderr = e.Message;
                return -1;
            }
        }
    }
}
