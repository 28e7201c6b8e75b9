using System.Globalization;
using System.IO.Compression;
using System.Text;
using Lstm.Training.Models;

namespace Lstm.Training.Embeddings;

/// <summary>
/// Reads word vectors in the common text formats: word2vec text (<c>.txt</c>/<c>.vec</c>, as fastText also writes it:
/// an optional first line <c>"count dimensions"</c>, then one <c>"word v1 … vd"</c> line per word) and GloVe (the same
/// lines without the header). Fields are separated by spaces or tabs; a trailing separator, <c>\r\n</c> line ends, blank
/// lines and a UTF-8 byte order mark are accepted. A path ending in <c>.gz</c> is decompressed while read.
/// </summary>
/// <remarks>
/// A first line of exactly two non-negative integers is taken as the header (as gensim does), so a headerless file of
/// one-dimensional vectors whose first word is a number cannot be read. Words containing spaces are not supported.
/// </remarks>
public static class WordVectorsFile
{
    /// <summary>Longest vector accepted: <see cref="NetworkSpec.MaxEmbeddingDim"/>.</summary>
    public const int MaxDimensions = NetworkSpec.MaxEmbeddingDim;

    /// <summary>Longest line accepted, in characters; a longer line is refused before it is read whole.</summary>
    public const int MaxLineLength = 1_000_000;

    /// <summary>Reads the vectors in the file at <paramref name="path"/> (gzip-compressed if the name ends in <c>.gz</c>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxWords">Read only the first this many vector lines (files are usually sorted by frequency); null = all.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <returns>The vectors; a word that appears again keeps its first vector, and the repeats are counted in <see cref="PretrainedVectors.DuplicateWords"/>.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">
    /// The file has no vectors, a line has the wrong number of fields, a value is not a finite number, the dimension is
    /// inconsistent or above <see cref="MaxDimensions"/>, a line is longer than <see cref="MaxLineLength"/>, the header's
    /// count disagrees with the lines, or the text is not UTF-8; the message names the file, the line and the field.
    /// </exception>
    public static PretrainedVectors Read(string path, int? maxWords = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"No word vector file at '{path}'.", path);
        using Stream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, maxWords, ct);
    }

    /// <summary>Reads vectors from <paramref name="reader"/>, as <see cref="Read(string, int?, CancellationToken)"/> reads a file.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">What to call the text in messages, e.g. its file name.</param>
    /// <param name="maxWords">Read only the first this many vector lines; null = all.</param>
    /// <param name="ct">Cancels the read.</param>
    public static PretrainedVectors Read(TextReader reader, string sourceName, int? maxWords = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (maxWords is < 1) throw new ArgumentOutOfRangeException(nameof(maxWords), maxWords, "maxWords must be at least 1 (or null for all).");
        var lines = new BoundedLineReader(reader, MaxLineLength);
        try
        {
            return Parse(lines, sourceName, maxWords, ct);
        }
        catch (LineTooLongException e)
        {
            throw new InvalidDataException($"'{sourceName}', line {e.LineNumber}: longer than {MaxLineLength:N0} characters; this is not a word vector file (or a vector is absurdly long).", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"'{sourceName}', near line {lines.LineNumber + 1}: not valid UTF-8.", e);
        }
    }

    private static PretrainedVectors Parse(BoundedLineReader lines, string source, int? maxWords, CancellationToken ct)
    {
        Range[] fieldBuffer = new Range[MaxDimensions + 2];
        PretrainedVectors? vectors = null;
        long? promised = null;
        long vectorLines = 0;
        while ((maxWords is null || vectorLines < maxWords) && lines.TryReadLine(out ReadOnlySpan<char> line))
        {
            if ((lines.LineNumber & 0x3FF) == 0) ct.ThrowIfCancellationRequested();
            int count = SplitFields(line, fieldBuffer, out bool tooMany);
            if (count == 0) continue; // blank line
            Span<Range> fields = fieldBuffer.AsSpan(0, count);
            if (vectors is null)
            {
                if (count == 2 && TryParseCount(line[fields[0]], out long header) && TryParseCount(line[fields[1]], out long headerDim))
                {
                    if (headerDim is < 1 or > MaxDimensions)
                        throw Error(source, lines.LineNumber, $"the header says {headerDim} dimensions; supported are 1 to {MaxDimensions}.");
                    if (header == 0) throw Error(source, lines.LineNumber, "the header says the file holds 0 vectors: nothing to read.");
                    promised = header;
                    vectors = new PretrainedVectors((int)headerDim);
                    continue;
                }
                if (tooMany || count - 1 > MaxDimensions)
                    throw Error(source, lines.LineNumber, $"more than {MaxDimensions} values after the word; supported are 1 to {MaxDimensions} dimensions.");
                if (count < 2)
                    throw Error(source, lines.LineNumber, "a single field; expected a word followed by its vector's values (or a header \"count dimensions\").");
                vectors = new PretrainedVectors(count - 1);
            }
            int dim = vectors.Dimensions;
            if (tooMany || count != dim + 1)
            {
                string found = tooMany ? $"more than {fieldBuffer.Length - 1}" : (count - 1).ToString(CultureInfo.InvariantCulture);
                throw Error(source, lines.LineNumber, $"{found} values after the word; expected {dim}" +
                    (promised is null ? " (as on the first line)." : " (as the header says).") +
                    (count > dim + 1 ? " A word containing spaces is not supported." : ""));
            }
            vectorLines++;
            string word = new(line[fields[0]]);
            var vector = new float[dim];
            for (int i = 0; i < dim; i++)
            {
                ReadOnlySpan<char> text = line[fields[i + 1]];
                if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
                    throw FieldError(source, lines.LineNumber, i + 2, fields[i + 1].Start.Value + 1, $"'{Shorten(text)}' is not a number.");
                if (!float.IsFinite(value))
                    throw FieldError(source, lines.LineNumber, i + 2, fields[i + 1].Start.Value + 1, $"'{Shorten(text)}' is not a finite number (NaN, infinity, or beyond float's range).");
                vector[i] = value;
            }
            if (!vectors.TryAdd(word, vector)) vectors.DuplicateWords++;
        }
        if (vectors is null || vectorLines == 0)
            throw new InvalidDataException($"'{source}' holds no word vectors" + (vectors is null ? " (it is empty or blank)." : " (only a header)."));
        if (promised is { } n && maxWords is null && vectorLines != n)
            throw new InvalidDataException($"'{source}': the header promises {n} vectors, but the file has {vectorLines}; it may be truncated.");
        return vectors;
    }

    /// <summary>Splits on spaces and tabs, skipping empty fields; <paramref name="tooMany"/> when there are more than the buffer holds.</summary>
    private static int SplitFields(ReadOnlySpan<char> line, Range[] buffer, out bool tooMany)
    {
        int count = 0;
        int i = 0;
        tooMany = false;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] is ' ' or '\t') i++;
            if (i == line.Length) break;
            int start = i;
            while (i < line.Length && line[i] is not (' ' or '\t')) i++;
            if (count == buffer.Length)
            {
                tooMany = true;
                return count;
            }
            buffer[count++] = new Range(start, i);
        }
        return count;
    }

    private static bool TryParseCount(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? new string(text) : new string(text[..40]) + "…";

    private static InvalidDataException Error(string source, long line, string message) =>
        new($"'{source}', line {line}: {message}");

    private static InvalidDataException FieldError(string source, long line, int field, int column, string message) =>
        new($"'{source}', line {line}, field {field} (column {column}): {message}");
}
