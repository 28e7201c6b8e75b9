using Lstm.Training.TimeSeries;

namespace Lstm.Training.Tests.TimeSeries;

/// <summary>Small synthetic series for the tests, parsed from CSV text named <c>s.csv</c> in messages.</summary>
internal static class SeriesCsv
{
    public const string FileName = "s.csv";

    public static TimeSeriesTable Parse(string text, TimeSeriesFileOptions options) => TimeSeriesTable.Parse(text, FileName, options);

    /// <summary>A daily univariate series <c>Date,Value</c> from 2020-01-01, values as given ("NA" allowed).</summary>
    public static TimeSeriesTable Daily(params string[] values) => Parse(DailyText(values), Univariate);

    public static string DailyText(params string[] values) =>
        "Date,Value\n" + string.Concat(values.Select((v, i) => $"{new DateTime(2020, 1, 1).AddDays(i):yyyy-MM-dd},{v}\n"));

    public static readonly TimeSeriesFileOptions Univariate = new() { TimeColumns = ["Date"], TargetColumn = "Value" };

    /// <summary>"1", "2", ... "<paramref name="count"/>".</summary>
    public static string[] Counting(int count) => [.. Enumerable.Range(1, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Asserts that <paramref name="read"/> throws <see cref="InvalidDataException"/> with exactly <paramref name="message"/>.</summary>
    public static void Rejects(string message, Action read) => Assert.Equal(message, Assert.Throws<InvalidDataException>(read).Message);
}
