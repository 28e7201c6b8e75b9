namespace Lstm.Training.Data;

/// <summary>
/// Where a review sits in the Large Movie Review Dataset layout: <c>[root/]{train,test}/{pos,neg}/&lt;id&gt;_&lt;stars&gt;.txt</c>,
/// with at most one root folder (normally <c>aclImdb</c>). Everything else (<c>train/unsup</c>, <c>imdb.vocab</c>,
/// <c>urls_pos.txt</c>, <c>labeledBow.feat</c>, README…) is not a review.
/// </summary>
internal readonly record struct ImdbReviewName(bool IsTest, bool Label, int Id, int Stars)
{
    /// <summary>
    /// Parses a '/'-separated relative path. False with a null <paramref name="problem"/> when the path is not in a
    /// pos/neg folder or is not a .txt file; false with a problem when it is a .txt file there but badly named.
    /// </summary>
    public static bool TryParse(string relativePath, out ImdbReviewName name, out string? problem)
    {
        name = default;
        problem = null;
        string[] segments = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length is < 3 or > 4) return false;
        string split = segments[^3], label = segments[^2], file = segments[^1];
        if (split is not ("train" or "test") || label is not ("pos" or "neg") || !file.EndsWith(".txt", StringComparison.Ordinal)) return false;

        ReadOnlySpan<char> stem = file.AsSpan(0, file.Length - ".txt".Length);
        int underscore = stem.IndexOf('_');
        if (underscore <= 0
            || !TryParseDigits(stem[..underscore], out int id)
            || !TryParseDigits(stem[(underscore + 1)..], out int stars)
            || stars is < 1 or > 10)
        {
            problem = "expected a review file named <id>_<stars>.txt with stars from 1 to 10";
            return false;
        }
        name = new ImdbReviewName(split == "test", label == "pos", id, stars);
        return true;
    }

    private static bool TryParseDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 9) return false;
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
