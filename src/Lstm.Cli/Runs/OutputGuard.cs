namespace Lstm.Cli.Runs;

/// <summary>
/// What <c>lstm train</c> and <c>lstm export</c> may write over: never one of their inputs; another run's folder or an
/// existing file only with <c>--overwrite</c>; a run's own outputs (<c>--resume</c> into its folder, <c>export</c>
/// refreshing <c>model.onnx</c> beside the model) as documented.
/// </summary>
internal static class OutputGuard
{
    /// <summary>The files a run folder holds (and that <c>--overwrite</c> removes before a new run starts there).</summary>
    public static IReadOnlyList<string> RunFiles { get; } =
    [
        RunDirectory.ManifestFile, RunDirectory.ModelFile, RunDirectory.VocabularyFile, RunDirectory.CheckpointFile, RunDirectory.HistoryFile,
        RunDirectory.OnnxFile, RunDirectory.OnnxIdsFile, RunDirectory.LossPlotFile, RunDirectory.AccuracyPlotFile,
    ];

    private static StringComparison PathComparison => OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>True when two paths name the same file or folder (after making them full).</summary>
    public static bool Same(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), PathComparison);

    /// <summary>
    /// Readies <paramref name="outDirectory"/> for a new run (not a resume into it): refuses a file, and a folder that
    /// holds another run unless <paramref name="overwrite"/>, in which case that run's files are removed first, so that
    /// no file of the old run can be read with the new one. <paramref name="inputs"/> (data files) are never removed.
    /// Temporary files that an interrupted process left behind are removed.
    /// </summary>
    /// <exception cref="ArgumentException">The folder is a file, holds another run without <paramref name="overwrite"/>, or a run file to remove is an input.</exception>
    public static void PrepareRunFolder(string outDirectory, bool overwrite, IEnumerable<string?> inputs)
    {
        if (File.Exists(outDirectory))
            throw new ArgumentException($"--out {outDirectory} is a file; give the folder the run should be written to.");
        if (!Directory.Exists(outDirectory)) return;
        var present = RunFiles.Where(f => File.Exists(Path.Combine(outDirectory, f))).ToList();
        if (present.Count > 0)
        {
            if (!overwrite)
                throw new ArgumentException($"--out {outDirectory} already holds a run ({string.Join(", ", present)}); choose another folder, pass --overwrite to replace it, or --resume its checkpoint.");
            foreach (string file in present)
            {
                string path = Path.Combine(outDirectory, file);
                if (inputs.Any(input => input is not null && Same(input, path)))
                    throw new ArgumentException($"--overwrite would delete {path}, which is one of this run's inputs; write the run to another folder.");
            }
            foreach (string file in present) File.Delete(Path.Combine(outDirectory, file));
            // The old run's consumption project holds a copy of its model; the new run writes its own when it completes.
            string consumption = Path.Combine(outDirectory, Codegen.ConsumptionProjectWriter.RunSubfolder);
            if (Directory.Exists(consumption) && !inputs.Any(input => input is not null && Path.GetFullPath(input).StartsWith(Path.GetFullPath(consumption) + Path.DirectorySeparatorChar, PathComparison)))
                Directory.Delete(consumption, recursive: true);
        }
        Lstm.Training.AtomicFile.RemoveStaleTemporaries(outDirectory);
    }

    /// <summary>
    /// Checks that <c>export</c> may write <paramref name="path"/>: never an input (<paramref name="inputs"/>); an existing
    /// file only when it is one of <paramref name="ownOutputs"/> (refreshed as documented) or with <paramref name="overwrite"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The file is an input, or exists and may not be replaced.</exception>
    public static void CheckExportTarget(string path, bool overwrite, IEnumerable<string> inputs, IEnumerable<string> ownOutputs)
    {
        if (inputs.Any(input => Same(input, path)))
            throw new ArgumentException($"--out {path} is one of the model's own files; exporting would write over it. Give another --out.");
        if (!File.Exists(path) || overwrite || ownOutputs.Any(own => Same(own, path))) return;
        throw new ArgumentException($"--out {path} exists and is not this model's ONNX output; pass --overwrite to replace it, or give another --out.");
    }
}
