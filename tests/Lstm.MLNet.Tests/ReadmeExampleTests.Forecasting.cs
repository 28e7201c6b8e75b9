using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Tests.TimeSeries;

namespace Lstm.MLNet.Tests;

/// <summary>Keeps docs/mlnet-forecasting.md true: its example compiles and runs on the daily temperatures.</summary>
public sealed partial class ReadmeExampleTests
{
    [SkippableFact]
    public void TheForecastingExampleInTheDocs_Runs()
    {
        string csv = SharedTimeSeriesData.FindOrSkip(SharedTimeSeriesData.Temperatures);
        var blocks = CSharpBlock().Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "mlnet-forecasting.md"))).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count == 1, $"docs/mlnet-forecasting.md should hold one ```csharp example; found {blocks.Count}.");
        using var work = new TempDirectory();
        File.Copy(csv, Path.Combine(work.Path, SharedTimeSeriesData.Temperatures));
        string printed = Run(blocks[0], work.Path);
        Assert.Matches(@"LSTM \d+\.\d{3} °C, naive \(last value\) \d+\.\d{3} °C", printed);
        Assert.Contains("Next 7 days: ", printed);
        Assert.Contains("Loaded: tomorrow ", printed);
        Assert.True(File.Exists(Path.Combine(work.Path, "temperatures.zip")));
    }
}
