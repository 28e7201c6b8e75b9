using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lstm.Training.TimeSeries;

/// <summary>
/// Per-column standardisation of numeric columns, learned on the training part only (statistics of the validation or
/// test part would leak the future into training). By this library's convention column 0 is the target, which
/// <see cref="InverseTarget(double)"/> maps back to the original units to report errors. Saved as JSON with the model.
/// </summary>
public sealed class FeatureScaler
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>A scaler with the given statistics.</summary>
    /// <exception cref="ArgumentException">No column, a non-finite mean, or a standard deviation that is not finite and positive.</exception>
    public FeatureScaler(IReadOnlyList<ScaledColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0) throw new ArgumentException("A scaler needs at least one column (the target).", nameof(columns));
        foreach (var column in columns)
        {
            if (!double.IsFinite(column.Mean) || !double.IsFinite(column.StandardDeviation) || column.StandardDeviation <= 0)
                throw new ArgumentException($"Column '{column.Name}': the mean must be finite and the standard deviation finite and positive; got {column.Mean} and {column.StandardDeviation}.", nameof(columns));
        }
        Columns = [.. columns];
    }

    /// <summary>The columns' statistics; column 0 is the target.</summary>
    public IReadOnlyList<ScaledColumn> Columns { get; }

    /// <summary>
    /// Learns mean and population standard deviation of each column from its first <paramref name="trainingRows"/>
    /// values, ignoring NaN (missing). A standard deviation of 0 becomes 1.
    /// </summary>
    /// <exception cref="InvalidDataException">A column has no observed value among the training rows.</exception>
    public static FeatureScaler Fit(IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<double>> columns, int trainingRows)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(columns);
        if (names.Count != columns.Count) throw new ArgumentException($"{names.Count} names for {columns.Count} columns.", nameof(names));
        var scaled = new ScaledColumn[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            int rows = Math.Min(trainingRows, columns[c].Count);
            double sum = 0;
            int count = 0;
            for (int row = 0; row < rows; row++) if (!double.IsNaN(columns[c][row])) { sum += columns[c][row]; count++; }
            if (count == 0)
                throw new InvalidDataException($"Column '{names[c]}' has no observed value in the training part (its first {rows} rows), so it cannot be scaled.");
            double mean = sum / count;
            // Two passes rather than sum of squares: the latter loses precision when the mean is large against the spread (pressure in hPa).
            double squares = 0;
            for (int row = 0; row < rows; row++) if (!double.IsNaN(columns[c][row])) squares += (columns[c][row] - mean) * (columns[c][row] - mean);
            double deviation = Math.Sqrt(squares / count);
            scaled[c] = new ScaledColumn(names[c], mean, deviation > 0 ? deviation : 1);
        }
        return new FeatureScaler(scaled);
    }

    /// <summary>Scales <paramref name="value"/> of column <paramref name="column"/>; NaN stays NaN.</summary>
    public double Apply(int column, double value) => (value - Columns[column].Mean) / Columns[column].StandardDeviation;

    /// <summary>Maps a scaled value of column <paramref name="column"/> back to the original units.</summary>
    public double Inverse(int column, double scaled) => scaled * Columns[column].StandardDeviation + Columns[column].Mean;

    /// <summary>Scales a target value (column 0).</summary>
    public double ApplyTarget(double value) => Apply(0, value);

    /// <summary>Maps a scaled target value (column 0) back to the original units.</summary>
    public double InverseTarget(double scaled) => Inverse(0, scaled);

    /// <summary>Maps scaled target values (a model's forecast of H steps) back to the original units.</summary>
    public double[] InverseTarget(ReadOnlySpan<float> scaled)
    {
        var values = new double[scaled.Length];
        for (int i = 0; i < values.Length; i++) values[i] = InverseTarget(scaled[i]);
        return values;
    }

    /// <summary>The statistics as JSON: <c>{"columns": [{"name", "mean", "standardDeviation"}, ...]}</c>, doubles written to round-trip.</summary>
    public string ToJson() => JsonSerializer.Serialize(new ScalerFile(Columns), Json);

    /// <summary>Reads <see cref="ToJson"/>'s output.</summary>
    /// <exception cref="InvalidDataException">The JSON is not a scaler.</exception>
    public static FeatureScaler FromJson(string json)
    {
        ScalerFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ScalerFile>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a feature scaler's JSON: {e.Message}", e);
        }
        if (file?.Columns is not { Count: > 0 } columns) throw new InvalidDataException("Not a feature scaler's JSON: no \"columns\".");
        try
        {
            return new FeatureScaler(columns);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Invalid feature scaler JSON: {e.Message}", e);
        }
    }

    private sealed record ScalerFile([property: JsonPropertyName("columns")] IReadOnlyList<ScaledColumn> Columns);
}
