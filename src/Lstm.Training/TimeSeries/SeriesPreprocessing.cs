using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lstm.Training.TimeSeries;

/// <summary>
/// Everything that turns rows of a series into network input, learned on the training part: the columns, the
/// missing-value policy, the scaler, the one-hot categories and the masked columns, with the window length, horizon
/// and sampling interval. Saved as JSON with a model so that new data is prepared exactly as the training data was.
/// </summary>
public sealed class SeriesPreprocessing
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A preprocessing with the given parts, checked for consistency.</summary>
    /// <exception cref="ArgumentException">The scaler does not cover the target then the numeric features in order, or a masked column is not one of the columns.</exception>
    public SeriesPreprocessing(string targetColumn, IReadOnlyList<string> featureColumns, MissingValuePolicy missingValues, int windowLength, int horizon,
        TimeSpan interval, FeatureScaler scaler, IReadOnlyList<CategoryEncoding> categories, IReadOnlyList<string> maskedColumns)
    {
        ArgumentNullException.ThrowIfNull(scaler);
        if (windowLength < 1 || horizon < 1 || interval <= TimeSpan.Zero)
            throw new ArgumentException($"The window length ({windowLength}), horizon ({horizon}) and interval ({interval}) must be positive.");
        TargetColumn = targetColumn;
        FeatureColumns = [.. featureColumns];
        MissingValues = missingValues;
        WindowLength = windowLength;
        Horizon = horizon;
        Interval = interval;
        Scaler = scaler;
        Categories = [.. categories];
        MaskedColumns = [.. maskedColumns];

        string[] numeric = [targetColumn, .. FeatureColumns.Where(f => Encoding(f) is null)];
        if (!numeric.SequenceEqual(scaler.Columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"The scaler's columns ({string.Join(", ", scaler.Columns.Select(c => c.Name))}) must be the target then the numeric features ({string.Join(", ", numeric)}).");
        if (Categories.FirstOrDefault(c => !FeatureColumns.Contains(c.Column, StringComparer.OrdinalIgnoreCase)) is { } stray)
            throw new ArgumentException($"Categories for '{stray.Column}', which is not a feature column.");
        if (MaskedColumns.FirstOrDefault(m => !numeric.Concat(FeatureColumns).Contains(m, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            throw new ArgumentException($"Masked column '{unknown}' is neither the target nor a feature column.");
    }

    /// <summary>The forecast column.</summary>
    public string TargetColumn { get; }

    /// <summary>The feature columns, in input order.</summary>
    public IReadOnlyList<string> FeatureColumns { get; }

    /// <summary>What missing input values become.</summary>
    public MissingValuePolicy MissingValues { get; }

    /// <summary>W: the steps of each input window.</summary>
    public int WindowLength { get; }

    /// <summary>H: the target values each forecast holds.</summary>
    public int Horizon { get; }

    /// <summary>The sampling interval the model was trained at.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The standardisation of the target (column 0) and the numeric features.</summary>
    public FeatureScaler Scaler { get; }

    /// <summary>The one-hot encodings of the categorical feature columns.</summary>
    public IReadOnlyList<CategoryEncoding> Categories { get; }

    /// <summary>The columns that have a "was missing" indicator feature (<see cref="MissingValuePolicy.Mask"/>).</summary>
    public IReadOnlyList<string> MaskedColumns { get; }

    /// <summary>
    /// The name of each input feature, in input order: the target, the feature columns (a categorical one as
    /// <c>column=category</c> per category), then <c>column missing</c> for each masked column.
    /// </summary>
    public IReadOnlyList<string> FeatureNames =>
        [TargetColumn, .. FeatureColumns.SelectMany(f => Encoding(f)?.FeatureNames ?? [f]), .. MaskedColumns.Select(m => $"{m} missing")];

    /// <summary>F: the features of each input step.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>The encoding of feature column <paramref name="column"/>, or null when it is numeric.</summary>
    public CategoryEncoding? Encoding(string column) => Categories.FirstOrDefault(c => c.Column.Equals(column, StringComparison.OrdinalIgnoreCase));

    /// <summary>Learns the scaler, categories and masked columns from the first <paramref name="trainingRows"/> rows of <paramref name="table"/>.</summary>
    /// <exception cref="InvalidDataException">A column has no value among the training rows.</exception>
    public static SeriesPreprocessing Fit(TimeSeriesTable table, WindowOptions options, int trainingRows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        TimeSeriesColumn[] columns = [table.Target, .. table.Features];
        TimeSeriesColumn[] numeric = [.. columns.Where(c => !c.IsCategorical)];
        var scaler = FeatureScaler.Fit([.. numeric.Select(c => c.Name)], [.. numeric.Select(c => c.Numbers)], trainingRows);
        CategoryEncoding[] categories = [.. columns.Where(c => c.IsCategorical).Select(c => CategoryEncoding.Fit(c.Name, c.Categories, trainingRows))];
        // Decided on the training rows like everything else: a column whose holes appear only later is masked as 0 without an indicator.
        string[] masked = options.MissingValues == MissingValuePolicy.Mask
            ? [.. columns.Where(c => Enumerable.Range(0, Math.Min(trainingRows, c.Count)).Any(c.IsMissing)).Select(c => c.Name)]
            : [];
        return new SeriesPreprocessing(table.Target.Name, [.. table.Features.Select(f => f.Name)], options.MissingValues, options.WindowLength,
            options.Horizon, table.Interval, scaler, categories, masked);
    }

    /// <summary>The preprocessing as JSON (camelCase; the interval as <c>d.hh:mm:ss</c>; the scaler as a list of columns).</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new PreprocessingFile(TargetColumn, FeatureColumns, MissingValues, WindowLength, Horizon, Interval, Scaler.Columns, Categories, MaskedColumns, FeatureNames), Json);

    /// <summary>Reads <see cref="ToJson"/>'s output.</summary>
    /// <exception cref="InvalidDataException">The JSON is not a consistent preprocessing.</exception>
    public static SeriesPreprocessing FromJson(string json)
    {
        try
        {
            var file = JsonSerializer.Deserialize<PreprocessingFile>(json, Json) ?? throw new InvalidDataException("Not a series preprocessing's JSON: null.");
            if (file.Target is null || file.Features is null || file.Scaling is null || file.Categories is null || file.MaskedColumns is null)
                throw new InvalidDataException("Not a series preprocessing's JSON: it needs target, features, scaling, categories and maskedColumns.");
            return new SeriesPreprocessing(file.Target, file.Features, file.MissingValues, file.WindowLength, file.Horizon, file.Interval,
                new FeatureScaler(file.Scaling), file.Categories, file.MaskedColumns);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new InvalidDataException($"Not a valid series preprocessing JSON: {e.Message}", e);
        }
    }

    // FeatureNames is written for people and other tools reading the file; reading recomputes it.
    private sealed record PreprocessingFile(string Target, IReadOnlyList<string> Features, MissingValuePolicy MissingValues, int WindowLength, int Horizon,
        TimeSpan Interval, IReadOnlyList<ScaledColumn> Scaling, IReadOnlyList<CategoryEncoding> Categories, IReadOnlyList<string> MaskedColumns,
        IReadOnlyList<string>? FeatureNames);
}
