using System.Globalization;

namespace Lstm.Training.TimeSeries;

/// <summary>Reads a row's time from one ISO 8601 column, or from integer columns in the role order year, month, day, hour, minute.</summary>
internal sealed class TimestampParser
{
    /// <summary>The roles of the integer time columns, in the order <see cref="TimeSeriesFileOptions.TimeColumns"/> gives them.</summary>
    public static readonly string[] Roles = ["year", "month", "day", "hour", "minute"];

    // Exact formats only: a general parser would accept culture-dependent forms such as 01/02/2010 and guess.
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK",
    ];

    private readonly string[] _names;
    private readonly int[] _indexes;
    private readonly string _fileName;

    public TimestampParser(string[] names, int[] indexes, string fileName)
    {
        if (names.Length is 0 or > 5)
            throw new ArgumentException($"Give one time column (a date or date-time) or two to five integer columns ({string.Join(", ", Roles)}); got {names.Length}.", nameof(names));
        _names = names;
        _indexes = indexes;
        _fileName = fileName;
    }

    public DateTime Parse(List<string> fields, int line) => _indexes.Length == 1 ? ParseIso(fields[_indexes[0]].Trim(), line) : ParseParts(fields, line);

    private DateTime ParseIso(string text, int line)
    {
        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return text.EndsWith('Z') || HasOffset(text) ? time.UtcDateTime : time.DateTime;
        throw new InvalidDataException(
            $"{_fileName} line {line}, column '{_names[0]}': expected a date or date-time in ISO 8601 form (e.g. 2010-01-31, 2010-01-31 13:00 or 2010-01-31T13:00:00), found '{text}'.");
    }

    // A zone after the time ("+08:00", "-05:00") rather than the date's own hyphens.
    private static bool HasOffset(string text) => text.Length > 10 && text.AsSpan(10).IndexOfAny('+', '-') >= 0;

    private DateTime ParseParts(List<string> fields, int line)
    {
        int[] parts = [1, 1, 1, 0, 0];
        for (int i = 0; i < _indexes.Length; i++)
        {
            string text = fields[_indexes[i]].Trim();
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out parts[i]))
                throw new InvalidDataException($"{_fileName} line {line}, column '{_names[i]}': expected an integer {Roles[i]}, found '{text}'.");
        }
        try
        {
            return new DateTime(parts[0], parts[1], parts[2], parts[3], parts[4], 0, DateTimeKind.Unspecified);
        }
        catch (ArgumentOutOfRangeException)
        {
            string given = string.Join(", ", _names.Select((name, i) => $"{name} {parts[i]}"));
            throw new InvalidDataException($"{_fileName} line {line}, columns {string.Join(", ", _names.Select(n => $"'{n}'"))}: {given} is not a valid time.");
        }
    }
}
