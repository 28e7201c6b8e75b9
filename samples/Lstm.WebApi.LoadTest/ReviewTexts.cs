using Lstm.Training.Data;

namespace Lstm.WebApi.LoadTest;

/// <summary>The texts posted: IMDB's 25,000 test reviews, whole or as their first sentence (as the main README's Speed section cuts them).</summary>
internal static class ReviewTexts
{
    public static string[] Load(string? data, string kind)
    {
        string path = data ?? Find() ?? throw new FileNotFoundException(
            "No IMDB archive: pass --data PATH (aclImdb_v1_labelled.tar.gz or aclImdb_v1.tar.gz), or put it in shared/data/ beside the checkout, or run 'lstm train' once to cache it.");
        var reviews = ImdbArchive.Load(path).Test.Select(r => r.Text);
        return [.. kind == "short" ? reviews.Select(FirstSentence) : reviews];
    }

    /// <summary>The review up to its first ". ", "! ", "? " or "&lt;br", or all of it.</summary>
    public static string FirstSentence(string review)
    {
        int end = review.Length;
        foreach (string stop in new[] { ". ", "! ", "? ", "<br" })
        {
            int at = review.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0) end = Math.Min(end, stop == "<br" ? at : at + 1);
        }
        return review[..end];
    }

    /// <summary>shared/data/aclImdb_v1_labelled.tar.gz in an ancestor of the current folder or of this program, else the <c>lstm train</c> cache.</summary>
    private static string? Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "data", ImdbDatasetCache.LabelledArchiveFileName);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return ImdbDatasetCache.Find();
    }
}
