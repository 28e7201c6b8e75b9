namespace Lstm.Training.Tests.TimeSeries;

/// <summary>
/// Finds the real time series of <c>shared/data/timeseries/</c> in an ancestor of the test binaries (the repository
/// lives at <c>X/main</c> or another worktree of X, with <c>X/shared</c> beside it), as <c>SharedDataArchive</c> finds IMDB.
/// </summary>
public static class SharedTimeSeriesData
{
    /// <summary>Beijing PM2.5, hourly 2010-2014.</summary>
    public const string Pollution = "pollution.csv";

    /// <summary>Melbourne daily minimum temperatures, 1981-1990.</summary>
    public const string Temperatures = "daily-min-temperatures.csv";

    public static string? Find(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "timeseries", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The file's path; skips the test when missing (the test must be a <c>[SkippableFact]</c>), except under CI=true, where it fails.</summary>
    public static string FindOrSkip(string fileName)
    {
        if (Find(fileName) is { } path) return path;
        string message = $"Needs shared/data/timeseries/{fileName} in an ancestor of {AppContext.BaseDirectory}.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message + " CI=true, so this test must run: put the file at X/shared/data/timeseries beside the repository checkout X/<repo>.");
        throw new SkipException(message);
    }
}
