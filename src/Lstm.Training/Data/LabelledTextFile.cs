namespace Lstm.Training.Data;

/// <summary>
/// Reads labelled texts from a file of columns: tab-separated (<c>.tsv</c>, <c>.txt</c>; no quoting, so the text may
/// not hold tabs or line breaks) or comma-separated (<c>.csv</c>; RFC 4180 quoting: <c>"…"</c> fields may hold commas
/// and line breaks, <c>""</c> is a quote). By default the label is in column 1 and the text in column 2, and lines have
/// those two columns; <see cref="LabelledTextFileOptions"/> chooses other columns, by header name or 1-based index.
/// </summary>
/// <remarks>
/// Labels: <c>1</c>/<c>0</c>, <c>true</c>/<c>false</c>, <c>pos</c>/<c>neg</c>, <c>positive</c>/<c>negative</c>, in any case.
/// With columns given by index, every line has as many columns as the larger index, and the first row is a header when
/// its label field is not a label but looks like a column name (letters, digits, <c>_ - .</c> and spaces, starting with
/// a letter, e.g. <c>label</c> or <c>sentiment</c>). With a column given by name, the first row is the header, and every
/// line has as many columns as the header (so other columns may be present, in any order). Blank lines are skipped.
/// The file is read as UTF-8 (a byte order mark is allowed).
/// </remarks>
public static class LabelledTextFile
{
    /// <summary>Largest labelled file read: 1 GiB (it is read into memory whole).</summary>
    public const long MaxFileBytes = 1L << 30;

    /// <summary>Reads every row of <paramref name="path"/>, label in column 1 and text in column 2, in file order; <c>Source</c> is <c>file:line</c>.</summary>
    /// <exception cref="ArgumentException">The extension is not .tsv, .txt or .csv.</exception>
    /// <exception cref="InvalidDataException">
    /// A row is malformed or the file has no rows; the message names the file, line and column and what was expected.
    /// </exception>
    public static IReadOnlyList<LabelledText> Read(string path) => Read(path, LabelledTextFileOptions.Default);

    /// <summary>
    /// Reads every row of <paramref name="path"/>, label and text from the columns <paramref name="options"/> names, in
    /// file order; <c>Source</c> is <c>file:line</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The extension is not .tsv, .txt or .csv, or a column of <paramref name="options"/> is blank or index 0.</exception>
    /// <exception cref="InvalidDataException">
    /// A row is malformed, a named column is not in the header, an index is beyond a line's columns, the label and the
    /// text are the same column, or the file has no rows; the message names the file, line and column and what was expected.
    /// </exception>
    public static IReadOnlyList<LabelledText> Read(string path, LabelledTextFileOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string extension = Path.GetExtension(path).ToLowerInvariant();
        (char delimiter, bool quoting, string separator) = extension switch
        {
            ".tsv" or ".txt" => ('\t', false, "a tab"),
            ".csv" => (',', true, "a comma"),
            _ => throw new ArgumentException($"'{path}': expected a .tsv, .txt (tab-separated) or .csv (comma-separated) file of label and text.", nameof(path)),
        };

        string fileName = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"'{path}' does not exist.", path);
        // .NET cannot tell a FIFO or a device from a file, but they report a length of 0; an empty file has no rows anyway.
        if (info.Length == 0)
            throw new InvalidDataException($"{fileName} is empty or not a regular file (a FIFO or a device): expected lines of label and text separated by {separator}.");
        if (info.Length > MaxFileBytes)
            throw new InvalidDataException($"{fileName} holds {info.Length:N0} bytes; a labelled file may hold at most {MaxFileBytes:N0} (it is read whole).");
        var reader = new DelimitedTextReader(File.ReadAllText(path), delimiter, quoting, fileName);
        var rows = new List<LabelledText>();
        var fields = new List<string>(2);
        LabelledColumns? columns = null;
        while (reader.TryRead(fields, out int line))
        {
            if (columns is null)
            {
                columns = LabelledColumns.Resolve(options, fields, line, fileName, separator, out bool isHeader);
                if (isHeader) continue;
            }
            columns.CheckWidth(fields, line);
            string labelField = fields[columns.Label];
            if (!options.BinaryLabels)
            {
                if (string.IsNullOrWhiteSpace(labelField))
                    throw new InvalidDataException($"{fileName} line {line}, column {columns.Label + 1}: the label is empty.");
                rows.Add(new LabelledText(fields[columns.Text], false, null, $"{fileName}:{line}") { LabelText = labelField.Trim() });
                continue;
            }
            if (!SentimentLabel.TryParse(labelField, out bool label))
                throw new InvalidDataException($"{fileName} line {line}, column {columns.Label + 1}: expected a label ({SentimentLabel.Accepted}), found '{labelField}'.");
            rows.Add(new LabelledText(fields[columns.Text], label, null, $"{fileName}:{line}"));
        }
        if (rows.Count == 0)
            throw new InvalidDataException($"{fileName} has no rows: expected lines of label and text separated by {separator}.");
        return rows;
    }
}
