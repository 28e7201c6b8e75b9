namespace Lstm.Training.Data;

/// <summary>
/// Which columns of a labelled file <see cref="LabelledTextFile"/> reads the label and the text from. The defaults,
/// label in column 1 and text in column 2, are the layout <see cref="LabelledTextFile.Read(string)"/> reads.
/// </summary>
/// <remarks>
/// A column is a header name or a 1-based index written in ASCII digits (<c>"2"</c>). Digits are an index unless the
/// file's header has a column of that name. Names are matched case-insensitively, ignoring spaces around the header's
/// names. When either column is a name, the first line of the file is its header; when both are indexes, the header is
/// detected as <see cref="LabelledTextFile"/> describes.
/// </remarks>
/// <example>
/// The layout of ML.NET's sentiment tutorial (<c>yelp_labelled.txt</c>: text, a tab, then 0 or 1; no header):
/// <code>LabelledTextFile.Read("yelp_labelled.txt", new LabelledTextFileOptions { TextColumn = "1", LabelColumn = "2" });</code>
/// </example>
public sealed record LabelledTextFileOptions
{
    /// <summary>The default <see cref="LabelColumn"/>: the first column.</summary>
    public const string DefaultLabelColumn = "1";

    /// <summary>The default <see cref="TextColumn"/>: the second column.</summary>
    public const string DefaultTextColumn = "2";

    /// <summary>Label in column 1, text in column 2.</summary>
    public static LabelledTextFileOptions Default { get; } = new();

    /// <summary>The label's column: a header name or a 1-based index. Default <c>"1"</c>.</summary>
    public string LabelColumn { get; init; } = DefaultLabelColumn;

    /// <summary>The text's column: a header name or a 1-based index. Default <c>"2"</c>.</summary>
    public string TextColumn { get; init; } = DefaultTextColumn;

    /// <summary>True for label in column 1 and text in column 2 (written exactly so).</summary>
    public bool IsDefault => LabelColumn == DefaultLabelColumn && TextColumn == DefaultTextColumn;

    /// <summary>
    /// True (the default) to read labels as binary sentiment labels and refuse anything else; false to keep each label
    /// as written in <see cref="LabelledText.LabelText"/> (class names, ratings, values). Without binary labels, a first line
    /// is a header when its label column is named by <see cref="LabelColumn"/> or its label field is a usual column name
    /// (label, class, category, rating, stars, score, sentiment, target, value, y).
    /// </summary>
    public bool BinaryLabels { get; init; } = true;

    /// <summary>
    /// Whether <paramref name="column"/> can name a column: not empty or blank, and, when it is all digits, an index of 1 or more.
    /// </summary>
    public static bool IsValidColumn(string? column) => ColumnSelector.IsValid(column);

    /// <summary><c>label column 2, text column 1</c>, or with names <c>label column 'sentiment', text column 'review'</c>.</summary>
    public override string ToString() =>
        $"label column {ColumnSelector.Show(LabelColumn)}, text column {ColumnSelector.Show(TextColumn)}";

    /// <summary>Throws when a column is not <see cref="IsValidColumn"/>.</summary>
    /// <exception cref="ArgumentException">The message names the property and the value.</exception>
    internal void Validate()
    {
        if (!IsValidColumn(LabelColumn))
            throw new ArgumentException($"{nameof(LabelColumn)} must be a header name or a 1-based column index, found '{LabelColumn}'.", nameof(LabelColumn));
        if (!IsValidColumn(TextColumn))
            throw new ArgumentException($"{nameof(TextColumn)} must be a header name or a 1-based column index, found '{TextColumn}'.", nameof(TextColumn));
    }
}
