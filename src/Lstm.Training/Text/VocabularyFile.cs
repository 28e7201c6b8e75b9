using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Lstm.Training.Text;

/// <summary>
/// The JSON file of a <see cref="Vocabulary"/>:
/// <c>{"format":"lstm-mlnet-vocabulary","version":1,"numWords":10000,"normalizer":"lstm-mlnet-words",
/// "normalizerVersion":1,"words":["the","and",…]}</c>; <c>words[k]</c> has id <c>k + 4</c>.
/// </summary>
internal static class VocabularyFile
{
    public const string Format = "lstm-mlnet-vocabulary";
    public const int Version = 1;

    /// <summary>The version of files holding subword pieces (<see cref="SavePieces"/>); words vocabularies stay version 1, byte for byte.</summary>
    public const int PiecesVersion = 2;

    /// <summary>What a version-2 file adds: the subword tokenizer, the library version it came from and the piece ids in rank order.</summary>
    public sealed record Pieces(string Tokenizer, string Version, int[] Ids);

    /// <summary>Writes a subword vocabulary: like <see cref="Save"/>, version 2, with the tokenizer and <c>"pieces"</c> instead of <c>"words"</c>.</summary>
    public static void SavePieces(string path, IReadOnlyList<int> pieceIds, int numWords, string tokenizer, string tokenizerVersion) =>
        Write(path, PiecesVersion, numWords, json =>
        {
            json.WriteString("tokenizer", tokenizer);
            json.WriteString("tokenizerLibrary", SubwordTokenizer.Library);
            json.WriteString("tokenizerVersion", tokenizerVersion);
            json.WriteStartArray("pieces");
            foreach (int piece in pieceIds) json.WriteNumberValue(piece);
            json.WriteEndArray();
        });

    /// <summary>Writes a words vocabulary (version 1), atomically.</summary>
    public static void Save(string path, IReadOnlyList<string> words, int numWords) =>
        Write(path, Version, numWords, json =>
        {
            json.WriteStartArray("words");
            foreach (string word in words) json.WriteStringValue(word);
            json.WriteEndArray();
        });

    private static void Write(string path, int version, int numWords, Action<Utf8JsonWriter> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, stream =>
        {
            var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using var json = new Utf8JsonWriter(stream, options);
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("version", version);
            json.WriteNumber("numWords", numWords);
            json.WriteString("normalizer", TextNormalizer.Name);
            json.WriteNumber("normalizerVersion", TextNormalizer.Version);
            body(json);
            json.WriteEndObject();
        });
    }

    /// <summary>Reads the words (or, version 2, the pieces) and numWords; checks everything except the list's own consistency.</summary>
    public static (string[] Words, int NumWords, Pieces? Pieces) Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = File.ReadAllBytes(path);
        // JsonDocument accepts strings that are not UTF-8 and only fails when one is read, with InvalidOperationException.
        if (!Utf8.IsValid(bytes)) throw Invalid(path, $"it is not UTF-8 text (invalid bytes at offset {InvalidUtf8Offset(bytes):N0})");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"it is not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            try
            {
                return Read(path, document.RootElement);
            }
            catch (InvalidOperationException e)
            {
                // JsonElement throws it on reading a string or property name that escapes a lone surrogate (\ud800).
                throw Invalid(path, "it holds an escaped lone surrogate (such as \\ud800), which is not valid UTF-16", e);
            }
        }
    }

    private static (string[] Words, int NumWords, Pieces? Pieces) Read(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Invalid(path, $"expected a JSON object, found {Describe(root)}");

        string format = GetString(path, root, "format");
        if (format != Format) throw Invalid(path, $"expected \"format\": \"{Format}\", found \"{format}\"");
        int version = GetInt(path, root, "version");
        if (version != Version && version != PiecesVersion) throw Invalid(path, $"format version {version} is not supported; this library reads versions {Version} and {PiecesVersion}");
        int numWords = GetInt(path, root, "numWords");
        if (numWords < 4) throw Invalid(path, $"\"numWords\" is {numWords}; it must be at least 4 (ids 0-3 are reserved)");
        string normalizer = GetString(path, root, "normalizer");
        int normalizerVersion = GetInt(path, root, "normalizerVersion");
        if (normalizer != TextNormalizer.Name || normalizerVersion != TextNormalizer.Version)
            throw Invalid(path, $"it was built for text normaliser \"{normalizer}\" version {normalizerVersion}, but this library implements \"{TextNormalizer.Name}\" version {TextNormalizer.Version}");

        if (version == PiecesVersion) return ([], numWords, ReadPieces(path, root));
        if (!root.TryGetProperty("words", out JsonElement array) || array.ValueKind != JsonValueKind.Array)
            throw Invalid(path, "expected \"words\": an array of strings");
        var words = new string[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.String) throw Invalid(path, $"\"words\"[{i}] should be a string, found {Describe(element)}");
            words[i++] = element.GetString()!;
        }
        return (words, numWords, null);
    }

    private static Pieces ReadPieces(string path, JsonElement root)
    {
        string tokenizer = GetString(path, root, "tokenizer");
        if (!SubwordTokenizer.IsSubword(tokenizer))
            throw Invalid(path, $"its tokenizer \"{tokenizer}\" is not one this library implements ({SubwordTokenizer.O200kBase})");
        string library = GetString(path, root, "tokenizerLibrary");
        if (library != SubwordTokenizer.Library) throw Invalid(path, $"its tokenizer comes from \"{library}\"; this library uses {SubwordTokenizer.Library}");
        string tokenizerVersion = GetString(path, root, "tokenizerVersion");
        if (!root.TryGetProperty("pieces", out JsonElement array) || array.ValueKind != JsonValueKind.Array)
            throw Invalid(path, "expected \"pieces\": an array of piece ids");
        var ids = new int[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement element in array.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out ids[i]))
                throw Invalid(path, $"\"pieces\"[{i}] should be an integer piece id, found {Describe(element)}");
            i++;
        }
        return new Pieces(tokenizer, tokenizerVersion, ids);
    }

    private static int InvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        Utf8.ToUtf16(bytes, new char[bytes.Length], out int read, out _, replaceInvalidSequences: false);
        return read;
    }

    private static string GetString(string path, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement value)) throw Invalid(path, $"the property \"{name}\" is missing");
        if (value.ValueKind != JsonValueKind.String) throw Invalid(path, $"\"{name}\" should be a string, found {Describe(value)}");
        return value.GetString()!;
    }

    private static int GetInt(string path, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement value)) throw Invalid(path, $"the property \"{name}\" is missing");
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
            throw Invalid(path, $"\"{name}\" should be an integer, found {Describe(value)}");
        return number;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {element.GetRawText()}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    private static InvalidDataException Invalid(string path, string problem, Exception? inner = null) =>
        new($"'{path}' is not a valid vocabulary file: {problem}.", inner);
}
