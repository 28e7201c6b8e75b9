using System.Text.Json.Serialization;

namespace Lstm.Training.TimeSeries;

/// <summary>
/// The one-hot encoding of a categorical column: one input feature per category seen in the training part, in
/// ordinal order. A category first seen in validation or test data (or a missing one) encodes as all zeros, since the
/// network has no weight learned for it.
/// </summary>
/// <param name="Column">The column's header name.</param>
/// <param name="Categories">The categories, each one input feature, in ordinal (culture-independent) order.</param>
public sealed record CategoryEncoding(string Column, IReadOnlyList<string> Categories)
{
    /// <summary>Learns the categories from the first <paramref name="trainingRows"/> values of <paramref name="values"/> (null = missing).</summary>
    /// <exception cref="InvalidDataException">No category among the training rows.</exception>
    public static CategoryEncoding Fit(string column, IReadOnlyList<string?> values, int trainingRows)
    {
        var categories = new SortedSet<string>(StringComparer.Ordinal);
        for (int row = 0; row < Math.Min(trainingRows, values.Count); row++) if (values[row] is { } value) categories.Add(value);
        if (categories.Count == 0)
            throw new InvalidDataException($"Column '{column}' has no category in the training part (its first {trainingRows} rows), so it cannot be encoded.");
        return new CategoryEncoding(column, [.. categories]);
    }

    /// <summary>The feature index of <paramref name="category"/>, or -1 when it is missing or was not seen in training.</summary>
    public int IndexOf(string? category)
    {
        if (category is null) return -1;
        for (int i = 0; i < Categories.Count; i++) if (string.Equals(Categories[i], category, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>The input feature names: <c>column=category</c>.</summary>
    [JsonIgnore]
    public IEnumerable<string> FeatureNames => Categories.Select(category => $"{Column}={category}");
}
