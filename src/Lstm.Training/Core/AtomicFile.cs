namespace Lstm.Training;

/// <summary>Writes files so that readers never see a half-written one: a temp file beside the target, then a move.</summary>
public static class AtomicFile
{
    /// <summary>Calls <paramref name="write"/> on a temp file next to <paramref name="path"/>, flushes it, then moves it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Deletes the temporary files <see cref="Write"/> leaves in <paramref name="directory"/> when its process is killed
    /// before it can clean up: those whose writer process is no longer running.
    /// </summary>
    public static void RemoveStaleTemporaries(string directory)
    {
        if (!Directory.Exists(directory)) return;
        foreach (string path in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            // .<name>.<pid>.<guid>.tmp
            string[] parts = Path.GetFileName(path).Split('.');
            if (parts.Length < 5 || !int.TryParse(parts[^3], out int pid) || parts[^2].Length != 32) continue;
            if (pid != Environment.ProcessId && ProcessState.IsRunning(pid)) continue;
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // In use after all: leave it.
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, s => { using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true); w.Write(text); });
}
