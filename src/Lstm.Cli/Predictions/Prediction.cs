namespace Lstm.Cli.Predictions;

/// <summary>One text's prediction.</summary>
/// <param name="Text">The text as given.</param>
/// <param name="Probability">P(positive) for a binary model, the predicted class's probability for a multi-class one; unused for regression.</param>
/// <param name="Label">"positive" or "negative", the predicted class's name, or empty for regression.</param>
/// <param name="Values">The predicted values of a regression model; null otherwise.</param>
internal sealed record Prediction(string Text, float Probability, string Label, float[]? Values = null)
{
    /// <summary>
    /// The share of the text's tokens (words or subword pieces, all of them, before truncation) outside the model's
    /// vocabulary, from 0 to 1; 0 for a text without tokens (<c>TextVectorizer.UnknownShare</c>).
    /// </summary>
    public double UnknownShare { get; init; }

    /// <summary>A binary model's prediction from P(positive).</summary>
    public static Prediction Binary(string text, float probability) => new(text, probability, probability > 0.5f ? "positive" : "negative");
}
