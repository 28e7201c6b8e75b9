namespace Lstm.Cli.Predictions;

/// <summary>One review's result.</summary>
/// <param name="Text">The review as given.</param>
/// <param name="Probability">P(positive): the sigmoid of the network's logit.</param>
/// <param name="Positive">True when the logit is above 0 (probability above 0.5).</param>
internal sealed record Prediction(string Text, float Probability, bool Positive)
{
    /// <summary>"positive" or "negative".</summary>
    public string Label => Positive ? "positive" : "negative";
}
