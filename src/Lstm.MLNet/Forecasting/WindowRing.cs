namespace Lstm.MLNet.Forecasting;

/// <summary>
/// The last W rows of a series (F values each: target, then features), oldest first, as a window the forecasting graph
/// reads ([t * F + f]). It tracks how many of those rows hold a missing (NaN) value, so a window with one is known
/// without a scan.
/// </summary>
internal sealed class WindowRing(int windowSize, int features)
{
    private readonly float[] _rows = new float[windowSize * features];
    private readonly bool[] _missing = new bool[windowSize];
    private int _next;
    private int _count;
    private int _missingRows;

    /// <summary>Rows per window.</summary>
    public int WindowSize { get; } = windowSize;

    /// <summary>Values per row.</summary>
    public int Features { get; } = features;

    /// <summary>True when the ring holds W rows, none of them with a missing value: a forecast can be made.</summary>
    public bool IsComplete => _count == WindowSize && _missingRows == 0;

    /// <summary>Appends a row of F values, dropping the oldest when the ring is full.</summary>
    public void Push(ReadOnlySpan<float> row)
    {
        if (row.Length != Features) throw new ArgumentException($"A row holds {row.Length} values; the model reads {Features} (the target, then {Features - 1} feature(s)).", nameof(row));
        bool missing = false;
        foreach (float v in row) missing |= float.IsNaN(v);
        if (_count == WindowSize && _missing[_next]) _missingRows--;
        row.CopyTo(_rows.AsSpan(_next * Features, Features));
        _missing[_next] = missing;
        if (missing) _missingRows++;
        _next = (_next + 1) % WindowSize;
        _count = Math.Min(_count + 1, WindowSize);
    }

    /// <summary>Copies the window, oldest row first, into <paramref name="destination"/> (W × F values).</summary>
    public void CopyTo(Span<float> destination)
    {
        if (_count < WindowSize) throw new InvalidOperationException($"The window holds {_count} rows; it needs {WindowSize}.");
        int head = _next * Features;
        _rows.AsSpan(head).CopyTo(destination);
        _rows.AsSpan(0, head).CopyTo(destination[(_rows.Length - head)..]);
    }
}
