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
        Assert.Contains("is truncated: the data ends after entry 'aclImdb/train/neg/12_2.txt'.", error.Message);
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
        Assert.Contains("is not a valid gzip-compressed tar archive", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_gzip_is_named_in_the_error()
    {
        string text = PathOf("reviews.txt");
        File.WriteAllText(text, "1\tgreat movie\n");
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(text));
        Assert.Contains(text, error.Message);
        Assert.Contains("is not a gzip-compressed tar archive (.tar.gz): it does not start with the gzip signature 1F 8B.", error.Message);

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

        var twoMissing = new TestArchive().Review("train/pos", 1, 8, "a").Review("test/neg", 1, 3, "b");
        error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(twoMissing.WriteTarGz(PathOf("two-missing.tar.gz"))));
        Assert.Contains("has no reviews in train/neg, test/pos: expected", error.Message);
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
        Assert.Throws<ArgumentException>(() => ImdbArchive.Load(""));
    }

    [Fact]
    public void Reads_an_archive_that_starts_with_a_pax_global_header_as_git_archive_writes()
    {
        var archive = new TestArchive().GlobalHeader();
        foreach (string split in (string[])["train", "test"])
            archive.Review($"{split}/pos", 1, 8, $"{split} pos").Review($"{split}/neg", 1, 3, $"{split} neg");
        var dataset = ImdbArchive.Load(archive.WriteTarGz(PathOf("git-archive.tar.gz")));
        Assert.Equal(["train neg", "train pos"], dataset.Train.Select(r => r.Text));
    }

    [Fact]
    public void The_root_folder_is_optional_but_there_is_at_most_one()
    {
        var bare = new TestArchive();
        foreach (string split in (string[])["train", "test"])
            bare.File($"{split}/pos/1_8.txt", "pos").File($"{split}/neg/1_3.txt", "neg");
        Assert.Equal(["train/neg/1_3.txt", "train/pos/1_8.txt"], ImdbArchive.Load(bare.WriteTarGz(PathOf("bare.tar.gz"))).Train.Select(r => r.Source));
        Assert.Equal(["bare/train/neg/1_3.txt", "bare/train/pos/1_8.txt"], ImdbArchive.Load(bare.WriteFolder(PathOf("bare"))).Train.Select(r => r.Source));

        var nested = new TestArchive();
        foreach (string split in (string[])["train", "test"])
            nested.File($"data/aclImdb/{split}/pos/1_8.txt", "pos").File($"data/aclImdb/{split}/neg/1_3.txt", "neg");
        Assert.Contains("has no IMDB reviews", Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(nested.WriteTarGz(PathOf("nested.tar.gz")))).Message);
    }

    [Fact]
    public void Files_that_are_not_txt_in_review_folders_are_ignored()
    {
        // Left by editors and file managers; never reviews.
        var archive = TestArchive.Labelled().File("aclImdb/train/pos/.DS_Store", [0, 0, 0, 1]).File("aclImdb/train/pos/3_8.txt.bak", "old").File("aclImdb/test/neg/notes.md", "x");
        AssertLabelledContent(ImdbArchive.Load(archive.WriteTarGz(PathOf("extra-files.tar.gz"))));
        AssertLabelledContent(ImdbArchive.Load(archive.WriteFolder(PathOf("extra-files"))));
    }

    [Theory]
    [InlineData("1234567890_8.txt")] // ten digits: more than an int holds safely
    [InlineData("1a_8.txt")]
    [InlineData("_8.txt")]
    [InlineData("3_11.txt")]
    [InlineData("3_.txt")]
    public void Review_names_need_an_id_of_at_most_nine_digits_and_stars_from_1_to_10(string file)
    {
        string path = TestArchive.Labelled().File($"aclImdb/train/pos/{file}", "x").WriteTarGz(PathOf("bad-name.tar.gz"));
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(path));
        Assert.Equal($"Entry 'aclImdb/train/pos/{file}' in '{path}': expected a review file named <id>_<stars>.txt with stars from 1 to 10.", error.Message);

        string folder = TestArchive.Labelled().File($"aclImdb/train/pos/{file}", "x").WriteFolder(PathOf("bad-name"));
        string onDisk = Path.Combine(folder, "aclImdb", "train", "pos", file);
        Assert.Equal($"'{onDisk}': expected a review file named <id>_<stars>.txt with stars from 1 to 10.", Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(folder)).Message);
    }

    [Fact]
    public void A_nine_digit_id_and_an_empty_review_are_read()
    {
        var archive = TestArchive.Labelled().File("aclImdb/train/pos/123456789_8.txt", "").File("aclImdb/test/neg/999999999_1.txt", "last");
        var dataset = ImdbArchive.Load(archive.WriteTarGz(PathOf("ids.tar.gz")));
        Assert.Equal(("aclImdb/train/pos/123456789_8.txt", ""), (dataset.Train[^1].Source, dataset.Train[^1].Text));
        Assert.Equal(("aclImdb/test/neg/999999999_1.txt", "last"), (dataset.Test[3].Source, dataset.Test[3].Text));
    }

    [Fact]
    public void A_review_may_be_16_MiB_and_no_more()
    {
        const int Limit = 16 << 20;
        byte[] largest = new byte[Limit];
        Array.Fill(largest, (byte)'a');
        var dataset = ImdbArchive.Load(TestArchive.Labelled().File("aclImdb/train/pos/99_8.txt", largest).WriteTarGz(PathOf("largest.tar.gz")));
        Assert.Equal(Limit, dataset.Train[^1].Text.Length);

        string tooLarge = TestArchive.Labelled().File("aclImdb/train/pos/99_8.txt", [.. largest, (byte)'a']).WriteTarGz(PathOf("too-large.tar.gz"));
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(tooLarge));
        Assert.Equal($"Entry 'aclImdb/train/pos/99_8.txt' in '{tooLarge}' is {Limit + 1:N0} bytes; a review is at most {Limit:N0}.", error.Message);
    }

    [Fact]
    public void Data_that_is_not_a_tar_is_reported_at_its_start()
    {
        byte[] notTar = new byte[1024];
        Array.Fill(notTar, (byte)'A');
        string path = TestArchive.WriteGzip(PathOf("not-tar.tar.gz"), notTar);
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(path));
        Assert.StartsWith($"'{path}' is not a valid gzip-compressed tar archive: ", error.Message);
        Assert.EndsWith("(at its start).", error.Message);
    }

    [Fact]
    public void Only_the_gzip_signature_itself_makes_a_file_gzip()
    {
        foreach (byte[] head in new byte[][] { [0x1F, 0x00, 0x08, 0x00], [0x00, 0x8B, 0x08, 0x00] })
        {
            string path = PathOf("almost.tar.gz");
            File.WriteAllBytes(path, head);
            Assert.EndsWith("it does not start with the gzip signature 1F 8B.", Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(path)).Message);
        }

        // Two bytes are a gzip signature but no data.
        string twoBytes = PathOf("two-bytes.tar.gz");
        File.WriteAllBytes(twoBytes, [0x1F, 0x8B]);
        Assert.Equal($"'{twoBytes}' is truncated: the data ends at its start. Download or copy it again.", Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(twoBytes)).Message);

        // A long text file is not taken for an uncompressed tar.
        string text = PathOf("reviews.tsv");
        File.WriteAllText(text, string.Concat(Enumerable.Repeat("1\ta great movie, really\n", 20)));
        Assert.EndsWith("it does not start with the gzip signature 1F 8B.", Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(text)).Message);
    }

    [Theory]
    [InlineData(TarEntryType.Fifo)]
    [InlineData(TarEntryType.CharacterDevice)]
    public void Refuses_fifos_and_devices(TarEntryType type)
    {
        string path = TestArchive.Labelled().Special("aclImdb/train/pos/50_9.txt", type).WriteTarGz(PathOf("special.tar.gz"));
        var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(path));
        Assert.StartsWith($"Refusing entry 'aclImdb/train/pos/50_9.txt' in '{path}': it is a {type} entry.", error.Message);
    }

    [Theory]
    [InlineData("C:/aclImdb/train/pos/50_9.txt")]
    [InlineData("c:\\aclImdb\\train\\pos\\50_9.txt")]
    [InlineData("C:")]
    public void Refuses_windows_drive_paths(string entry)
    {
        string path = TestArchive.Labelled().File(entry, "x").WriteTarGz(PathOf("drive.tar.gz"));
        Assert.Contains($"Refusing entry '{entry}' in '{path}': it has an absolute path.", Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(path)).Message);
    }

    [Fact]
    public void Reports_progress_every_thousand_reviews_and_at_the_end_from_archives_and_folders()
    {
        var archive = new TestArchive().Review("train/neg", 1, 3, "n").Review("test/pos", 1, 8, "p").Review("test/neg", 1, 2, "n");
        for (int id = 0; id < 1000; id++) archive.Review("train/pos", id, 9, "p");
        foreach (string path in new[] { archive.WriteTarGz(PathOf("many.tar.gz")), archive.WriteFolder(PathOf("many")) })
        {
            var reports = new List<int>();
            ImdbArchive.Load(path, new SynchronousProgress(reports.Add));
            Assert.Equal([1000, 1003], reports);
        }
    }

    [Fact]
    public void Reading_a_folder_honours_cancellation()
    {
        string folder = TestArchive.Labelled().WriteFolder(PathOf("cancelled"));
        Assert.Throws<OperationCanceledException>(() => ImdbArchive.Load(folder, new CancellationToken(canceled: true)));
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
