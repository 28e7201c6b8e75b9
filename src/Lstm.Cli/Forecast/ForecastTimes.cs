using System.Globalization;

namespace Lstm.Cli.Forecast;

/// <summary>Times and intervals as the forecast commands print and record them: ISO 8601 dates, "1h", "1d".</summary>
internal static class ForecastTimes
{
    /// <summary>"1981-01-31", or "2010-01-31 13:00" when the time of day is not midnight.</summary>
    public static string Format(DateTime time) =>
        time.ToString(time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"1d", "1h", "15min" or "30s": the largest whole unit.</summary>
    public static string Format(TimeSpan interval) =>
        interval.Ticks % TimeSpan.TicksPerDay == 0 ? $"{interval.Days}d"
        : interval.Ticks % TimeSpan.TicksPerHour == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(long)interval.TotalHours}h")
        : interval.Ticks % TimeSpan.TicksPerMinute == 0 ? string.Create(CultureInfo.InvariantCulture, $"{(long)interval.TotalMinutes}min")
        : string.Create(CultureInfo.InvariantCulture, $"{interval.TotalSeconds:R}s");
}
