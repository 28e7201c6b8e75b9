using System.Formats.Tar;
using System.Text;
using Lstm.Training.Data;

namespace Lstm.Training.Tests.Data;

public sealed class ImdbArchiveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("imdb-archive-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    /// <summary>What <see cref="TestArchive.Labelled"/> holds, in the documented order: per split neg then pos, ids ascending.</summary>
    private static void AssertLabelledContent(ImdbDataset dataset)
    {
        foreach (var (split, reviews) in new[] { ("train", dataset.Train), ("test", dataset.Test) })
        {
            Assert.Equal(
                [$"aclImdb/{split}/neg/0_4.txt", $"aclImdb/{split}/neg/5_1.txt", $"aclImdb/{split}/neg/12_2.txt",
                 $"aclImdb/{split}/pos/2_7.txt", $"aclImdb/{split}/pos/7_10.txt", $"aclImdb/{split}/pos/10_9.txt"],
                reviews.Select(r => r.Source));
            Assert.Equal([false, false, false, true, true, true], reviews.Select(r => r.Label));
            Assert.Equal([4, 1, 2, 7, 10, 9], reviews.Select(r => r.Stars));
            Assert.Equal($"{split} neg zero", reviews[0].Text);
            Assert.Equal($"{split} pos two<br />Über", reviews[3].Text);
        }
    }

    [Theory]
    [InlineData(TarEntryFormat.Pax)]
    [InlineData(TarEntryFormat.Gnu)]
    public void Reads_the_labelled_only_archive(TarEntryFormat format)
    {
        string path = TestArchive.Labelled().WriteTarGz(PathOf("labelled.tar.gz"), format);
        AssertLabelledContent(ImdbArchive.Load(path));
    }

    [Fact]
    public void Reads_the_original_layout_and_ignores_unsup_and_extra_files()
    {
        string path = TestArchive.Full().WriteTarGz(PathOf("aclImdb_v1.tar.gz"));
        AssertLabelledContent(ImdbArchive.Load(path));
    }

    [Fact]
    public void Accepts_dot_slash_entry_names()
    {
        var archive = new TestArchive();
        foreach (string folder in (string[])["train/pos", "train/neg", "test/pos", "test/neg"])
            archive.File($"./aclImdb/{folder}/1_{(folder.EndsWith("pos") ? 8 : 3)}.txt", folder);
        var dataset = ImdbArchive.Load(archive.WriteTarGz(PathOf("dot.tar.gz")));
        Assert.Equal(["aclImdb/train/neg/1_3.txt", "aclImdb/train/pos/1_8.txt"], dataset.Train.Select(r => r.Source));
    }

    [Fact]
    public void Reads_text_as_utf8_without_the_byte_order_mark()
    {
        var archive = TestArchive.Labelled().File("aclImdb/train/pos/99_8.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("한국어 Über")]);
        var dataset = ImdbArchive.Load(archive.WriteTarGz(PathOf("bom.tar.gz")));
        Assert.Equal("한국어 Über", dataset.Train[^1].Text);
    }

    [Fact]
    public void Reads_the_aclImdb_folder_itself_or_the_folder_that_contains_it()
    {
        string parent = TestArchive.Full().WriteFolder(PathOf("extracted"));
        AssertLabelledContent(ImdbArchive.Load(parent));
        AssertLabelledContent(ImdbArchive.Load(Path.Combine(parent, "aclImdb")));
    }

    [Fact]
    public void Reports_progress_and_honours_cancellation()
    {
        string path = TestArchive.Labelled().WriteTarGz(PathOf("progress.tar.gz"));
        var reports = new List<int>();
        ImdbArchive.Load(path, new SynchronousProgress(reports.Add));
        Assert.Equal(12, reports[^1]);
        Assert.Throws<OperationCanceledException>(() => ImdbArchive.Load(path, new CancellationToken(canceled: true)));
    }

    [Theory]
    [InlineData("aclImdb/../evil.txt", "'..'")]
    [InlineData("/etc/x", "absolute path")]
    [InlineData("aclImdb/train/pos/../../../../x_1.txt", "'..'")]
    public void Refuses_entries_that_escape_the_root(string entry, string reason)
    {
        string path = TestArchive.Labelled().File(entry, "x").WriteTarGz(PathOf("escape.tar.gz"));
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(path));
        Assert.Contains($"'{entry}'", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData(TarEntryType.SymbolicLink, "symbolic link")]
    [InlineData(TarEntryType.HardLink, "hard link")]
    public void Refuses_links(TarEntryType type, string reason)
    {
        string path = TestArchive.Labelled().Link("aclImdb/train/pos/50_9.txt", type, "/etc/passwd").WriteTarGz(PathOf("link.tar.gz"));
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(path));
        Assert.Contains("'aclImdb/train/pos/50_9.txt'", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_gzip_file_cut_in_half_is_reported_as_truncated()
    {
        string whole = TestArchive.Full().WriteTarGz(PathOf("whole.tar.gz"));
        byte[] bytes = File.ReadAllBytes(whole);
        string path = PathOf("half.tar.gz");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("is truncated", error.Message);
    }

    [Fact]
    public void An_archive_that_stops_exactly_between_entries_is_reported_as_truncated()
    {
        // A well-formed gzip whose tar stream lacks the end-of-archive zero blocks: TarReader alone would
        // report a clean end; the reader must notice.
        byte[] tar = TestArchive.Labelled().ToTar();
        int end = tar.Length;
        while (end > 0 && tar[end - 1] == 0) end--;
        end = (end + 511) / 512 * 512; // keep the last entry's padding, drop the zero blocks
        string path = TestArchive.WriteGzip(PathOf("no-end.tar.gz"), tar[..end]);
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("is truncated", error.Message);
    }

    [Fact]
    public void Corrupt_compressed_data_is_reported_with_the_file_name()
    {
        string whole = TestArchive.Full().WriteTarGz(PathOf("whole.tar.gz"));
        byte[] bytes = File.ReadAllBytes(whole);
        for (int i = 20; i < bytes.Length - 20; i += 7) bytes[i] ^= 0x5A;
        string path = PathOf("corrupt.tar.gz");
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_file_that_is_not_gzip_is_named_in_the_error()
    {
        string text = PathOf("reviews.txt");
        File.WriteAllText(text, "1\tgreat movie\n");
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(text));
        Assert.Contains(text, error.Message);
        Assert.Contains("is not a gzip-compressed tar archive", error.Message);

        string empty = PathOf("empty.tar.gz");
        File.WriteAllBytes(empty, []);
        Assert.Contains("it is empty", Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(empty)).Message);

        string plainTar = PathOf("plain.tar");
        File.WriteAllBytes(plainTar, TestArchive.Labelled().ToTar(TarEntryFormat.Ustar));
        Assert.Contains("uncompressed tar", Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(plainTar)).Message);
    }

    [Fact]
    public void An_archive_without_reviews_says_which_folders_were_expected()
    {
        string path = new TestArchive().File("aclImdb/README", "nothing here").File("notes/train/pos.txt", "no").WriteTarGz(PathOf("empty.tar.gz"));
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("no IMDB reviews", error.Message);
        Assert.Contains("aclImdb/train/neg, aclImdb/train/pos, aclImdb/test/neg and aclImdb/test/pos", error.Message);

        string folder = PathOf("empty-folder");
        Directory.CreateDirectory(folder);
        Assert.Contains("no IMDB reviews", Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(folder)).Message);
    }

    [Fact]
    public void A_missing_review_folder_is_named()
    {
        var archive = new TestArchive().Review("train/pos", 1, 8, "a").Review("train/neg", 1, 3, "b").Review("test/pos", 1, 9, "c");
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(archive.WriteTarGz(PathOf("partial.tar.gz"))));
        Assert.Contains("no reviews in test/neg", error.Message);
    }

    [Fact]
    public void Badly_named_and_duplicate_reviews_are_refused()
    {
        string badName = TestArchive.Labelled().File("aclImdb/train/pos/great.txt", "x").WriteTarGz(PathOf("bad-name.tar.gz"));
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(badName));
        Assert.Contains("'aclImdb/train/pos/great.txt'", error.Message);
        Assert.Contains("<id>_<stars>.txt", error.Message);

        string duplicate = TestArchive.Labelled().Review("train/pos", 10, 8, "again").WriteTarGz(PathOf("duplicate.tar.gz"));
        error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(duplicate));
        Assert.Contains("review 10 of train/pos twice", error.Message);
    }

    [Fact]
    public void A_missing_path_is_a_FileNotFoundException()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ImdbArchive.Load(PathOf("nowhere.tar.gz")));
        Assert.Contains("nowhere.tar.gz", error.Message);
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
