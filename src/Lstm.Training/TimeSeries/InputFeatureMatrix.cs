namespace Lstm.Training.TimeSeries;

/// <summary>
/// Every row's input features, prepared once by a <see cref="SeriesPreprocessing"/> and laid out [row][feature] so
/// that a window of W rows is one contiguous slice: the target (always feature 0), each feature column (one number, or
/// one-hot categories), then under <see cref="MissingValuePolicy.Mask"/> the "was missing" indicators.
/// </summary>
internal sealed class InputFeatureMatrix
{
    private InputFeatureMatrix(float[] values, int featureCount, int[] incompleteBefore)
    {
        Values = values;
        FeatureCount = featureCount;
        IncompleteBefore = incompleteBefore;
    }

    public float[] Values { get; }

    public int FeatureCount { get; }

    /// <summary>IncompleteBefore[r] = how many of rows 0..r−1 miss some input value (a prefix sum, to test a window in O(1)).</summary>
    public int[] IncompleteBefore { get; }

    /// <summary>True when some input value of rows [<paramref name="start"/>, <paramref name="end"/>) is missing.</summary>
    public bool HasMissing(int start, int end) => IncompleteBefore[end] - IncompleteBefore[start] > 0;

    /// <exception cref="InvalidDataException">The table's columns are not the ones <paramref name="preprocessing"/> was fitted on.</exception>
    public static InputFeatureMatrix Build(TimeSeriesTable table, SeriesPreprocessing preprocessing)
    {
        TimeSeriesColumn[] columns = Match(table, preprocessing);
        int rows = table.Count, width = preprocessing.FeatureCount;
        var values = new float[rows * width];
        int offset = 0, scaled = 0;
        foreach (var column in columns)
        {
            int[] source = preprocessing.MissingValues == MissingValuePolicy.ForwardFill ? ForwardFillSources(column) : [.. Enumerable.Range(0, rows)];
            if (column.IsCategorical)
            {
                var encoding = preprocessing.Encoding(column.Name)!;
                for (int r = 0; r < rows; r++)
                {
                    int hot = encoding.IndexOf(column.Categories[source[r]]);
                    if (hot >= 0) values[r * width + offset + hot] = 1;
                }
                offset += encoding.Categories.Count;
            }
            else
            {
                // A missing value (NaN) left by DropWindows or Mask becomes 0, the training mean; DropWindows never uses such a row.
                for (int r = 0; r < rows; r++)
                {
                    double value = column.Numbers[source[r]];
                    values[r * width + offset] = double.IsNaN(value) ? 0 : (float)preprocessing.Scaler.Apply(scaled, value);
                }
                scaled++;
                offset++;
            }
        }
        foreach (string name in preprocessing.MaskedColumns)
        {
            var column = columns.First(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            for (int r = 0; r < rows; r++) if (column.IsMissing(r)) values[r * width + offset] = 1;
            offset++;
        }

        var incompleteBefore = new int[rows + 1];
        for (int r = 0; r < rows; r++) incompleteBefore[r + 1] = incompleteBefore[r] + (columns.Any(c => c.IsMissing(r)) ? 1 : 0);
        return new InputFeatureMatrix(values, width, incompleteBefore);
    }

    private static TimeSeriesColumn[] Match(TimeSeriesTable table, SeriesPreprocessing preprocessing)
    {
        string[] expected = [preprocessing.TargetColumn, .. preprocessing.FeatureColumns];
        TimeSeriesColumn[] columns = [table.Target, .. table.Features];
        if (!expected.SequenceEqual(columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase))
            throw new InvalidDataException(
                $"{table.FileName}: the columns (target then features) are {string.Join(", ", columns.Select(c => c.Name))}; the preprocessing expects {string.Join(", ", expected)}.");
        if (columns.Skip(1).FirstOrDefault(c => c.IsCategorical != (preprocessing.Encoding(c.Name) is not null)) is { } mismatch)
            throw new InvalidDataException(
                $"{table.FileName}, column '{mismatch.Name}': read as {(mismatch.IsCategorical ? "categories" : "numbers")}, but the preprocessing treats it as {(mismatch.IsCategorical ? "numbers" : "categories")}; declare it with {nameof(TimeSeriesFileOptions.CategoricalColumns)}.");
        if (table.Target.IsCategorical) throw new InvalidDataException($"{table.FileName}, column '{table.Target.Name}': the target must be numeric.");
        return columns;
    }

    /// <summary>For each row, the row whose value it takes: itself when observed, else the last observed before it, else the first observed.</summary>
    private static int[] ForwardFillSources(TimeSeriesColumn column)
    {
        var sources = new int[column.Count];
        int first = 0;
        while (first < column.Count - 1 && column.IsMissing(first)) first++;
        int last = first;
        for (int r = 0; r < column.Count; r++)
        {
            if (!column.IsMissing(r)) last = r;
            sources[r] = r < first ? first : last;
        }
        return sources;
    }
}
