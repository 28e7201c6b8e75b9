using System.Globalization;

namespace Lstm.Training.TimeSeries;

/// <summary>Times and intervals as error messages and reports show them: short when the time of day or the unit allows.</summary>
internal static class TimeText
{
    public static string Format(DateTime time) => time.TimeOfDay == TimeSpan.Zero
        ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : time.ToString(time.Second == 0 && time.Millisecond == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string Format(TimeSpan interval)
    {
        if (interval.Ticks % TimeSpan.TicksPerDay == 0) return Plural(interval.Ticks / TimeSpan.TicksPerDay, "day");
        if (interval.Ticks % TimeSpan.TicksPerHour == 0) return Plural(interval.Ticks / TimeSpan.TicksPerHour, "hour");
        if (interval.Ticks % TimeSpan.TicksPerMinute == 0) return Plural(interval.Ticks / TimeSpan.TicksPerMinute, "minute");
        return interval.ToString("c", CultureInfo.InvariantCulture);
    }

    private static string Plural(long count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");
}
