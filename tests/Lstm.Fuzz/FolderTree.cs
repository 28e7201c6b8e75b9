using System.Text;

namespace Lstm.Fuzz;

/// <summary>
/// The folder target's input format, chosen so that afl's byte mutations stay meaningful: records separated by a zero
/// byte; a record's first line is a '/'-separated path relative to the tree's root, the rest (after the '\n') is the
/// file's content; a path ending in '/' is a folder. Paths that would leave the root (absolute, <c>..</c>) and entries
/// that cannot be written (a file where a folder is) are skipped: the tree is the harness's, not the reader's.
/// </summary>
internal static class FolderTree
{
    private const int MaxRecords = 256;
    private const int MaxSegmentBytes = 255;

    /// <summary>Writes the tree <paramref name="input"/> describes under <paramref name="root"/> (which exists and is empty).</summary>
    public static void Write(ReadOnlySpan<byte> input, string root)
    {
        int records = 0;
        foreach (Range range in input.Split((byte)0))
        {
            if (++records > MaxRecords) break;
            ReadOnlySpan<byte> record = input[range];
            int newline = record.IndexOf((byte)'\n');
            ReadOnlySpan<byte> name = newline < 0 ? record : record[..newline];
            ReadOnlySpan<byte> content = newline < 0 ? [] : record[(newline + 1)..];
            if (Resolve(name, root) is not { } path) continue;
            try
            {
                if (name.EndsWith("/"u8))
                {
                    Directory.CreateDirectory(path);
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
                file.Write(content);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file where a folder is, or the reverse: skip the record.
            }
        }
    }

    /// <summary>Encodes files and folders (names ending in '/') as an input of this format.</summary>
    public static byte[] Encode(IEnumerable<(string Path, string Content)> entries)
    {
        var bytes = new List<byte>();
        foreach (var (path, content) in entries)
        {
            if (bytes.Count > 0) bytes.Add(0);
            bytes.AddRange(Encoding.UTF8.GetBytes(path));
            if (path.EndsWith('/')) continue;
            bytes.Add((byte)'\n');
            bytes.AddRange(Encoding.UTF8.GetBytes(content));
        }
        return [.. bytes];
    }

    private static string? Resolve(ReadOnlySpan<byte> name, string root)
    {
        string relative = Encoding.UTF8.GetString(name);
        string[] segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || relative.StartsWith('/')) return null;
        foreach (string segment in segments)
        {
            if (segment is "." or ".." || Encoding.UTF8.GetByteCount(segment) > MaxSegmentBytes) return null;
        }
        return Path.Combine([root, .. segments]);
    }
}
