using System.Text;

namespace Lstm.Training.Data;

/// <summary>Reads the reviews from an extracted <c>aclImdb</c> folder.</summary>
internal static class ImdbFolderReader
{
    private const int ProgressEvery = 1000;

    public static ImdbDataset Read(string folder, IProgress<int>? progress, CancellationToken ct)
    {
        string root = FindRoot(folder);
        string rootName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)));
        var collector = new ImdbReviewCollector(folder);
        foreach (string split in (string[])["train", "test"])
        {
            foreach (string label in (string[])["neg", "pos"])
            {
                string directory = Path.Combine(root, split, label);
                if (!Directory.Exists(directory)) continue;
                foreach (string file in Directory.EnumerateFiles(directory))
                {
                    ct.ThrowIfCancellationRequested();
                    string relative = $"{rootName}/{split}/{label}/{Path.GetFileName(file)}";
                    if (!ImdbReviewName.TryParse(relative, out ImdbReviewName name, out string? problem))
                    {
                        if (problem is not null) throw new InvalidDataException($"'{file}': {problem}.");
                        continue;
                    }
                    collector.Add(name, ReadReview(file), relative);
                    if (collector.Count % ProgressEvery == 0) progress?.Report(collector.Count);
                }
            }
        }
        progress?.Report(collector.Count);
        return collector.ToDataset();
    }

    /// <summary>The folder itself when it holds train/ or test/, else its aclImdb subfolder when there is one.</summary>
    /// <summary>Largest review file read (IMDB's longest review is about 14 KB).</summary>
    public const long MaxReviewBytes = 16L << 20;

    // Like the archive reader, only regular files: a link could pull any file of the machine into the vocabulary, and
    // opening a FIFO blocks until something writes to it. .NET does not tell a FIFO or a device from a file, but they
    // report a length of 0, and an IMDB review is never empty.
    private static string ReadReview(string file)
    {
        var info = new FileInfo(file);
        if (info.LinkTarget is not null)
            throw new InvalidDataException($"'{file}' is a symbolic link (to '{info.LinkTarget}'); the IMDB folder reader reads only regular files, as the archive reader does.");
        if (info.Length == 0)
            throw new InvalidDataException($"'{file}' is empty or not a regular file (a FIFO or a device); an IMDB review file holds the review's text.");
        if (info.Length > MaxReviewBytes)
            throw new InvalidDataException($"'{file}' holds {info.Length:N0} bytes; a review file may hold at most {MaxReviewBytes:N0}.");
        return File.ReadAllText(file, Encoding.UTF8);
    }

    private static string FindRoot(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "train")) || Directory.Exists(Path.Combine(folder, "test"))) return folder;
        string nested = Path.Combine(folder, "aclImdb");
        return Directory.Exists(nested) ? nested : folder;
    }
}
