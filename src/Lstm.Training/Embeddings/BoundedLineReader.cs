namespace Lstm.Training.Embeddings;

/// <summary>Reads lines (ending in <c>\n</c>, <c>\r\n</c> or <c>\r</c>) without ever holding more than a fixed number of characters per line.</summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLineLength)
{
    private readonly char[] _block = new char[64 * 1024];
    private char[] _line = new char[256];
    private int _blockLength;
    private int _blockPosition;
    private bool _skipLineFeed;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// The next line without its terminator, or false at the end. Throws <see cref="LineTooLongException"/> when
    /// the line exceeds the cap (after reading no more than the cap).
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        int length = 0;
        bool any = false;
        while (true)
        {
            if (_blockPosition == _blockLength)
            {
                _blockLength = reader.Read(_block, 0, _block.Length);
                _blockPosition = 0;
                if (_blockLength == 0)
                {
                    if (!any)
                    {
                        line = default;
                        return false;
                    }
                    LineNumber++;
                    line = _line.AsSpan(0, length);
                    return true;
                }
            }
            char c = _block[_blockPosition++];
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (c == '\n') continue;
            }
            any = true;
            if (c is '\n' or '\r')
            {
                _skipLineFeed = c == '\r';
                LineNumber++;
                line = _line.AsSpan(0, length);
                return true;
            }
            if (length == maxLineLength) throw new LineTooLongException(LineNumber + 1);
            if (length == _line.Length) Array.Resize(ref _line, (int)Math.Min((long)_line.Length * 2, maxLineLength));
            _line[length++] = c;
        }
    }
}

/// <summary>A line longer than the cap of <see cref="BoundedLineReader"/>.</summary>
internal sealed class LineTooLongException(long lineNumber) : Exception($"Line {lineNumber} is too long.")
{
    public long LineNumber { get; } = lineNumber;
}
