namespace Lstm.Training.TimeSeries;

/// <summary>How <see cref="TimeSeriesTable"/> reads a CSV file (comma-separated, quoted fields allowed, a header row) ordered by time.</summary>
public sealed record TimeSeriesFileOptions
{
    /// <summary>
    /// The column(s) holding the time, by header name. One column is parsed as an ISO 8601 date or date-time
    /// (invariant culture, e.g. <c>1981-01-31</c>, <c>2010-01-31 13:00</c>, <c>2010-01-31T13:00:00</c>); two to five
    /// columns are integers combined in the role order year, month, day, hour, minute (e.g. <c>["year","month","day","hour"]</c>).
    /// </summary>
    public required IReadOnlyList<string> TimeColumns { get; init; }

    /// <summary>The numeric column to forecast, by header name.</summary>
    public required string TargetColumn { get; init; }

    /// <summary>Further input columns by header name (the target's own history is always an input). Default: none (univariate).</summary>
    public IReadOnlyList<string> FeatureColumns { get; init; } = [];

    /// <summary>
    /// Which feature columns are categories (one-hot encoded later); the others must hold numbers. Default (null):
    /// a feature column is categorical when its non-missing values are not all numbers.
    /// </summary>
    public IReadOnlyList<string>? CategoricalColumns { get; init; }

    /// <summary>Field values (trimmed, compared ignoring case) that mean "missing". Default: <c>NA</c>, <c>NaN</c> and the empty field.</summary>
    public IReadOnlyList<string> MissingValueTokens { get; init; } = DefaultMissingValueTokens;

    /// <summary>What to do with steps larger than the sampling interval. Default: <see cref="GapPolicy.Error"/>.</summary>
    public GapPolicy Gaps { get; init; } = GapPolicy.Error;

    /// <summary>The default <see cref="MissingValueTokens"/>: <c>NA</c>, <c>NaN</c> and the empty field.</summary>
    public static IReadOnlyList<string> DefaultMissingValueTokens { get; } = ["NA", "NaN", ""];
}
