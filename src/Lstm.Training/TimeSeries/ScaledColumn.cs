namespace Lstm.Training.TimeSeries;

/// <summary>One column's standardisation: scaled = (value − <paramref name="Mean"/>) / <paramref name="StandardDeviation"/>.</summary>
/// <param name="Name">The column's header name.</param>
/// <param name="Mean">The mean of the column's observed training values.</param>
/// <param name="StandardDeviation">Their population standard deviation, or 1 when it is 0 (a constant column stays at 0 once scaled).</param>
public sealed record ScaledColumn(string Name, double Mean, double StandardDeviation);
