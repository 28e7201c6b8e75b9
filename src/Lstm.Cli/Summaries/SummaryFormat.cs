namespace Lstm.Cli.Summaries;

/// <summary>How <c>lstm summary</c> prints the model (<c>--format</c>).</summary>
internal enum SummaryFormat
{
    /// <summary>For people: Keras's <c>model.summary()</c> table, then vocabulary, padding, dropout, normaliser and training result. The default.</summary>
    Text,

    /// <summary>One JSON object with the same facts: layers, parameter totals, preprocessing, training result.</summary>
    Json,
}
