using System.Buffers;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Lstm.Training.Data;

/// <summary>Reads the reviews straight out of a .tar.gz, streamed: nothing is extracted to disk.</summary>
internal static class ImdbTarGzReader
{
    private const int MaxReviewBytes = 16 << 20;
    private const int ProgressEvery = 1000;

    public static ImdbDataset Read(string path, IProgress<int>? progress, CancellationToken ct)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        CheckGzipSignature(file, path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        // On a non-seekable stream, data that stops early gives EndOfStreamException; the guard refuses oversized metadata entries.
        using var tar = new TarReader(new TarMetadataGuard(gzip));
        var collector = new ImdbReviewCollector(path);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        string? previous = null;
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                TarEntry? entry;
                try
                {
                    entry = tar.GetNextEntry();
                }
                catch (Exception e) when (IsDecodingError(e))
                {
                    throw Broken(path, previous is null ? "at its start" : $"after entry '{previous}'", e);
                }
                if (entry is null) break;
                previous = entry.Name;

                string? relative = TarEntryRules.Check(entry, path);
                if (relative is null || entry.EntryType == TarEntryType.Directory) continue;
                if (!ImdbReviewName.TryParse(relative, out ImdbReviewName name, out string? problem))
                {
                    if (problem is not null) throw new InvalidDataException($"Entry '{entry.Name}' in '{path}': {problem}.");
                    continue;
                }

                // Checked outside the try below: an oversized review is a valid archive entry, not a decoding error.
                if (entry.Length > MaxReviewBytes)
                    throw new InvalidDataException($"Entry '{entry.Name}' in '{path}' is {entry.Length:N0} bytes; a review is at most {MaxReviewBytes:N0}.");
                string text;
                try
                {
                    text = ReadText(entry, ref buffer);
                }
                catch (Exception e) when (IsDecodingError(e))
                {
                    throw Broken(path, $"in entry '{entry.Name}'", e);
                }
                collector.Add(name, text, relative);
                if (collector.Count % ProgressEvery == 0) progress?.Report(collector.Count);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        progress?.Report(collector.Count);
        return collector.ToDataset();
    }

    private static void CheckGzipSignature(FileStream file, string path)
    {
        Span<byte> head = stackalloc byte[262];
        int read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        if (read >= 2 && head[0] == 0x1F && head[1] == 0x8B) return;
        string found = read == 0 ? "it is empty"
            : read == head.Length && head[257..262].SequenceEqual("ustar"u8) ? "it is an uncompressed tar archive; gzip it, or extract it and pass the folder"
            : "it does not start with the gzip signature 1F 8B";
        throw new InvalidDataException($"'{path}' is not a gzip-compressed tar archive (.tar.gz): {found}.");
    }

    private static string ReadText(TarEntry entry, ref byte[] buffer)
    {
        int length = (int)entry.Length;
        if (length == 0 || entry.DataStream is null) return string.Empty;
        if (buffer.Length < length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(length);
        }
        entry.DataStream.ReadExactly(buffer, 0, length);
        ReadOnlySpan<byte> bytes = buffer.AsSpan(0, length);
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        return Encoding.UTF8.GetString(bytes);
    }

    // TarReader reports entry types it cannot read (sparse files, multi-volume parts) as NotSupportedException, and a
    // metadata entry whose size field is beyond its limit as InvalidOperationException.
    private static bool IsDecodingError(Exception e) =>
        e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException or OverflowException
            or NotSupportedException or InvalidOperationException;

    private static InvalidDataException Broken(string path, string where, Exception e) => e is EndOfStreamException
        ? new($"'{path}' is truncated: the data ends {where}. Download or copy it again.", e)
        : new($"'{path}' is not a valid gzip-compressed tar archive: {e.Message} ({where}).", e);
}
