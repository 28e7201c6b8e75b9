namespace Lstm.Cli.Runs;

/// <summary>
/// How <c>training.json</c> records the paths of a run's data and checkpoint: relative to the run folder, with
/// <c>/</c> separators (e.g. <c>../data/reviews.tsv</c>), so that a run folder moved or shipped together with its data
/// names no path of the machine it was trained on; absolute only when no relative path exists (another drive).
/// </summary>
internal static class RunRelativePath
{
    /// <summary>The path to record for <paramref name="path"/>, relative to <paramref name="runDirectory"/> where possible.</summary>
    public static string ToRecorded(string path, string runDirectory)
    {
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(Path.GetFullPath(runDirectory), full);
        return Path.IsPathRooted(relative) ? full : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The full path of a recorded path: relative ones are taken from <paramref name="runDirectory"/>; absolute ones (older runs) as they are.</summary>
    public static string Resolve(string recorded, string runDirectory) =>
        Path.GetFullPath(recorded.Replace('/', Path.DirectorySeparatorChar), Path.GetFullPath(runDirectory));
}
