using Lstm.Training.Data;

namespace Lstm.Training.Tests.TestData;

/// <summary>
/// Finds the real IMDB archive for the tests that need it: first <c>shared/data/aclImdb_v1_labelled.tar.gz</c> in
/// an ancestor of the test binaries (the repository lives at <c>X/main</c>, or another worktree of X, with
/// <c>X/shared</c> beside it), then where <c>lstm train</c> caches it (<see cref="ImdbDatasetCache.Find"/>:
/// <c>aclImdb_v1_labelled.tar.gz</c> or <c>aclImdb_v1.tar.gz</c> in <c>$LSTM_MLNET_DATA</c>, else
/// <c>$XDG_CACHE_HOME/lstm-mlnet</c> or <c>~/.cache/lstm-mlnet</c>).
/// </summary>
public static class SharedDataArchive
{
    public const string FileName = ImdbDatasetCache.LabelledArchiveFileName;

    /// <summary>The archive's path, or null when neither an ancestor's <c>shared/data/</c> nor the cache folder holds it.</summary>
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return ImdbDatasetCache.Find();
    }

    /// <summary>
    /// The archive's path. When it is missing the test is reported as skipped, with where it was looked for
    /// (the test must be a <c>[SkippableFact]</c>), except under CI (<c>CI=true</c>), where it fails.
    /// </summary>
    public static string FindOrSkip()
    {
        if (Find() is { } path) return path;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(MissingMessage + " CI=true, so this test must run: put the archive at X/shared/data beside the repository checkout X/<repo>.");
        throw new SkipException(MissingMessage);
    }

    /// <summary>Why a data test is skipped: where the archive was looked for and how to provide it.</summary>
    public static string MissingMessage =>
        $"Needs the real IMDB archive: not found as shared/data/{FileName} in any ancestor of {AppContext.BaseDirectory}, " +
        $"nor as {ImdbDatasetCache.LabelledArchiveFileName} or {ImdbDatasetCache.ArchiveFileName} in the cache folder {ImdbDatasetCache.DefaultDirectory} " +
        $"(${ImdbDatasetCache.DirectoryVariable}, else ~/.cache/lstm-mlnet). Running 'lstm train' once downloads it there.";
}
