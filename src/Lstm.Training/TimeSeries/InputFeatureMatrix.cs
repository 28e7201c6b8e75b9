namespace Lstm.Training.TimeSeries;

/// <summary>
/// Every row's input features, scaled and encoded once, laid out [row][feature] so that a window of W rows is one
/// contiguous slice: the target (always feature 0), each feature column (one number, or one-hot categories), then
/// under <see cref="MissingValuePolicy.Mask"/> the "was missing" indicators. Everything learned (scaler statistics,
/// categories, which columns get indicators) comes from the training rows only.
/// </summary>
internal sealed class InputFeatureMatrix
{
    private InputFeatureMatrix(float[] values, string[] names, int[] incompleteBefore, FeatureScaler scaler,
        CategoryEncoding[] encodings, string[] maskedColumns)
    {
        Values = values;
        FeatureNames = names;
        IncompleteBefore = incompleteBefore;
        Scaler = scaler;
        Encodings = encodings;
        MaskedColumns = maskedColumns;
    }

    public float[] Values { get; }

    public string[] FeatureNames { get; }

    public int FeatureCount => FeatureNames.Length;

    /// <summary>IncompleteBefore[r] = how many of rows 0..r−1 miss some input value (a prefix sum, to test a window in O(1)).</summary>
    public int[] IncompleteBefore { get; }

    public FeatureScaler Scaler { get; }

    public CategoryEncoding[] Encodings { get; }

    public string[] MaskedColumns { get; }

    public static InputFeatureMatrix Build(TimeSeriesTable table, int trainingRows, MissingValuePolicy policy)
    {
        TimeSeriesColumn[] columns = [table.Target, .. table.Features];
        TimeSeriesColumn[] numeric = [.. columns.Where(c => !c.IsCategorical)];
        var scaler = FeatureScaler.Fit([.. numeric.Select(c => c.Name)], [.. numeric.Select(c => c.Numbers)], trainingRows);
        CategoryEncoding[] encodings = [.. columns.Where(c => c.IsCategorical).Select(c => CategoryEncoding.Fit(c.Name, c.Categories, trainingRows))];
        TimeSeriesColumn[] masked = policy == MissingValuePolicy.Mask
            ? [.. columns.Where(c => Enumerable.Range(0, trainingRows).Any(c.IsMissing))]
            : [];

        var names = new List<string>();
        foreach (var column in columns)
        {
            if (column.IsCategorical) names.AddRange(encodings.First(e => e.Column == column.Name).FeatureNames);
            else names.Add(column.Name);
        }
        names.AddRange(masked.Select(c => $"{c.Name} missing"));

        int rows = table.Count, width = names.Count;
        var values = new float[rows * width];
        int offset = 0, scaled = 0, encoded = 0;
        foreach (var column in columns)
        {
            int[] source = policy == MissingValuePolicy.ForwardFill ? ForwardFillSources(column) : [.. Enumerable.Range(0, rows)];
            if (column.IsCategorical)
            {
                var encoding = encodings[encoded++];
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
                    values[r * width + offset] = double.IsNaN(value) ? 0 : (float)scaler.Apply(scaled, value);
                }
                scaled++;
                offset++;
            }
        }
        foreach (var column in masked)
        {
            for (int r = 0; r < rows; r++) if (column.IsMissing(r)) values[r * width + offset] = 1;
            offset++;
        }

        var incompleteBefore = new int[rows + 1];
        for (int r = 0; r < rows; r++) incompleteBefore[r + 1] = incompleteBefore[r] + (columns.Any(c => c.IsMissing(r)) ? 1 : 0);
        return new InputFeatureMatrix(values, [.. names], incompleteBefore, scaler, encodings, [.. masked.Select(c => c.Name)]);
    }

    /// <summary>For each row, the row whose value it takes: itself when observed, else the last observed before it, else the first observed.</summary>
    private static int[] ForwardFillSources(TimeSeriesColumn column)
    {
        var sources = new int[column.Count];
        int first = Enumerable.Range(0, column.Count).First(r => !column.IsMissing(r));
        int last = first;
        for (int r = 0; r < column.Count; r++)
        {
            if (!column.IsMissing(r)) last = r;
            sources[r] = r < first ? first : last;
        }
        return sources;
    }
}
