namespace Lstm.Training.TimeSeries;

/// <summary>Forecast errors over a set of points, in the target's original units.</summary>
/// <param name="MeanAbsoluteError">MAE over the scored points (NaN when none).</param>
/// <param name="RootMeanSquaredError">RMSE over the scored points (NaN when none).</param>
/// <param name="MeanAbsolutePercentageError">MAPE in percent, over the scored points whose actual value is not 0 (NaN when none).</param>
/// <param name="Points">How many points were scored: both the actual and the forecast value known.</param>
/// <param name="MapePoints">How many of them count in MAPE (actual not 0).</param>
/// <param name="TotalPoints">How many points there were, scored or not.</param>
public sealed record ErrorSummary(double MeanAbsoluteError, double RootMeanSquaredError, double MeanAbsolutePercentageError,
    int Points, int MapePoints, int TotalPoints)
{
    /// <summary>The share of points scored (a baseline such as the seasonal-naive one cannot forecast every point).</summary>
    public double Coverage => TotalPoints == 0 ? double.NaN : (double)Points / TotalPoints;
}
