using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.ML.Tokenizers;

namespace Lstm.Training.Text;

/// <summary>
/// The tokenizers a <see cref="Vocabulary"/> can use: <see cref="Words"/> (the words of the <see cref="TextNormalizer"/>'s
/// output, the default and what every model saved before subword pieces existed uses) or subword pieces of a
/// byte-pair encoding from Microsoft.ML.Tokenizers, today <see cref="O200kBase"/> (OpenAI's o200k_base, through
/// <c>TiktokenTokenizer.CreateForEncoding</c>).
/// </summary>
/// <remarks>
/// Pieces are taken from the <see cref="TextNormalizer"/>'s output, as words are: lower-cased, HTML tags and punctuation
/// replaced by single spaces. The same normaliser (named and versioned in every model) keeps one preprocessing rule for
/// both tokenizers and strips IMDB-style markup. Unicode NFKC was not added: it maps the Hangul compatibility jamo that
/// Korean reviews are full of (ㅋㅋ, ㅠㅠ) to conjoining jamo, which the byte-pair encoding then splits into rarer pieces.
/// </remarks>
public static class SubwordTokenizer
{
    /// <summary>The words tokenizer: whitespace-separated words of the normalised text.</summary>
    public const string Words = "words";

    /// <summary>OpenAI's o200k_base byte-pair encoding (Microsoft.ML.Tokenizers.Data.O200kBase).</summary>
    public const string O200kBase = "o200k_base";

    /// <summary>The library that implements the subword tokenizers, recorded in vocabularies and ONNX metadata.</summary>
    public const string Library = "Microsoft.ML.Tokenizers";

    private static readonly ConcurrentDictionary<string, Lazy<Tokenizer>> Tokenizers = new(StringComparer.Ordinal);

    /// <summary>The version of <see cref="Library"/> this build uses (e.g. <c>2.0.1</c>).</summary>
    public static string LibraryVersion { get; } = ReadLibraryVersion();

    /// <summary>Whether <paramref name="name"/> is a subword tokenizer this library implements.</summary>
    public static bool IsSubword(string name) => name == O200kBase;

    /// <summary>Whether <paramref name="name"/> is <see cref="Words"/> or a subword tokenizer this library implements.</summary>
    public static bool IsKnown(string name) => name == Words || IsSubword(name);

    /// <summary>The piece ids of <paramref name="normalizedText"/> (the <see cref="TextNormalizer"/>'s output) under the subword tokenizer <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a subword tokenizer.</exception>
    public static IReadOnlyList<int> EncodePieces(string name, ReadOnlySpan<char> normalizedText) =>
        normalizedText.IsEmpty ? [] : Get(name).EncodeToIds(normalizedText, considerPreTokenization: true, considerNormalization: true);

    /// <summary>The text of piece <paramref name="pieceId"/> (for display; a piece may hold part of a UTF-8 sequence).</summary>
    public static string DecodePiece(string name, int pieceId) => Get(name).Decode([pieceId]) ?? string.Empty;

    private static Tokenizer Get(string name)
    {
        if (!IsSubword(name)) throw new ArgumentException($"'{name}' is not a subword tokenizer; this library implements '{O200kBase}'.", nameof(name));
        return Tokenizers.GetOrAdd(name, n => new Lazy<Tokenizer>(() => TiktokenTokenizer.CreateForEncoding(n))).Value;
    }

    private static string ReadLibraryVersion()
    {
        var assembly = typeof(TiktokenTokenizer).Assembly;
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
