namespace Lstm.Training.TimeSeries;

/// <summary>One value column of a <see cref="TimeSeriesTable"/>: numbers (NaN where missing) or categories (null where missing).</summary>
public sealed class TimeSeriesColumn
{
    private readonly double[]? _numbers;
    private readonly string?[]? _categories;

    private TimeSeriesColumn(string name, double[]? numbers, string?[]? categories)
    {
        Name = name;
        _numbers = numbers;
        _categories = categories;
    }

    /// <summary>A numeric column; NaN marks a missing value.</summary>
    public static TimeSeriesColumn Numeric(string name, double[] values) => new(name, values, null);

    /// <summary>A categorical column; null marks a missing value.</summary>
    public static TimeSeriesColumn Categorical(string name, string?[] values) => new(name, null, values);

    /// <summary>The header name.</summary>
    public string Name { get; }

    /// <summary>True when the column holds categories rather than numbers.</summary>
    public bool IsCategorical => _categories is not null;

    /// <summary>How many rows the column has.</summary>
    public int Count => _numbers?.Length ?? _categories!.Length;

    /// <summary>The numbers (NaN = missing). Throws for a categorical column.</summary>
    public IReadOnlyList<double> Numbers => _numbers ?? throw new InvalidOperationException($"Column '{Name}' is categorical; it has no numbers.");

    /// <summary>The categories (null = missing). Throws for a numeric column.</summary>
    public IReadOnlyList<string?> Categories => _categories ?? throw new InvalidOperationException($"Column '{Name}' is numeric; it has no categories.");

    /// <summary>True when row <paramref name="row"/> has no value.</summary>
    public bool IsMissing(int row) => _numbers is not null ? double.IsNaN(_numbers[row]) : _categories![row] is null;

    /// <summary>How many rows have no value.</summary>
    public int MissingCount
    {
        get
        {
            int count = 0;
            for (int row = 0; row < Count; row++) if (IsMissing(row)) count++;
            return count;
        }
    }

    /// <summary>The same column with <paramref name="rowCount"/> rows, the value of row i moved to row <paramref name="newRows"/>[i] and the others missing.</summary>
    internal TimeSeriesColumn Spread(int[] newRows, int rowCount)
    {
        if (_numbers is not null)
        {
            var numbers = new double[rowCount];
            Array.Fill(numbers, double.NaN);
            for (int i = 0; i < newRows.Length; i++) numbers[newRows[i]] = _numbers[i];
            return Numeric(Name, numbers);
        }
        var categories = new string?[rowCount];
        for (int i = 0; i < newRows.Length; i++) categories[newRows[i]] = _categories![i];
        return Categorical(Name, categories);
    }
}
