namespace Lstm.WebApi;

/// <summary>The answer of <c>POST /predict/batch</c>: one prediction per text, in the request's order.</summary>
public sealed record BatchPredictionResponse(IReadOnlyList<PredictionResponse> Predictions);
