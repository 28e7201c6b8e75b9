namespace Lstm.Training.Data;

/// <summary>One review (or any text) with its sentiment label.</summary>
/// <param name="Text">The raw text, as read (HTML line breaks such as <c>&lt;br /&gt;</c> included).</param>
/// <param name="Label">True for positive, false for negative.</param>
/// <param name="Stars">The IMDB rating, 1-10, when known (taken from the file name <c>&lt;id&gt;_&lt;stars&gt;.txt</c>); null otherwise.</param>
/// <param name="Source">Where the text came from, for messages: <c>aclImdb/train/pos/123_9.txt</c> or <c>reviews.tsv:17</c>.</param>
public sealed record LabelledText(string Text, bool Label, int? Stars, string Source)
{
    /// <summary>
    /// The label as written, for labels that are not binary (class names, numbers): the label field of a file read with
    /// <see cref="LabelledTextFileOptions.BinaryLabels"/> false. Null when the label was read as binary.
    /// </summary>
    public string? LabelText { get; init; }
}
