namespace Lstm.WebApi;

/// <summary>One text's prediction: <c>{"probability": 0.93, "positive": true, "score": 2.6}</c>.</summary>
/// <param name="Probability">P(positive), from 0 to 1.</param>
/// <param name="Positive">True when <paramref name="Score"/> &gt; 0 (the probability above 0.5).</param>
/// <param name="Score">The network's logit; <paramref name="Probability"/> is its sigmoid.</param>
public sealed record PredictionResponse(float Probability, bool Positive, float Score)
{
    /// <summary>The response for a row the model scored.</summary>
    public static PredictionResponse From(ScoredText scored) => new(scored.Probability, scored.PredictedLabel, scored.Score);
}
