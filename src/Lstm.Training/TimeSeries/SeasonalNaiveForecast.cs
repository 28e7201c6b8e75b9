namespace Lstm.Training.TimeSeries;

/// <summary>
/// The seasonal persistence baseline: each target step forecast as the target value one season earlier (the same
/// hour yesterday for hourly data, the same day last year for daily data). Where the series has no observed value at
/// that time the point is not forecast (NaN), and <see cref="ErrorSummary.Coverage"/> reports how many were.
/// </summary>
public static class SeasonalNaiveForecast
{
    /// <summary>The usual season for a sampling interval: 1 day for hourly data, 365 days for daily data.</summary>
    /// <exception cref="ArgumentException">Any other interval: give the season explicitly.</exception>
    public static TimeSpan DefaultSeason(TimeSpan interval) =>
        interval == TimeSpan.FromHours(1) ? TimeSpan.FromDays(1)
        : interval == TimeSpan.FromDays(1) ? TimeSpan.FromDays(365)
        : throw new ArgumentException($"No default season for a sampling interval of {TimeText.Format(interval)} (only hourly → 1 day and daily → 365 days); give the season explicitly.", nameof(interval));

    /// <summary>The forecasts for each example of <paramref name="part"/>, [example][step], with <paramref name="season"/> (default: <see cref="DefaultSeason"/>).</summary>
    /// <exception cref="ArgumentException">The season is shorter than the horizon, so some forecasts would use values not yet known.</exception>
    public static double[][] Predict(TimeSeriesTable table, WindowedPart part, TimeSpan? season = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(part);
        TimeSpan lag = season ?? DefaultSeason(table.Interval);
        if (lag < table.Interval * part.Horizon)
            throw new ArgumentException($"A season of {TimeText.Format(lag)} is shorter than the horizon ({part.Horizon} × {TimeText.Format(table.Interval)}): the forecast of the last steps would use values not known yet.", nameof(season));
        var forecasts = new double[part.Count][];
        for (int i = 0; i < part.Count; i++)
        {
            forecasts[i] = new double[part.Horizon];
            for (int h = 0; h < part.Horizon; h++)
            {
                int row = table.IndexOf(part.TargetTimes[i][h] - lag);
                forecasts[i][h] = row >= 0 ? table.Target.Numbers[row] : double.NaN;
            }
        }
        return forecasts;
    }
}
