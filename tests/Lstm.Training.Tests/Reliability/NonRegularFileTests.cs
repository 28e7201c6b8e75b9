using System.Diagnostics;
using Lstm.Training.Data;

namespace Lstm.Training.Tests.Reliability;

/// <summary>Issue 11: the folder reader reads regular files only (no links, no FIFOs), as the archive reader does; so does the labelled-file reader.</summary>
public class NonRegularFileTests
{
    private static string MakeImdbFolder(string root)
    {
        foreach (string split in (string[])["train", "test"])
            foreach (string label in (string[])["neg", "pos"])
            {
                string folder = Directory.CreateDirectory(Path.Combine(root, "aclImdb", split, label)).FullName;
                File.WriteAllText(Path.Combine(folder, label == "pos" ? "1_9.txt" : "1_2.txt"), $"a {label} review");
            }
        return Path.Combine(root, "aclImdb");
    }

    [Fact]
    public void A_symbolic_link_among_the_reviews_is_refused_naming_it()
    {
        string root = Directory.CreateTempSubdirectory("imdb-link").FullName;
        try
        {
            string imdb = MakeImdbFolder(root);
            string outside = Path.Combine(root, "secret.txt");
            File.WriteAllText(outside, "root:x:0:0:secret");
            string link = Path.Combine(imdb, "train", "pos", "999_10.txt");
            File.CreateSymbolicLink(link, outside);
            var error = Assert.Throws<InvalidDataException>(() => ImdbArchive.Load(imdb));
            Assert.Contains($"'{link}' is a symbolic link", error.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public void A_fifo_named_like_a_review_is_refused_instead_of_hanging()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "mkfifo is a Unix command.");
        string root = Directory.CreateTempSubdirectory("imdb-fifo").FullName;
        try
        {
            string imdb = MakeImdbFolder(root);
            string fifo = Path.Combine(imdb, "test", "neg", "5_1.txt");
            using (var mkfifo = Process.Start("mkfifo", [fifo])) mkfifo.WaitForExit();
            var load = Task.Run(() => ImdbArchive.Load(imdb));
            Assert.True(((IAsyncResult)load).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "the reader hung on a FIFO");
            var error = Assert.IsType<InvalidDataException>(load.Exception!.InnerException);
            Assert.Contains($"'{fifo}' is empty or not a regular file", error.Message);

            string data = Path.Combine(root, "reviews.tsv");
            using (var mkfifo = Process.Start("mkfifo", [data])) mkfifo.WaitForExit();
            var read = Task.Run(() => LabelledTextFile.Read(data));
            Assert.True(((IAsyncResult)read).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "the labelled-file reader hung on a FIFO");
            Assert.Contains("reviews.tsv is empty or not a regular file", read.Exception!.InnerException!.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
