using System.Security.Cryptography;

namespace Lstm.Training;

/// <summary>
/// A section of a binary file followed by the SHA-256 of its bytes: written through <see cref="Write"/>, checked by
/// <see cref="Read{T}"/>, so that a flipped bit or a truncated file is refused on load rather than used.
/// </summary>
internal static class ChecksummedSection
{
    /// <summary>Writes what <paramref name="write"/> writes to <paramref name="destination"/>, then the SHA-256 of those bytes.</summary>
    public static void Write(Stream destination, Action<Stream> write)
    {
        using var hashing = new HashingStream(destination);
        write(hashing);
        destination.Write(hashing.Hash());
    }

    /// <summary>
    /// Parses a section with <paramref name="read"/> from <paramref name="source"/>, then checks the SHA-256 that follows it.
    /// </summary>
    /// <exception cref="InvalidDataException">The checksum does not match (the file was changed or damaged) or is missing.</exception>
    public static T Read<T>(Stream source, string name, Func<Stream, T> read)
    {
        using var hashing = new HashingStream(source);
        T value = read(hashing);
        byte[] expected = hashing.Hash();
        Span<byte> stored = stackalloc byte[32];
        try
        {
            source.ReadExactly(stored);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{name}: the file is truncated (its checksum is missing).", e);
        }
        if (!stored.SequenceEqual(expected))
            throw new InvalidDataException($"{name}: the checksum does not match the contents; the file was changed or damaged after it was written.");
        return value;
    }

    /// <summary>
    /// Checks a whole file whose last 32 bytes are the SHA-256 of the bytes before them; returns the length of those bytes.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is shorter than a checksum, or the checksum does not match.</exception>
    public static int Verify(byte[] bytes, string name)
    {
        if (bytes.Length < 32) throw new InvalidDataException($"{name}: the file is truncated (its checksum is missing).");
        int body = bytes.Length - 32;
        if (!SHA256.HashData(bytes.AsSpan(0, body)).AsSpan().SequenceEqual(bytes.AsSpan(body)))
            throw new InvalidDataException($"{name}: the checksum does not match the contents; the file was changed, damaged or truncated after it was written.");
        return body;
    }

    /// <summary>A pass-through stream that hashes every byte read or written.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public byte[] Hash() => _hash.GetHashAndReset();

        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => false;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int n = inner.Read(buffer);
            _hash.AppendData(buffer[..n]);
            return n;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            inner.Write(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
