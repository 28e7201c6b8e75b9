namespace Lstm.Training.Data;

/// <summary>The label spellings <see cref="LabelledTextFile"/> accepts, case-insensitively.</summary>
internal static class SentimentLabel
{
    public const string Accepted = "1/0, true/false, pos/neg, positive/negative";

    public static bool TryParse(ReadOnlySpan<char> text, out bool label)
    {
        ReadOnlySpan<char> value = text.Trim();
        if (value is "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("pos", StringComparison.OrdinalIgnoreCase) || value.Equals("positive", StringComparison.OrdinalIgnoreCase))
        {
            label = true;
            return true;
        }
        label = false;
        return value is "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("neg", StringComparison.OrdinalIgnoreCase) || value.Equals("negative", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a first-row label field looks like a column name (<c>label</c>, <c>sentiment</c>, <c>is_positive</c>…).</summary>
    public static bool LooksLikeColumnName(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> value = text.Trim();
        if (value.IsEmpty || value.Length > 64 || !(char.IsLetter(value[0]) || value[0] == '_')) return false;
        foreach (char c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ' ')) return false;
        }
        return true;
    }
}
