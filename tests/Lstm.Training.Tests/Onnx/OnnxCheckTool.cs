using System.Diagnostics;

namespace Lstm.Training.Tests.Onnx;

/// <summary>tools/onnx_check.py and a python3 that imports onnx; missing outside CI means the test returns early.</summary>
internal sealed record OnnxCheckTool(string Python, string Script)
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
