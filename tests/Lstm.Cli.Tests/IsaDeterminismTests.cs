using System.Diagnostics;
using Xunit.Abstractions;

namespace Lstm.Cli.Tests;

/// <summary>
/// <c>lstm train</c> with a seed writes the same weights, byte for byte, whatever vector width the CPU gives the
/// kernels: each run is a fresh process with the runtime told to use AVX-512, AVX2, 128-bit vectors (with hardware FMA,
/// and with FMA emulated) or no SIMD at all.
/// </summary>
public class IsaDeterminismTests(ITestOutputHelper output)
{
    private static readonly (string Name, string Kernels, Dictionary<string, string> Environment)[] Settings =
    [
        ("default", "", new()),
        ("AVX2", "Vector256", new() { ["DOTNET_EnableAVX512"] = "0" }),
        ("128-bit", "Vector128 with hardware FMA", new() { ["DOTNET_EnableAVX512"] = "0", ["DOTNET_PreferredVectorBitWidth"] = "128" }),
        ("128-bit, no FMA", "Vector128 with FMA emulated", new() { ["DOTNET_EnableAVX2"] = "0" }),
        ("scalar", "scalar", new() { ["DOTNET_EnableHWIntrinsic"] = "0" }),
    ];

    [SkippableTheory]
    [InlineData("21", "9", "30", "")]      // widths that leave a tail at every vector size
    [InlineData("128", "128", "80", "")]   // the seed network's widths
    [InlineData("21", "9", "30", "--cell gru --bidirectional --mask-padding --pooling max --layers 2")]   // the family's code
    [InlineData("19", "9", "30", "--cell simple-rnn --pooling mean --task regression")]
    [InlineData("19", "9", "30", "--mask-padding --bidirectional --task multiclass")]
    public void Training_gives_the_same_weights_with_every_instruction_set(string units, string embeddingDim, string maxLen, string architecture)
    {
        // The settings name x64 instruction sets; on ARM64 (or x64 without AVX2 and FMA) the runtime ignores them. When this
        // process itself runs under such a setting, the CPU's own support cannot be read, and the children drop the setting.
        bool settingsHideTheCpu = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Any(k => k.StartsWith("DOTNET_Enable", StringComparison.Ordinal) || k == "DOTNET_PreferredVectorBitWidth");
        Skip.IfNot(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64
            && (settingsHideTheCpu || (System.Runtime.Intrinsics.X86.Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported)),
            "The instruction-set settings compared here need an x64 CPU with AVX2 and FMA.");
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"), count: 80);
        byte[]? reference = null;
        foreach (var (name, kernels, environment) in Settings)
        {
            string run = temp.File(name.Replace(' ', '-').Replace(",", ""));
            string stdout = RunLstm(environment,
            [
                "train", "--data", data, "--epochs", "2", "--batch-size", "16", "--max-len", maxLen, "--units", units,
                "--embedding-dim", embeddingDim, "--num-words", "200", "--seed", "7", "--out", run,
                .. architecture.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            ]);
            Assert.Contains("Kernels: " + kernels, stdout);
            byte[] weights = File.ReadAllBytes(Path.Combine(run, "model.lstm"));
            output.WriteLine($"{name}: {weights.Length} bytes, SHA-256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(weights))[..16]}");
            if (reference is null) reference = weights;
            else Assert.True(reference.AsSpan().SequenceEqual(weights), $"{name}: the weights differ from the default instruction set's");
        }
    }

    private static string RunLstm(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost(), [CliPath(), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("DOTNET_Enable", StringComparison.Ordinal) || k == "DOTNET_PreferredVectorBitWidth").ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start lstm.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lstm {string.Join(' ', args)} did not finish within 10 minutes.");
        }
        Assert.True(process.ExitCode == 0, $"lstm exited with {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    /// <summary>src/Lstm.Cli/bin/&lt;configuration&gt;/&lt;tfm&gt;/lstm.dll, built with the solution.</summary>
    private static string CliPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = output.Name, configuration = output.Parent!.Name;
        var root = output.Parent.Parent!.Parent!.Parent!.Parent!;
        string path = Path.Combine(root.FullName, "src", "Lstm.Cli", "bin", configuration, tfm, "lstm.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The lstm command is not built at {path}; build the solution first.", path);
    }

    private static string DotnetHost()
    {
        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
