using System.Diagnostics;
using System.Text.Json;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>
/// Runs tests/Lstm.MLNet.RoundTrip (built beside this project, same configuration) in a fresh process: it loads a model
/// zip with <c>MLContext.Model.Load</c> alone and returns the predictions as exact float bits.
/// </summary>
public static class RoundTripApp
{
    public sealed record Result(string ModelType, string[] InputColumns, string[] OutputColumns, int[][] Transformed, int[][] Predicted, string[]? PredictedNames);

    /// <summary>Runs the app on a model of <paramref name="task"/>: "binary", "multiclass" or "regression".</summary>
    public static Result Run(string modelZip, IReadOnlyList<string> texts, string workDirectory, string task = "binary")
    {
        string input = Path.Combine(workDirectory, "texts.json");
        File.WriteAllText(input, JsonSerializer.Serialize(texts));
        return RunFile(modelZip, input, workDirectory, task);
    }

    /// <summary>Runs the app on <paramref name="inputFile"/>: texts as JSON, or (task "forecast") a series CSV.</summary>
    public static Result RunFile(string modelZip, string inputFile, string workDirectory, string task)
    {
        string output = Path.Combine(workDirectory, "predictions.json");
        var start = new ProcessStartInfo(DotnetHost(), [AppPath(), modelZip, inputFile, output, task])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the round-trip process.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The round-trip process did not finish within 2 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"The round-trip process exited with {process.ExitCode}.\n{stdout.Result}\n{stderr.Result}");
        return JsonSerializer.Deserialize<Result>(File.ReadAllText(output)) ?? throw new InvalidDataException("Empty round-trip result.");
    }

    /// <summary>tests/Lstm.MLNet.RoundTrip/bin/&lt;configuration&gt;/&lt;tfm&gt;/Lstm.MLNet.RoundTrip.dll, beside this test project's output.</summary>
    public static string AppPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = output.Name, configuration = output.Parent!.Name;
        var testsDirectory = output.Parent.Parent!.Parent!.Parent!;
        string path = Path.Combine(testsDirectory.FullName, "Lstm.MLNet.RoundTrip", "bin", configuration, tfm, "Lstm.MLNet.RoundTrip.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The round-trip app is not built at {path}; build the solution first.", path);
    }

    private static string DotnetHost()
    {
        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
