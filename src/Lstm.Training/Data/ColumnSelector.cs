namespace Lstm.Training.Data;

/// <summary>
/// A column given as a header name or a 1-based index in ASCII digits (<see cref="LabelledTextFileOptions"/>'s rule).
/// </summary>
internal static class ColumnSelector
{
    /// <summary>The 1-based index <paramref name="column"/> is written as, or null when it is not all ASCII digits.</summary>
    public static int? Index(string column) =>
        column.Length > 0 && column.All(char.IsAsciiDigit) && int.TryParse(column, out int index) && index >= 1 ? index : null;

    /// <summary>Not blank; when all digits, an index of at least 1 that fits an <see cref="int"/>.</summary>
    public static bool IsValid(string? column) =>
        !string.IsNullOrWhiteSpace(column) && (!column.All(char.IsAsciiDigit) || Index(column) is not null);

    /// <summary>An index as it is (<c>2</c>), a name in quotes (<c>'review'</c>).</summary>
    public static string Show(string column) => Index(column) is not null ? column : $"'{column}'";

    /// <summary>
    /// The 0-based position of the header name <paramref name="column"/> in <paramref name="header"/> (case-insensitive,
    /// names trimmed), or null when none matches.
    /// </summary>
    /// <exception cref="InvalidDataException">Two header names match.</exception>
    public static int? FindName(string column, IReadOnlyList<string> header, string where)
    {
        int? found = null;
        for (int i = 0; i < header.Count; i++)
        {
            if (!header[i].Trim().Equals(column.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            if (found is { } first)
                throw new InvalidDataException($"{where}: the header names '{column}' twice, in columns {first + 1} and {i + 1}; rename one of them or give the column by index.");
            found = i;
        }
        return found;
    }
}
