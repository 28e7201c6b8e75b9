namespace Lstm.RatingBaselines;

/// <summary>One IMDB review as ML.NET reads it: the raw text and its rating.</summary>
public sealed class RatingReview
{
    /// <summary>The review's raw text (HTML line breaks included).</summary>
    public string Text { get; set; } = "";

    /// <summary>The IMDB rating, 1-4 or 7-10, from the file name <c>&lt;id&gt;_&lt;rating&gt;.txt</c>.</summary>
    public float Rating { get; set; }
}
