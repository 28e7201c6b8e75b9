using Lstm.Training.Data;

namespace Lstm.Cli.Tests;

/// <summary>Without <c>--data</c> and with an empty cache, <c>lstm train</c> explains how to supply IMDB; no test touches the network.</summary>
public class OfflineTests
{
    [Fact]
    public void NoDownloadWithAnEmptyCacheNamesTheCacheFolderAndDataOption()
    {
        using var cache = new TempFolder();
        var handler = new NoNetworkHandler();
        var outcome = LstmRunner.Run(e => e with { DatasetCacheDirectory = cache.Path, DownloadHandler = handler }, "train", "--no-download");
        Assert.Equal(ExitCodes.DatasetUnavailable, outcome.ExitCode);
        Assert.Contains(cache.Path, outcome.Error);
        Assert.Contains("--data", outcome.Error);
        Assert.Contains(ImdbDatasetCache.DirectoryVariable, outcome.Error);
        Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public void AFailedDownloadPrintsTheDataLayersInstructionsWithoutAStackTrace()
    {
        using var cache = new TempFolder();
        var handler = new NoNetworkHandler();
        var outcome = LstmRunner.Run(e => e with { DatasetCacheDirectory = cache.Path, DownloadHandler = handler }, "train", "--epochs", "1");
        Assert.Equal(ExitCodes.DatasetUnavailable, outcome.ExitCode);
        Assert.Equal(1, handler.Requests);
        Assert.Contains("Could not download the IMDB dataset", outcome.Error);
        Assert.Contains(cache.Path, outcome.Error);
        Assert.Contains("--data", outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
        Assert.Empty(Directory.GetFiles(cache.Path)); // no partial download left behind
    }

    [Fact]
    public void TheCacheFolderComesFromTheEnvironmentVariable()
    {
        using var cache = new TempFolder();
        string? before = Environment.GetEnvironmentVariable(ImdbDatasetCache.DirectoryVariable);
        Environment.SetEnvironmentVariable(ImdbDatasetCache.DirectoryVariable, cache.Path);
        try
        {
            var train = LstmRunner.Run(e => e with { DatasetCacheDirectory = null }, "train", "--no-download");
            Assert.Equal(ExitCodes.DatasetUnavailable, train.ExitCode);
            Assert.Contains(cache.Path, train.Error);
            Assert.Contains("--data", train.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ImdbDatasetCache.DirectoryVariable, before);
        }
    }
}
