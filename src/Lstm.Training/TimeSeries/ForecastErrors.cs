namespace Lstm.Training.TimeSeries;

/// <summary>Forecast errors overall and per horizon step (step 0 is the next value).</summary>
/// <param name="Overall">Every step of every example.</param>
/// <param name="PerStep">Step h of every example, for h = 0 .. H−1.</param>
public sealed record ForecastErrors(ErrorSummary Overall, IReadOnlyList<ErrorSummary> PerStep);
