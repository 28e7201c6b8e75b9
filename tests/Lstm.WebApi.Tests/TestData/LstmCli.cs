using System.Diagnostics;
using System.Text.Json;

namespace Lstm.WebApi.Tests.TestData;

/// <summary>
/// The independent truth: the <c>lstm</c> command (src/Lstm.Cli, built with this test project but not referenced),
/// run as a separate process. It scores with the C# forward pass on <c>model.lstm</c>, not ONNX Runtime, so its
/// probabilities share no scoring code with the web app's.
/// </summary>
public static class LstmCli
{
    private sealed record Row(string Text, float Probability, string Label);

    /// <summary>
    /// P(positive) of each text by <c>lstm predict --model DIR --file FILE --format json</c>. The file holds one text
    /// per line, so the texts must have no line breaks, and the command skips blank lines, so none may be blank.
    /// </summary>
    public static float[] Predict(string modelDirectory, IReadOnlyList<string> texts, string workDirectory)
    {
        foreach (string text in texts)
        {
            if (string.IsNullOrWhiteSpace(text) || text.Contains('\n') || text.Contains('\r'))
                throw new ArgumentException($"lstm predict --file cannot take the text '{text}': one non-blank line per text.", nameof(texts));
        }
        string file = Path.Combine(workDirectory, "texts.txt");
        File.WriteAllText(file, string.Join('\n', texts));
        var start = new ProcessStartInfo(DotnetHost(), [CliPath(), "predict", "--model", modelDirectory, "--file", file, "--format", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start lstm predict.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("lstm predict did not finish within 2 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"lstm predict exited with {process.ExitCode}.\n{stderr.Result}");
        var rows = JsonSerializer.Deserialize<Row[]>(stdout.Result, JsonSerializerOptions.Web) ?? throw new InvalidDataException("lstm predict printed no JSON.");
        Assert.Equal(texts.Count, rows.Length);
        for (int i = 0; i < rows.Length; i++) Assert.Equal(texts[i], rows[i].Text);
        return [.. rows.Select(r => r.Probability)];
    }

    /// <summary>src/Lstm.Cli/bin/&lt;configuration&gt;/&lt;tfm&gt;/lstm.dll, the configuration and framework this test runs in.</summary>
    public static string CliPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = output.Name, configuration = output.Parent!.Name;
        string path = Path.Combine(Repository.Root, "src", "Lstm.Cli", "bin", configuration, tfm, "lstm.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The lstm CLI is not built at {path}; build this test project (it builds the CLI first).", path);
    }

    private static string DotnetHost()
    {
        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
