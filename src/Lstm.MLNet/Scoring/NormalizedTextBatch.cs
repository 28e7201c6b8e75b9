using Lstm.Training.Text;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// Up to <see cref="Capacity"/> texts normalised by <see cref="TextNormalizer"/> into one reused character buffer.
/// Each text is copied out of the caller's memory as it is added, so an input cursor may reuse its buffers.
/// </summary>
internal sealed class NormalizedTextBatch
{
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private char[] _chars = new char[8192];
    private int _used;

    public NormalizedTextBatch(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _starts = new int[capacity];
        _lengths = new int[capacity];
    }

    /// <summary>Most texts the batch holds.</summary>
    public int Capacity => _starts.Length;

    /// <summary>Texts added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Whether <see cref="Count"/> has reached <see cref="Capacity"/>.</summary>
    public bool IsFull => Count == Capacity;

    /// <summary>The normalised text <paramref name="index"/>: words separated by single spaces.</summary>
    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _lengths[index]);

    /// <summary>Empties the batch, keeping its buffers.</summary>
    public void Clear()
    {
        Count = 0;
        _used = 0;
    }

    /// <summary>Normalises <paramref name="rawText"/> and appends it.</summary>
    public void Add(ReadOnlySpan<char> rawText)
    {
        if (IsFull) throw new InvalidOperationException($"The batch already holds {Capacity} texts.");
        if (_chars.Length - _used < rawText.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + rawText.Length));
        int written = TextNormalizer.Normalize(rawText, _chars.AsSpan(_used));
        _starts[Count] = _used;
        _lengths[Count] = written;
        _used += written;
        Count++;
    }
}
