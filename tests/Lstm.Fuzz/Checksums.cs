using System.Security.Cryptography;

namespace Lstm.Fuzz;

/// <summary>
/// Today's model files (magic <c>LSTMNET3</c>) and checkpoints (<c>LSTMCKP2</c>) end with the SHA-256 of what precedes
/// it. Their seeds are kept without it and the harness appends it to every input of that format, so that afl's mutations
/// reach the readers' parsing and checks past the checksum instead of being refused by it; inputs of the older formats
/// (and any others) are used as they are.
/// </summary>
internal static class Checksums
{
    /// <summary><paramref name="input"/> with its SHA-256 appended when it starts with <paramref name="magic"/>, else as it is.</summary>
    public static byte[] Complete(byte[] input, ReadOnlySpan<byte> magic) =>
        input.AsSpan().StartsWith(magic) ? [.. input, .. SHA256.HashData(input)] : input;

    /// <summary>A file of the checksummed format without its checksum (the form seeds are kept in).</summary>
    public static byte[] Strip(byte[] file, ReadOnlySpan<byte> magic) =>
        file.AsSpan().StartsWith(magic) && file.Length >= SHA256.HashSizeInBytes ? file[..^SHA256.HashSizeInBytes] : file;
}
