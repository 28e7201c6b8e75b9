namespace Lstm.Training.Data;

/// <summary>
/// Gathers reviews read in any order into the four folders, refuses duplicates, and orders them: per split,
/// negatives then positives, each by ascending numeric id.
/// </summary>
internal sealed class ImdbReviewCollector(string location)
{
    private static readonly string[] FolderNames = ["train/neg", "train/pos", "test/neg", "test/pos"];

    private readonly Dictionary<int, LabelledText>[] _folders = [new(), new(), new(), new()];

    /// <summary>Reviews collected so far.</summary>
    /// <summary>Most review text a dataset may hold, in characters: IMDB's 100,000 reviews hold about 130 million.</summary>
    public const long MaxTotalChars = 1L << 30;

    private long _chars;

    public int Count { get; private set; }

    public void Add(ImdbReviewName name, string text, string source)
    {
        _chars += text.Length;
        if (_chars > MaxTotalChars)
            throw new InvalidDataException($"'{location}' holds more than {MaxTotalChars:N0} characters of review text (at '{source}'); IMDB holds about 130 million. Is this the IMDB archive?");
        int index = (name.IsTest ? 2 : 0) + (name.Label ? 1 : 0);
        var review = new LabelledText(text, name.Label, name.Stars, source);
        if (!_folders[index].TryAdd(name.Id, review))
            throw new InvalidDataException($"'{location}' holds review {name.Id} of {FolderNames[index]} twice: '{_folders[index][name.Id].Source}' and '{source}'.");
        Count++;
    }

    /// <summary>The dataset; throws when a folder has no reviews, naming the folders expected.</summary>
    public ImdbDataset ToDataset()
    {
        string[] empty = [.. FolderNames.Where((_, i) => _folders[i].Count == 0)];
        if (empty.Length > 0)
        {
            string what = empty.Length == FolderNames.Length ? "no IMDB reviews" : $"no reviews in {string.Join(", ", empty)}";
            throw new InvalidDataException(
                $"'{location}' has {what}: expected files named <id>_<stars>.txt in aclImdb/train/neg, aclImdb/train/pos, " +
                "aclImdb/test/neg and aclImdb/test/pos (the layout of aclImdb_v1.tar.gz from https://ai.stanford.edu/~amaas/data/sentiment/).");
        }
        return new ImdbDataset([.. Ordered(0), .. Ordered(1)], [.. Ordered(2), .. Ordered(3)]);
    }

    private IEnumerable<LabelledText> Ordered(int folder) =>
        _folders[folder].OrderBy(pair => pair.Key).Select(pair => pair.Value);
}
