namespace Lstm.Training.TimeSeries;

/// <summary>
/// A regularly sampled series read from a CSV file: one row per timestamp, oldest first, with the target column and
/// any feature columns. After reading there are no gaps: either the file had none or they were inserted as rows of
/// missing values (<see cref="GapPolicy.Insert"/>), so row i is at <see cref="Start"/> + i × <see cref="Interval"/>.
/// </summary>
public sealed class TimeSeriesTable
{
    /// <summary>The most rows a table may have after inserting gaps, so that one wild timestamp cannot exhaust memory.</summary>
    public const int MaxRows = 50_000_000;

    private TimeSeriesTable(string fileName, DateTime[] times, int[] lines, TimeSpan interval, TimeSeriesColumn target,
        TimeSeriesColumn[] features, IReadOnlyList<SeriesGap> gaps)
    {
        FileName = fileName;
        Times = times;
        LineNumbers = lines;
        Interval = interval;
        Target = target;
        Features = features;
        Gaps = gaps;
    }

    /// <summary>The file the series was read from, as named in error messages.</summary>
    public string FileName { get; }

    /// <summary>Each row's time, strictly increasing by <see cref="Interval"/>.</summary>
    public IReadOnlyList<DateTime> Times { get; }

    /// <summary>Each row's 1-based line in the file; 0 for a row inserted into a gap.</summary>
    public IReadOnlyList<int> LineNumbers { get; }

    /// <summary>The sampling interval: the most common step between consecutive rows of the file.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The column to forecast (numeric; NaN = missing).</summary>
    public TimeSeriesColumn Target { get; }

    /// <summary>The feature columns in the order the options named them, numeric or categorical.</summary>
    public IReadOnlyList<TimeSeriesColumn> Features { get; }

    /// <summary>The gaps the file had (empty unless <see cref="GapPolicy.Insert"/> filled them).</summary>
    public IReadOnlyList<SeriesGap> Gaps { get; }

    /// <summary>How many rows (timestamps) the series has, inserted ones included.</summary>
    public int Count => Times.Count;

    /// <summary>The first row's time.</summary>
    public DateTime Start => Times[0];

    /// <summary>How many rows were inserted into gaps.</summary>
    public int InsertedRowCount => Gaps.Sum(g => g.MissingSteps);

    /// <summary>The row at <paramref name="time"/>, or -1 when the series has no such timestamp.</summary>
    public int IndexOf(DateTime time)
    {
        if (time < Start) return -1;
        long ticks = (time - Start).Ticks;
        if (ticks % Interval.Ticks != 0) return -1;
        long row = ticks / Interval.Ticks;
        return row < Count ? (int)row : -1;
    }

    /// <summary>Reads <paramref name="path"/>; see <see cref="Parse"/>.</summary>
    /// <exception cref="InvalidDataException">The file breaks one of <see cref="Parse"/>'s rules; the message names the line and column.</exception>
    public static TimeSeriesTable Read(string path, TimeSeriesFileOptions options) => Parse(File.ReadAllText(path), path, options);

    /// <summary>
    /// Reads CSV text (comma-separated, quoted fields allowed, a header row): the rows must be ordered by time with
    /// no repeated time, every time and number must parse, every named column must exist and hold at least one value,
    /// and there must be at least two rows. The sampling interval is the most common step; larger steps are gaps,
    /// handled by <see cref="TimeSeriesFileOptions.Gaps"/>.
    /// </summary>
    /// <param name="text">The file's content.</param>
    /// <param name="fileName">The name error messages give the file.</param>
    /// <param name="options">The columns and rules.</param>
    /// <exception cref="InvalidDataException">The text breaks one of the rules; the message names the file, the 1-based line, the column and what was expected.</exception>
    public static TimeSeriesTable Parse(string text, string fileName, TimeSeriesFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var rows = new TimeSeriesCsvReader(fileName, options).Read(text);
        TimeSpan interval = SamplingGrid.InferInterval(rows.Times);
        var gaps = SamplingGrid.FindGaps(rows.Times, rows.Lines, interval, fileName);
        if (gaps.Count == 0) return new TimeSeriesTable(fileName, rows.Times, rows.Lines, interval, rows.Target, rows.Features, []);
        if (options.Gaps == GapPolicy.Error) throw new InvalidDataException(SamplingGrid.Describe(gaps, interval, fileName));

        long rowCount = (rows.Times[^1] - rows.Times[0]).Ticks / interval.Ticks + 1;
        if (rowCount > MaxRows)
            throw new InvalidDataException($"{fileName}: inserting the gaps would make {rowCount:N0} rows at the sampling interval of {TimeText.Format(interval)}; at most {MaxRows:N0} are allowed.");
        int count = (int)rowCount;
        int[] positions = SamplingGrid.Positions(rows.Times, interval);
        var times = new DateTime[count];
        for (int i = 0; i < count; i++) times[i] = rows.Times[0] + interval * i;
        var lines = new int[count];
        for (int i = 0; i < positions.Length; i++) lines[positions[i]] = rows.Lines[i];
        return new TimeSeriesTable(fileName, times, lines, interval, rows.Target.Spread(positions, count),
            [.. rows.Features.Select(f => f.Spread(positions, count))], gaps);
    }
}
