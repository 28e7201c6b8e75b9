namespace Lstm.Cli.Tests;

/// <summary>Finds shared/data/timeseries/FILE in an ancestor of the test binaries; skips without it, fails under CI=true.</summary>
internal static class SharedSeries
{
    public static string FindOrSkip(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "timeseries", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        string message = $"Needs shared/data/timeseries/{fileName} in an ancestor of {AppContext.BaseDirectory}.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        throw new SkipException(message);
    }
}
