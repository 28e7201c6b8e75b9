using System.IO.Compression;
using System.Text;
using Lstm.Training.Embeddings;

namespace Lstm.Training.Data;

/// <summary>
/// Reads unlabelled texts, one per line (UTF-8; gzipped when the name ends in <c>.gz</c>), e.g. for word2vec to learn
/// from besides the training texts. Blank lines are skipped. A line may hold at most <see cref="MaxLineLength"/>
/// characters and a file at most <see cref="MaxTexts"/> texts, so that a wrong file fails fast instead of filling memory.
/// </summary>
public static class UnlabelledTextFile
{
    /// <summary>Longest line read (16 Mi characters, the IMDB readers' cap on one review).</summary>
    public const int MaxLineLength = 16 * 1024 * 1024;

    /// <summary>Most texts read from one file.</summary>
    public const int MaxTexts = 10_000_000;

    /// <summary>The non-blank lines of <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A line is too long, there are too many, the file is not valid UTF-8 or gzip, or it holds no text; the message names the file and line.</exception>
    public static IReadOnlyList<string> Read(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file of unlabelled texts.", path);
        var texts = new List<string>();
        long lineNumber = 0;
        try
        {
            using Stream file = File.OpenRead(path);
            using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var lines = new BoundedLineReader(reader, MaxLineLength);
            while (lines.TryReadLine(out var line))
            {
                lineNumber = lines.LineNumber;
                if ((lineNumber & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
                if (line.IsWhiteSpace()) continue;
                if (texts.Count == MaxTexts) throw new InvalidDataException($"{path}:{lineNumber}: more than {MaxTexts:N0} texts; split the file.");
                texts.Add(line.ToString());
            }
        }
        catch (LineTooLongException)
        {
            throw new InvalidDataException($"{path}:{lineNumber + 1}: a line longer than {MaxLineLength:N0} characters; expected one text per line.");
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{path}: not valid UTF-8 near line {lineNumber + 1}.", e);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: not a valid gzip file ({e.Message}).", e);
        }
        if (texts.Count == 0) throw new InvalidDataException($"{path}: holds no text (expected one text per line).");
        return texts;
    }
}
