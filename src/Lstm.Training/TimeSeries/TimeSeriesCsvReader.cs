using System.Globalization;
using Lstm.Training.Data;

namespace Lstm.Training.TimeSeries;

/// <summary>
/// Reads the rows of a time-ordered CSV file: the time of each row (checked to increase strictly) and the target and
/// feature columns, numbers or categories. Gaps and the sampling interval are <see cref="SamplingGrid"/>'s concern.
/// </summary>
internal sealed class TimeSeriesCsvReader(string fileName, TimeSeriesFileOptions options)
{
    /// <summary>The rows as read: times, 1-based line numbers, the target column and the feature columns.</summary>
    public sealed record Rows(DateTime[] Times, int[] Lines, TimeSeriesColumn Target, TimeSeriesColumn[] Features);

    public Rows Read(string text)
    {
        var reader = new DelimitedTextReader(text, ',', quoting: true, fileName);
        var fields = new List<string>();
        if (!reader.TryRead(fields, out int headerLine))
            throw new InvalidDataException($"{fileName} is empty: expected a header row naming the columns.");
        var header = fields.ToArray();

        string[] timeNames = [.. options.TimeColumns];
        var timeParser = new TimestampParser(timeNames, [.. timeNames.Select(name => Find(name, header, headerLine))], fileName);
        int targetIndex = Find(options.TargetColumn, header, headerLine);
        string[] featureNames = [.. options.FeatureColumns];
        if (featureNames.FirstOrDefault(name => Same(name, options.TargetColumn)) is { } targetAsFeature)
            throw new ArgumentException($"The target '{targetAsFeature}' is always the first input; do not list it among the feature columns.", nameof(options));
        int[] featureIndexes = [.. featureNames.Select(name => Find(name, header, headerLine))];
        foreach (string name in options.CategoricalColumns ?? [])
        {
            if (!featureNames.Any(feature => Same(feature, name)))
                throw new ArgumentException($"Categorical column '{name}' is not one of the feature columns ({string.Join(", ", featureNames)}).", nameof(options));
        }

        var times = new List<DateTime>();
        var lines = new List<int>();
        var target = new List<string>();
        var features = featureNames.Select(_ => new List<string>()).ToArray();
        while (reader.TryRead(fields, out int line))
        {
            if (fields.Count != header.Length)
                throw new InvalidDataException($"{fileName} line {line}: expected {header.Length} fields as in the header (line {headerLine}), found {fields.Count}.");
            DateTime time = timeParser.Parse(fields, line);
            if (times.Count > 0) CheckOrder(times[^1], lines[^1], time, line, timeNames);
            times.Add(time);
            lines.Add(line);
            target.Add(fields[targetIndex].Trim());
            for (int f = 0; f < features.Length; f++) features[f].Add(fields[featureIndexes[f]].Trim());
        }
        if (times.Count < 2)
            throw new InvalidDataException($"{fileName}: {times.Count} data row(s); at least 2 are needed to infer the sampling interval.");

        int[] lineArray = [.. lines];
        var targetColumn = ToColumn(header[targetIndex].Trim(), target, lineArray, categorical: false);
        var featureColumns = new TimeSeriesColumn[features.Length];
        for (int f = 0; f < features.Length; f++)
        {
            string name = header[featureIndexes[f]].Trim();
            bool categorical = options.CategoricalColumns is { } declared
                ? declared.Any(c => Same(c, name))
                : features[f].Any(value => !IsMissing(value) && !TryParseNumber(value, out _));
            featureColumns[f] = ToColumn(name, features[f], lineArray, categorical);
        }
        return new Rows([.. times], lineArray, targetColumn, featureColumns);
    }

    private void CheckOrder(DateTime previous, int previousLine, DateTime time, int line, string[] timeNames)
    {
        string columns = timeNames.Length == 1 ? $"column '{timeNames[0]}'" : $"columns {string.Join(", ", timeNames.Select(n => $"'{n}'"))}";
        if (time == previous)
            throw new InvalidDataException($"{fileName} line {line}, {columns}: the time {TimeText.Format(time)} repeats line {previousLine}; each time must appear once.");
        if (time < previous)
            throw new InvalidDataException(
                $"{fileName} line {line}, {columns}: the time {TimeText.Format(time)} is earlier than {TimeText.Format(previous)} on line {previousLine}; the rows must be ordered by time, oldest first.");
    }

    private TimeSeriesColumn ToColumn(string name, List<string> values, int[] lines, bool categorical)
    {
        if (values.All(IsMissing))
            throw new InvalidDataException(
                $"{fileName}, column '{name}': all {values.Count} values are missing ({string.Join(", ", options.MissingValueTokens.Select(t => $"'{t}'"))}); the column has nothing to learn from.");
        if (categorical) return TimeSeriesColumn.Categorical(name, [.. values.Select(v => IsMissing(v) ? null : v)]);

        var numbers = new double[values.Count];
        for (int row = 0; row < numbers.Length; row++)
        {
            if (IsMissing(values[row])) numbers[row] = double.NaN;
            else if (!TryParseNumber(values[row], out numbers[row]))
                throw new InvalidDataException(
                    $"{fileName} line {lines[row]}, column '{name}': expected a number (or a missing-value token: {string.Join(", ", options.MissingValueTokens.Select(t => $"'{t}'"))}), found '{values[row]}'.");
        }
        return TimeSeriesColumn.Numeric(name, numbers);
    }

    private bool IsMissing(string value) => options.MissingValueTokens.Any(token => token.Trim().Equals(value, StringComparison.OrdinalIgnoreCase));

    // Finite numbers only: "Infinity" would poison the scaler's mean.
    private static bool TryParseNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    private int Find(string column, string[] header, int headerLine) =>
        ColumnSelector.FindName(column, header, $"{fileName} line {headerLine}")
        ?? throw new InvalidDataException($"{fileName}: no column '{column}' in the header (line {headerLine}); the columns are: {string.Join(", ", header)}.");

    private static bool Same(string a, string b) => a.Trim().Equals(b.Trim(), StringComparison.OrdinalIgnoreCase);
}
