namespace Lstm.WebApi;

/// <summary>The row the model reads: one text in the column <c>Text</c>, the transformer's default text column.</summary>
public sealed class TextInput
{
    /// <summary>The raw text; the model normalises it as its trainer did.</summary>
    public string Text { get; set; } = "";
}
