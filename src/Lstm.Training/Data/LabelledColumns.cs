namespace Lstm.Training.Data;

/// <summary>
/// Where the label and the text are in the lines of one labelled file: <see cref="LabelledTextFileOptions"/> resolved
/// against the file's first line (its header, when it has one), and the column count every line must have.
/// </summary>
internal sealed class LabelledColumns
{
    private readonly string _fileName;
    private readonly string _separator;
    private readonly int? _namedHeaderLine;

    private LabelledColumns(int label, int text, int width, int? namedHeaderLine, string fileName, string separator)
    {
        (Label, Text, Width, _namedHeaderLine, _fileName, _separator) = (label, text, width, namedHeaderLine, fileName, separator);
    }

    /// <summary>0-based column of the label.</summary>
    public int Label { get; }

    /// <summary>0-based column of the text.</summary>
    public int Text { get; }

    /// <summary>Columns every line has.</summary>
    public int Width { get; }

    /// <summary>
    /// Resolves <paramref name="options"/> on the file's first line. With two indexes, every line has as many columns
    /// as the larger index, and the first line is a header when its label field is not a label but looks like a column
    /// name. With a name, the first line is the header and every line has as many columns as it.
    /// </summary>
    /// <param name="options">The columns asked for.</param>
    /// <param name="first">The fields of the first line.</param>
    /// <param name="line">Its line number.</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="separator">"a tab" or "a comma", for messages.</param>
    /// <param name="isHeader">Whether <paramref name="first"/> is a header rather than a row.</param>
    /// <exception cref="InvalidDataException">A column is missing or out of range, or both are the same column.</exception>
    public static LabelledColumns Resolve(LabelledTextFileOptions options, List<string> first, int line, string fileName, string separator, out bool isHeader)
    {
        string where = $"{fileName} line {line}";
        if (ColumnSelector.Index(options.LabelColumn) is int labelIndex && ColumnSelector.Index(options.TextColumn) is int textIndex)
        {
            CheckDifferent(labelIndex - 1, textIndex - 1, options, where);
            var byIndex = new LabelledColumns(labelIndex - 1, textIndex - 1, Math.Max(labelIndex, textIndex), null, fileName, separator);
            byIndex.CheckWidth(first, line);
            string labelField = first[byIndex.Label];
            isHeader = options.BinaryLabels
                ? !SentimentLabel.TryParse(labelField, out _) && SentimentLabel.LooksLikeColumnName(labelField)
                : UsualLabelNames.Contains(labelField.Trim());
            if (!isHeader) return byIndex;
            // Digits that are a header name mean that column.
            int label = ColumnSelector.FindName(options.LabelColumn, first, where) ?? byIndex.Label;
            int text = ColumnSelector.FindName(options.TextColumn, first, where) ?? byIndex.Text;
            CheckDifferent(label, text, options, where);
            return new LabelledColumns(label, text, byIndex.Width, null, fileName, separator);
        }

        isHeader = true;
        int namedLabel = Find(options.LabelColumn, "label", first, where);
        int namedText = Find(options.TextColumn, "text", first, where);
        CheckDifferent(namedLabel, namedText, options, where);
        return new LabelledColumns(namedLabel, namedText, first.Count, line, fileName, separator);
    }

    private static readonly HashSet<string> UsualLabelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "label", "labels", "class", "category", "rating", "stars", "score", "sentiment", "target", "value", "y",
    };

    /// <summary>Throws unless <paramref name="fields"/> has <see cref="Width"/> columns.</summary>
    /// <exception cref="InvalidDataException">The message names the file, the line, the first extra column if any, and the count expected.</exception>
    public void CheckWidth(List<string> fields, int line)
    {
        if (fields.Count == Width) return;
        string column = fields.Count > Width ? $", column {Width + 1}" : string.Empty;
        string expected = _namedHeaderLine is { } header
            ? $"{Width} columns, as in the header on line {header},"
            : $"{Width} columns ({Describe()})";
        throw new InvalidDataException($"{_fileName} line {line}{column}: expected {expected} separated by {_separator}, found {fields.Count}.");
    }

    private string Describe() => Width == 2
        ? (Label == 0 ? "label, text" : "text, label")
        : $"label in column {Label + 1}, text in column {Text + 1}";

    private static int Find(string column, string role, List<string> header, string where)
    {
        if (ColumnSelector.FindName(column, header, where) is { } found) return found;
        if (ColumnSelector.Index(column) is { } index)
        {
            if (index <= header.Count) return index - 1;
            throw new InvalidDataException(
                $"{where}, column {index}: the {role} column {index} is out of range; the header has {header.Count} column{(header.Count == 1 ? "" : "s")} ({Names(header)}).");
        }
        throw new InvalidDataException(
            $"{where}: no column named '{column}' for the {role} in the header ({Names(header)}); a column given by name makes the first line the header.");
    }

    private static void CheckDifferent(int label, int text, LabelledTextFileOptions options, string where)
    {
        if (label == text)
            throw new InvalidDataException(
                $"{where}, column {label + 1}: the label and the text are both column {label + 1} ({options}); they must be different columns.");
    }

    private static string Names(List<string> header)
    {
        const int Shown = 12;
        var names = header.Take(Shown).Select(n => n.Length > 40 ? $"'{n[..40]}…'" : $"'{n}'");
        return string.Join(", ", names) + (header.Count > Shown ? ", …" : string.Empty);
    }
}
