namespace Lstm.Cli.Predictions;

/// <summary>How <c>lstm predict</c> prints its results (<c>--format</c>).</summary>
internal enum PredictionFormat
{
    /// <summary>For people: a header, then <c>P(positive)</c>, label and the review's start, aligned. The default.</summary>
    Table,

    /// <summary>Tab-separated, with a header row <c>probability	label	text</c>; the whole text on one line.</summary>
    Tsv,

    /// <summary>A JSON array of objects <c>{"text": …, "probability": …, "label": …}</c>.</summary>
    Json,
}
