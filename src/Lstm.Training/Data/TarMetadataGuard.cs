using System.Buffers.Text;

namespace Lstm.Training.Data;

/// <summary>
/// A read-only pass-through over an uncompressed tar stream that refuses metadata entries (PAX extended attributes, GNU
/// long names) larger than <see cref="MaxMetadataBytes"/>, before <see cref="System.Formats.Tar.TarReader"/> reads one:
/// TarReader allocates a metadata entry's whole declared size (up to 2 GB) at once, so that a few hundred bytes of
/// .tar.gz could otherwise ask for gigabytes.
/// </summary>
/// <remarks>
/// It follows the 512-byte blocks as they pass, as TarReader does: each header's size says how many data blocks follow
/// (a PAX record <c>size=</c> overrides it for the next entry), and a header whose checksum field is zero ends the
/// archive. TarReader does not verify checksums, so neither does the guard. A header whose size field is malformed is
/// left for TarReader to report, and the guard then passes everything through unchecked.
/// </remarks>
internal sealed class TarMetadataGuard(Stream inner) : Stream
{
    /// <summary>Largest metadata entry read: 1 MiB (real ones hold a name or a few attributes, well under a kilobyte).</summary>
    public const int MaxMetadataBytes = 1 << 20;

    private const int Block = 512;
    private readonly byte[] _header = new byte[Block];
    private int _headerFill;
    private long _skip;
    private long _position;
    private bool _lost;
    private MemoryStream? _pax;
    private long _paxRemaining;
    private long? _nextSize;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <exception cref="InvalidDataException">A metadata entry is larger than <see cref="MaxMetadataBytes"/>.</exception>
    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        if (!_lost) Follow(buffer[..read]);
        _position += read;
        return read;
    }

    private void Follow(ReadOnlySpan<byte> bytes)
    {
        long offset = _position;
        while (!bytes.IsEmpty && !_lost)
        {
            if (_skip > 0)
            {
                int take = (int)Math.Min(_skip, bytes.Length);
                if (_pax is not null && _paxRemaining > 0)
                {
                    int kept = (int)Math.Min(_paxRemaining, take);
                    _pax.Write(bytes[..kept]);
                    _paxRemaining -= kept;
                }
                _skip -= take;
                offset += take;
                bytes = bytes[take..];
                if (_skip == 0 && _pax is not null) EndPax();
                continue;
            }
            int copied = Math.Min(Block - _headerFill, bytes.Length);
            bytes[..copied].CopyTo(_header.AsSpan(_headerFill));
            _headerFill += copied;
            offset += copied;
            bytes = bytes[copied..];
            if (_headerFill < Block) continue;
            _headerFill = 0;
            OnHeader(offset - Block);
        }
    }

    private void OnHeader(long at)
    {
        if (ParseOctal(_header.AsSpan(148, 8)) is 0) return; // an end-of-archive block, for TarReader too
        if (ParseSize() is not long size)
        {
            _lost = true;
            return;
        }
        byte type = _header[156];
        string? metadata = type switch
        {
            (byte)'x' => "PAX extended-attributes entry",
            (byte)'g' => "PAX global extended-attributes entry",
            (byte)'L' => "GNU long-name entry",
            (byte)'K' => "GNU long-link entry",
            _ => null,
        };
        if (metadata is not null && size > MaxMetadataBytes)
            throw new InvalidDataException($"a {metadata} of {size:N0} bytes at byte {at:N0} of the tar; metadata entries of at most {MaxMetadataBytes:N0} bytes are read");
        if (metadata is null)
        {
            size = _nextSize ?? size;
            _nextSize = null;
        }
        if (type == 'x' && size > 0)
        {
            _pax = new MemoryStream();
            _paxRemaining = size;
        }
        _skip = (size + Block - 1) / Block * Block;
    }

    /// <summary>The size field: octal digits, or base-256 when its first byte has the high bit set; null when malformed or negative.</summary>
    private long? ParseSize()
    {
        ReadOnlySpan<byte> field = _header.AsSpan(124, 12);
        if ((field[0] & 0x80) == 0) return ParseOctal(field);
        if (field[0] != 0x80 || field[1..4].ContainsAnyExcept((byte)0)) return null; // negative, or beyond 2^64
        long value = 0;
        foreach (byte b in field[4..]) value = (value << 8) | b;
        return value is >= 0 and <= long.MaxValue / 2 ? value : null;
    }

    private static long? ParseOctal(ReadOnlySpan<byte> field)
    {
        field = field.Trim((byte)' ').TrimStart((byte)0);
        int end = field.IndexOfAny((byte)0, (byte)' ');
        if (end >= 0) field = field[..end];
        long value = 0;
        foreach (byte b in field)
        {
            if (b is < (byte)'0' or > (byte)'7') return null;
            value = (value << 3) | (long)(b - '0');
        }
        return value;
    }

    /// <summary>Reads the <c>size</c> record of the PAX entry just passed, which sets the next entry's data length.</summary>
    private void EndPax()
    {
        ReadOnlySpan<byte> records = _pax!.GetBuffer().AsSpan(0, (int)_pax.Length);
        _pax = null;
        while (!records.IsEmpty)
        {
            int space = records.IndexOf((byte)' ');
            if (space <= 0 || !Utf8Parser.TryParse(records[..space], out int length, out int used) || used != space || length <= space || length > records.Length)
                return;
            ReadOnlySpan<byte> record = records[(space + 1)..length];
            if (record.StartsWith("size="u8) && Utf8Parser.TryParse(record[5..], out long size, out _) && size >= 0)
                _nextSize = size;
            records = records[length..];
        }
    }
}
