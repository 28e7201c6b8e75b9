namespace Lstm.Training.Data;

/// <summary>
/// Reads labelled texts from a two-column file, label then text: tab-separated (<c>.tsv</c>, <c>.txt</c>; no
/// quoting, so the text may not hold tabs or line breaks) or comma-separated (<c>.csv</c>; RFC 4180 quoting:
/// <c>"…"</c> fields may hold commas and line breaks, <c>""</c> is a quote).
/// </summary>
/// <remarks>
/// Labels: <c>1</c>/<c>0</c>, <c>true</c>/<c>false</c>, <c>pos</c>/<c>neg</c>, <c>positive</c>/<c>negative</c>, in any case.
/// The first row is a header when its label field is not a label but looks like a column name (letters, digits,
/// <c>_ - .</c> and spaces, starting with a letter, e.g. <c>label</c> or <c>sentiment</c>). Blank lines are skipped.
/// The file is read as UTF-8 (a byte order mark is allowed).
/// </remarks>
public static class LabelledTextFile
{
    /// <summary>Reads every row of <paramref name="path"/>, in file order; <c>Source</c> is <c>file:line</c>.</summary>
    /// <exception cref="ArgumentException">The extension is not .tsv, .txt or .csv.</exception>
    /// <exception cref="InvalidDataException">
    /// A row is malformed or the file has no rows; the message names the file, line and column and what was expected.
    /// </exception>
    public static IReadOnlyList<LabelledText> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        (char delimiter, bool quoting, string separator) = extension switch
        {
            ".tsv" or ".txt" => ('\t', false, "a tab"),
            ".csv" => (',', true, "a comma"),
            _ => throw new ArgumentException($"'{path}': expected a .tsv, .txt (tab-separated) or .csv (comma-separated) file of label and text.", nameof(path)),
        };

        string fileName = Path.GetFileName(path);
        var reader = new DelimitedTextReader(File.ReadAllText(path), delimiter, quoting, fileName);
        var rows = new List<LabelledText>();
        var fields = new List<string>(2);
        bool first = true;
        while (reader.TryRead(fields, out int line))
        {
            if (fields.Count != 2)
            {
                string column = fields.Count > 2 ? ", column 3" : string.Empty;
                throw new InvalidDataException($"{fileName} line {line}{column}: expected 2 columns (label, text) separated by {separator}, found {fields.Count}.");
            }
            if (!SentimentLabel.TryParse(fields[0], out bool label))
            {
                if (first && SentimentLabel.LooksLikeColumnName(fields[0]))
                {
                    first = false;
                    continue;
                }
                throw new InvalidDataException($"{fileName} line {line}, column 1: expected a label ({SentimentLabel.Accepted}), found '{fields[0]}'.");
            }
            first = false;
            rows.Add(new LabelledText(fields[1], label, null, $"{fileName}:{line}"));
        }
        if (rows.Count == 0)
            throw new InvalidDataException($"{fileName} has no rows: expected lines of label and text separated by {separator}.");
        return rows;
    }
}
