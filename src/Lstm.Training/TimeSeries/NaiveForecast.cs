namespace Lstm.Training.TimeSeries;

/// <summary>
/// The persistence baseline: every step of the horizon forecast as the last target value observed before the first
/// target step (walking back over missing values), in original units. An LSTM that cannot beat it has learned nothing.
/// </summary>
public static class NaiveForecast
{
    /// <summary>The forecasts for each example of <paramref name="part"/>, [example][step]; NaN when no earlier value was observed.</summary>
    public static double[][] Predict(TimeSeriesTable table, WindowedPart part)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(part);
        var forecasts = new double[part.Count][];
        for (int i = 0; i < part.Count; i++)
        {
            int row = part.FirstTargetRows[i] - 1;
            while (row >= 0 && table.Target.IsMissing(row)) row--;
            forecasts[i] = new double[part.Horizon];
            Array.Fill(forecasts[i], row >= 0 ? table.Target.Numbers[row] : double.NaN);
        }
        return forecasts;
    }
}
