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
                    collector.Add(name, File.ReadAllText(file, Encoding.UTF8), relative);
                    if (collector.Count % ProgressEvery == 0) progress?.Report(collector.Count);
                }
            }
        }
        progress?.Report(collector.Count);
        return collector.ToDataset();
    }

    /// <summary>The folder itself when it holds train/ or test/, else its aclImdb subfolder when there is one.</summary>
    private static string FindRoot(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "train")) || Directory.Exists(Path.Combine(folder, "test"))) return folder;
        string nested = Path.Combine(folder, "aclImdb");
        return Directory.Exists(nested) ? nested : folder;
    }
}
