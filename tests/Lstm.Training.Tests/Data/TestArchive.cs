using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Lstm.Training.Tests.Data;

/// <summary>A small dataset-shaped archive the tests write themselves, as .tar.gz or as a folder.</summary>
internal sealed class TestArchive
{
    private readonly List<(string Name, TarEntryType Type, byte[] Data, string? Link)> _entries = [];

    /// <summary>Three reviews per folder, with ids out of order, in the labelled-only layout.</summary>
    public static TestArchive Labelled()
    {
        var archive = new TestArchive().Directory("aclImdb/").File("aclImdb/README", "Large Movie Review Dataset v1.0");
        foreach (string split in (string[])["test", "train"])
        {
            archive.Review($"{split}/pos", 10, 9, $"{split} pos ten").Review($"{split}/pos", 2, 7, $"{split} pos two<br />Über")
                .Review($"{split}/pos", 7, 10, $"{split} pos seven")
                .Review($"{split}/neg", 5, 1, $"{split} neg five").Review($"{split}/neg", 0, 4, $"{split} neg zero")
                .Review($"{split}/neg", 12, 2, $"{split} neg twelve");
        }
        return archive;
    }

    /// <summary>The original Stanford layout: the labelled reviews plus train/unsup and the extra files.</summary>
    public static TestArchive Full() => Labelled()
        .File("aclImdb/imdb.vocab", "the\nand\n").File("aclImdb/imdbEr.txt", "0.1\n")
        .File("aclImdb/train/labeledBow.feat", "0 0:1\n").File("aclImdb/train/unsupBow.feat", "0 0:1\n")
        .File("aclImdb/train/urls_pos.txt", "http://www.imdb.com/title/tt0453418/usercomments\n")
        .File("aclImdb/train/unsup/0_0.txt", "unlabelled").File("aclImdb/train/unsup/1_0.txt", "unlabelled too")
        .File("aclImdb/test/urls_neg.txt", "http://www.imdb.com/title/tt0064354/usercomments\n");

    public TestArchive Review(string folder, int id, int stars, string text) => File($"aclImdb/{folder}/{id}_{stars}.txt", text);

    public TestArchive File(string name, string text) => File(name, Encoding.UTF8.GetBytes(text));

    public TestArchive File(string name, byte[] data)
    {
        _entries.Add((name, TarEntryType.RegularFile, data, null));
        return this;
    }

    public TestArchive Directory(string name)
    {
        _entries.Add((name, TarEntryType.Directory, [], null));
        return this;
    }

    public TestArchive Link(string name, TarEntryType type, string target)
    {
        _entries.Add((name, type, [], target));
        return this;
    }

    /// <summary>An entry of another type (a FIFO, a device…), with no data.</summary>
    public TestArchive Special(string name, TarEntryType type)
    {
        _entries.Add((name, type, [], null));
        return this;
    }

    /// <summary>A pax global extended header, as <c>git archive</c> writes first (its name is meaningless; Pax format only).</summary>
    public TestArchive GlobalHeader()
    {
        _entries.Add(("pax_global_header", TarEntryType.GlobalExtendedAttributes, [], null));
        return this;
    }

    /// <summary>The uncompressed tar bytes, ending with the end-of-archive zero blocks.</summary>
    public byte[] ToTar(TarEntryFormat format = TarEntryFormat.Pax)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, format, leaveOpen: true))
        {
            foreach (var (name, type, data, link) in _entries)
            {
                if (type == TarEntryType.GlobalExtendedAttributes)
                {
                    writer.WriteEntry(new PaxGlobalExtendedAttributesTarEntry(new Dictionary<string, string> { ["comment"] = "0123456789abcdef" }));
                    continue;
                }
                TarEntry entry = format == TarEntryFormat.Gnu ? new GnuTarEntry(type, name) : new PaxTarEntry(type, name);
                if (link is not null) entry.LinkName = link;
                if (type == TarEntryType.RegularFile) entry.DataStream = new MemoryStream(data);
                writer.WriteEntry(entry);
            }
        }
        return tar.ToArray();
    }

    public string WriteTarGz(string path, TarEntryFormat format = TarEntryFormat.Pax) => WriteGzip(path, ToTar(format));

    public static string WriteGzip(string path, byte[] content)
    {
        using (var file = System.IO.File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }
        return path;
    }

    /// <summary>Writes the regular files under <paramref name="root"/> (links and folders are skipped).</summary>
    public string WriteFolder(string root)
    {
        foreach (var (name, type, data, _) in _entries)
        {
            if (type != TarEntryType.RegularFile) continue;
            string path = Path.Combine(root, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, data);
        }
        return root;
    }
}
