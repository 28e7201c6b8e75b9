using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Lstm.Fuzz;

/// <summary>The smallest dataset the IMDB readers accept: one review in each of the four folders, plus a file they skip.</summary>
internal static class SeedArchive
{
    /// <summary>(path, content) of every entry; folders end in '/'.</summary>
    public static IReadOnlyList<(string Path, string Content)> Entries { get; } =
    [
        ("aclImdb/", ""),
        ("aclImdb/README", "Large Movie Review Dataset v1.0"),
        ("aclImdb/train/neg/0_3.txt", "a dull film"),
        ("aclImdb/train/pos/1_9.txt", "a great film<br />Über"),
        ("aclImdb/test/neg/2_1.txt", "awful"),
        ("aclImdb/test/pos/3_10.txt", "good plot"),
        ("aclImdb/train/unsup/4_0.txt", "unlabelled"),
    ];

    /// <summary>The entries as an uncompressed tar of <paramref name="format"/>.</summary>
    public static byte[] Tar(TarEntryFormat format)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, format, leaveOpen: true))
        {
            foreach (var (path, content) in Entries)
            {
                bool folder = path.EndsWith('/');
                var type = folder ? TarEntryType.Directory : format == TarEntryFormat.V7 ? TarEntryType.V7RegularFile : TarEntryType.RegularFile;
                TarEntry entry = format switch
                {
                    TarEntryFormat.V7 => new V7TarEntry(type, path),
                    TarEntryFormat.Ustar => new UstarTarEntry(type, path),
                    TarEntryFormat.Gnu => new GnuTarEntry(type, path),
                    _ => new PaxTarEntry(type, path),
                };
                if (!folder) entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content));
                writer.WriteEntry(entry);
            }
        }
        return tar.ToArray();
    }

    /// <summary><paramref name="bytes"/> gzip-compressed.</summary>
    public static byte[] Gzip(ReadOnlySpan<byte> bytes, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, level, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return compressed.ToArray();
    }
}
