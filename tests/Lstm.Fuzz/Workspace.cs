namespace Lstm.Fuzz;

/// <summary>
/// A private scratch folder for one harness process, where inputs are written as the files and trees the readers take:
/// under <c>$LSTM_FUZZ_TMP</c> when set (tools/fuzz.sh sets it and removes it afterwards), else under /dev/shm or the
/// system's temporary folder.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private Workspace(string root) => Root = root;

    /// <summary>The folder, created empty.</summary>
    public string Root { get; }

    public static Workspace Create()
    {
        string parent = Environment.GetEnvironmentVariable("LSTM_FUZZ_TMP") is { Length: > 0 } configured ? configured
            : Directory.Exists("/dev/shm") ? "/dev/shm"
            : Path.GetTempPath();
        string root = Path.Combine(parent, $"lstm-fuzz-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        return new Workspace(root);
    }

    /// <summary>Writes <paramref name="bytes"/> to the file <paramref name="name"/> (replacing it) and returns its path.</summary>
    public string WriteFile(string name, ReadOnlySpan<byte> bytes)
    {
        string path = Path.Combine(Root, name);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        file.Write(bytes);
        return path;
    }

    /// <summary>The folder <paramref name="name"/>, emptied.</summary>
    public string FreshFolder(string name)
    {
        string path = Path.Combine(Root, name);
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a scratch folder left behind is harmless.
        }
    }
}
