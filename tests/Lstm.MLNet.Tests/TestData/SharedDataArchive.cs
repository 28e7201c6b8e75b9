using Xunit.Abstractions;

namespace Lstm.MLNet.Tests.TestData;

/// <summary>
/// Finds the real labelled IMDB archive, <c>shared/data/aclImdb_v1_labelled.tar.gz</c>, by walking up from the
/// test binaries: the repository lives at <c>X/main</c> (or another worktree of X) with <c>X/shared</c> beside it.
/// </summary>
public static class SharedDataArchive
{
    public const string FileName = "aclImdb_v1_labelled.tar.gz";

    /// <summary>The archive's path, or null when no ancestor has <c>shared/data/</c> holding it.</summary>
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// The archive's path; when it is missing, fails under CI (<c>CI=true</c>) and otherwise writes a note and
    /// returns null so the test can return early.
    /// </summary>
    public static string? FindOrSkip(ITestOutputHelper output)
    {
        string? path = Find();
        if (path is not null) return path;
        string message = $"The real IMDB archive was not found: no ancestor of {AppContext.BaseDirectory} has shared/data/{FileName}.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message + " CI=true, so this test must run: put the archive at X/shared/data beside the repository checkout X/<repo>.");
        output.WriteLine(message + " Skipping (set CI=true to make this a failure).");
        return null;
    }
}
