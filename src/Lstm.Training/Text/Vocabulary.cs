using System.Buffers;
using System.Collections.ObjectModel;
using System.Runtime.InteropServices;

namespace Lstm.Training.Text;

/// <summary>
/// Word ids numbered like Keras's <c>imdb.load_data(num_words=…)</c>: 0 padding, 1 start of sequence,
/// 2 out-of-vocabulary, 3 unused, and the word of frequency rank r (1 = most frequent) gets id r + 3; only ids
/// below <see cref="NumWords"/> are kept, so <c>numWords = 10000</c> holds 9,996 words.
/// </summary>
/// <remarks>
/// The tokens are the words of the <see cref="TextNormalizer"/>'s output (<see cref="Tokenizer"/> <c>"words"</c>), or
/// subword pieces of that output under a byte-pair encoding of Microsoft.ML.Tokenizers (<see cref="SubwordTokenizer"/>,
/// e.g. <c>"o200k_base"</c>): then the vocabulary maps the <c>NumWords − 4</c> most frequent piece ids of the training
/// texts (<see cref="PieceIds"/>, in rank order) to ids 4 … and every other piece to <see cref="OovId"/>.
/// </remarks>
public sealed class Vocabulary
{
    /// <summary>Id that fills padded positions (Keras <c>value=0</c>).</summary>
    public const int PaddingId = 0;

    /// <summary>Id put in front of every encoded text (Keras <c>start_char=1</c>).</summary>
    public const int StartId = 1;

    /// <summary>Id of words not in the vocabulary (Keras <c>oov_char=2</c>).</summary>
    public const int OovId = 2;

    /// <summary>Words are numbered from <c>IndexFrom + 1</c>: rank r gets id r + <see cref="IndexFrom"/> (Keras <c>index_from=3</c>).</summary>
    public const int IndexFrom = 3;

    /// <summary>Keras's <c>num_words</c> in the seed program: 10,000.</summary>
    public const int DefaultNumWords = 10_000;

    private const int FirstWordId = IndexFrom + 1;

    private readonly string[] _words;
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _spanIds;
    private readonly int[] _pieceIds = [];
    private readonly Dictionary<int, int>? _pieceToId;

    private Vocabulary(string[] words, int numWords, string tokenizer = SubwordTokenizer.Words, int[]? pieceIds = null, string? tokenizerVersion = null)
    {
        _words = words;
        NumWords = numWords;
        Tokenizer = tokenizer;
        if (pieceIds is not null)
        {
            _pieceIds = pieceIds;
            _pieceToId = new Dictionary<int, int>(pieceIds.Length);
            for (int i = 0; i < pieceIds.Length; i++) _pieceToId.Add(pieceIds[i], i + FirstWordId);
            TokenizerVersion = tokenizerVersion ?? SubwordTokenizer.LibraryVersion;
        }
        PieceIds = new ReadOnlyCollection<int>(_pieceIds);
        _ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) _ids.Add(words[i], i + FirstWordId);
        _spanIds = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Words = new ReadOnlyCollection<string>(_words);
    }

    /// <summary>Ids are below this number (Keras <c>num_words</c>); it is the embedding's input size.</summary>
    public int NumWords { get; }

    /// <summary>
    /// The words in rank order: <c>Words[k]</c> has id <c>k + 4</c>. At most <c>NumWords − 4</c> of them. For a subword
    /// vocabulary, the piece ids of <see cref="PieceIds"/> written as invariant decimal numbers.
    /// </summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary><see cref="SubwordTokenizer.Words"/> (<c>"words"</c>) or the name of a subword tokenizer, e.g. <c>"o200k_base"</c>.</summary>
    public string Tokenizer { get; }

    /// <summary>Whether the tokens are subword pieces rather than words.</summary>
    public bool IsSubword => _pieceToId is not null;

    /// <summary>Subword vocabularies: the version of <see cref="SubwordTokenizer.Library"/> the vocabulary was built with; null for words.</summary>
    public string? TokenizerVersion { get; }

    /// <summary>Subword vocabularies: the tokenizer's piece ids in rank order, <c>PieceIds[k]</c> having id <c>k + 4</c>; empty for words.</summary>
    public IReadOnlyList<int> PieceIds { get; }

    /// <summary>
    /// Counts the words of <paramref name="tokenizedTexts"/> and keeps the most frequent <c>numWords − 4</c>.
    /// Ranks go by count, highest first; equal counts are ordered by ordinal (UTF-16 code unit) comparison of
    /// the words, so the result never depends on input order or culture.
    /// </summary>
    /// <param name="tokenizedTexts">Each text's tokens, e.g. from <see cref="TextNormalizer.Tokenize"/>; usually the training split only.</param>
    /// <param name="numWords">Ids are below this number. Default 10,000; at least 4.</param>
    public static Vocabulary Build(IEnumerable<IReadOnlyList<string>> tokenizedTexts, int numWords = DefaultNumWords)
    {
        ArgumentNullException.ThrowIfNull(tokenizedTexts);
        CheckNumWords(numWords);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (IReadOnlyList<string> tokens in tokenizedTexts)
        {
            ArgumentNullException.ThrowIfNull(tokens, nameof(tokenizedTexts));
            for (int i = 0; i < tokens.Count; i++)
            {
                string token = tokens[i];
                if (string.IsNullOrEmpty(token)) throw new ArgumentException("Tokens must not be null or empty.", nameof(tokenizedTexts));
                CollectionsMarshal.GetValueRefOrAddDefault(counts, token, out _)++;
            }
        }
        return new Vocabulary(TopWords(counts, numWords - FirstWordId), numWords);
    }

    /// <summary>
    /// Normalises and tokenises each text with <see cref="TextNormalizer"/>, then builds the vocabulary as
    /// <see cref="Build"/> does, without allocating a string per token.
    /// </summary>
    /// <param name="texts">Raw texts, usually the training split only.</param>
    /// <param name="numWords">Ids are below this number. Default 10,000; at least 4.</param>
    public static Vocabulary BuildFromTexts(IEnumerable<string> texts, int numWords = DefaultNumWords)
    {
        ArgumentNullException.ThrowIfNull(texts);
        CheckNumWords(numWords);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        char[] buffer = [];
        try
        {
            foreach (string text in texts)
            {
                ArgumentNullException.ThrowIfNull(text, nameof(texts));
                if (buffer.Length < text.Length)
                {
                    if (buffer.Length > 0) ArrayPool<char>.Shared.Return(buffer);
                    buffer = ArrayPool<char>.Shared.Rent(text.Length);
                }
                int length = TextNormalizer.Normalize(text, buffer);
                foreach (Range word in buffer.AsSpan(0, length).Split(' '))
                {
                    ReadOnlySpan<char> span = buffer.AsSpan(0, length)[word];
                    if (!span.IsEmpty) CollectionsMarshal.GetValueRefOrAddDefault(lookup, span, out _)++;
                }
            }
        }
        finally
        {
            if (buffer.Length > 0) ArrayPool<char>.Shared.Return(buffer);
        }
        return new Vocabulary(TopWords(counts, numWords - FirstWordId), numWords);
    }

    /// <summary>
    /// Normalises each text with <see cref="TextNormalizer"/>, splits it into pieces with the subword tokenizer
    /// <paramref name="tokenizer"/> (see <see cref="SubwordTokenizer"/>) and keeps the <paramref name="numWords"/> − 4 most
    /// frequent piece ids; equal counts are ordered by piece id.
    /// </summary>
    /// <param name="texts">Raw texts, usually the training split only.</param>
    /// <param name="numWords">Ids are below this number; at least 4.</param>
    /// <param name="tokenizer">A subword tokenizer's name. Default <see cref="SubwordTokenizer.O200kBase"/>.</param>
    public static Vocabulary BuildFromPieces(IEnumerable<string> texts, int numWords = DefaultNumWords, string tokenizer = SubwordTokenizer.O200kBase)
    {
        ArgumentNullException.ThrowIfNull(texts);
        CheckNumWords(numWords);
        if (!SubwordTokenizer.IsSubword(tokenizer)) throw new ArgumentException($"'{tokenizer}' is not a subword tokenizer.", nameof(tokenizer));
        var counts = new Dictionary<int, int>();
        foreach (string text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            foreach (int piece in SubwordTokenizer.EncodePieces(tokenizer, TextNormalizer.Normalize(text))) CollectionsMarshal.GetValueRefOrAddDefault(counts, piece, out _)++;
        }
        var ranked = counts.ToArray();
        Array.Sort(ranked, static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        return FromPieces([.. ranked.Take(numWords - FirstWordId).Select(p => p.Key)], numWords, tokenizer);
    }

    /// <summary>A subword vocabulary from piece ids already in rank order: <c>pieceIds[k]</c> gets id <c>k + 4</c>; ids beyond the first <c>numWords − 4</c> are dropped.</summary>
    /// <param name="pieceIds">Piece ids of <paramref name="tokenizer"/>, most frequent first; each non-negative and distinct.</param>
    /// <param name="numWords">Ids are below this number; at least 4.</param>
    /// <param name="tokenizer">A subword tokenizer's name, e.g. <see cref="SubwordTokenizer.O200kBase"/>.</param>
    /// <param name="tokenizerVersion">The version of <see cref="SubwordTokenizer.Library"/> the ids come from; null for this build's.</param>
    /// <exception cref="ArgumentException">The tokenizer is unknown, or a piece id is negative or appears twice.</exception>
    public static Vocabulary FromPieces(IReadOnlyList<int> pieceIds, int numWords, string tokenizer = SubwordTokenizer.O200kBase, string? tokenizerVersion = null)
    {
        ArgumentNullException.ThrowIfNull(pieceIds);
        CheckNumWords(numWords);
        if (!SubwordTokenizer.IsSubword(tokenizer))
            throw new ArgumentException($"'{tokenizer}' is not a subword tokenizer this library implements ({SubwordTokenizer.O200kBase}).", nameof(tokenizer));
        var kept = new int[Math.Min(pieceIds.Count, numWords - FirstWordId)];
        var seen = new HashSet<int>();
        for (int i = 0; i < kept.Length; i++)
        {
            if (pieceIds[i] < 0) throw new ArgumentException($"Piece id {i} is negative ({pieceIds[i]}).", nameof(pieceIds));
            if (!seen.Add(pieceIds[i])) throw new ArgumentException($"Piece id {pieceIds[i]} appears twice.", nameof(pieceIds));
            kept[i] = pieceIds[i];
        }
        return new Vocabulary([.. kept.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))], numWords, tokenizer, kept, tokenizerVersion);
    }

    /// <summary>
    /// A vocabulary from words already in rank order (e.g. imported from Keras's word index): <c>words[k]</c> gets
    /// id <c>k + 4</c>. Words beyond the first <c>numWords − 4</c> are dropped, as <c>load_data</c> does.
    /// </summary>
    /// <param name="words">Words, most frequent first; each non-empty, without whitespace, and distinct.</param>
    /// <param name="numWords">Ids are below this number. Default 10,000; at least 4.</param>
    /// <exception cref="ArgumentException">A word is empty, contains whitespace, or appears twice.</exception>
    public static Vocabulary FromWords(IReadOnlyList<string> words, int numWords = DefaultNumWords)
    {
        ArgumentNullException.ThrowIfNull(words);
        CheckNumWords(numWords);
        var kept = new string[Math.Min(words.Count, numWords - FirstWordId)];
        var seen = new Dictionary<string, int>(kept.Length, StringComparer.Ordinal);
        for (int i = 0; i < kept.Length; i++)
        {
            string word = words[i];
            if (string.IsNullOrEmpty(word)) throw new ArgumentException($"Word {i} is empty.", nameof(words));
            if (ContainsWhitespace(word))
                throw new ArgumentException($"Word {i} ('{word}') contains whitespace; tokens never do.", nameof(words));
            if (!seen.TryAdd(word, i)) throw new ArgumentException($"Word '{word}' appears twice, at positions {seen[word]} and {i}.", nameof(words));
            kept[i] = word;
        }
        return new Vocabulary(kept, numWords);
    }

    /// <summary>Subword vocabularies: the id of the tokenizer's piece <paramref name="pieceId"/>, or <see cref="OovId"/> when it is not in the vocabulary.</summary>
    public int GetPieceId(int pieceId) => _pieceToId is not null && _pieceToId.TryGetValue(pieceId, out int id) ? id : OovId;

    /// <summary>The id of <paramref name="word"/>, or <see cref="OovId"/> when it is not in the vocabulary.</summary>
    public int GetId(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _ids.TryGetValue(word, out int id) ? id : OovId;
    }

    /// <summary>The id of <paramref name="word"/>, or <see cref="OovId"/> when it is not in the vocabulary; allocates nothing.</summary>
    public int GetId(ReadOnlySpan<char> word) => _spanIds.TryGetValue(word, out int id) ? id : OovId;

    /// <summary>
    /// <c>[StartId, id(tokens[0]), id(tokens[1]), …]</c>, as <c>imdb.load_data</c> encodes a review (not padded; see
    /// <see cref="PadSequences"/>).
    /// </summary>
    public int[] Encode(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new int[tokens.Count + 1];
        ids[0] = StartId;
        for (int i = 0; i < tokens.Count; i++) ids[i + 1] = GetId(tokens[i]);
        return ids;
    }

    /// <summary>
    /// The network's input for raw texts, as Keras's IMDB pipeline builds it: each text <see cref="Encode(string)"/>d
    /// (in parallel; order kept), then <see cref="PadSequences.Pad"/>ded to <paramref name="maxLen"/> ids.
    /// </summary>
    public int[][] EncodePadded(IReadOnlyList<string> texts, int maxLen, PaddingSide padding = PaddingSide.Pre,
        PaddingSide truncating = PaddingSide.Pre, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ids = new int[texts.Count][];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => ids[i] = Encode(texts[i]));
        return PadSequences.Pad(ids, maxLen, padding, truncating, PaddingId);
    }

    /// <summary>Normalises and tokenises <paramref name="text"/> with <see cref="TextNormalizer"/>, then encodes it like <see cref="Encode(IReadOnlyList{string})"/>.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsSubword) return EncodeNormalized(TextNormalizer.Normalize(text));
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            return EncodeNormalized(buffer.AsSpan(0, TextNormalizer.Normalize(text, buffer)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Encodes text already normalised by <see cref="TextNormalizer"/> (words separated by single spaces):
    /// <c>[StartId, id(token 1), …]</c>, the tokens being words or subword pieces as <see cref="Tokenizer"/> says.
    /// </summary>
    public int[] EncodeNormalized(ReadOnlySpan<char> normalized)
    {
        if (IsSubword)
        {
            var pieces = SubwordTokenizer.EncodePieces(Tokenizer, normalized);
            var result = new int[pieces.Count + 1];
            result[0] = StartId;
            for (int i = 0; i < pieces.Count; i++) result[i + 1] = GetPieceId(pieces[i]);
            return result;
        }
        int count = normalized.IsEmpty ? 0 : normalized.Count(' ') + 1;
        var ids = new int[count + 1];
        ids[0] = StartId;
        int next = 1;
        foreach (Range word in normalized.Split(' '))
        {
            if (next > count) break;
            ids[next++] = GetId(normalized[word]);
        }
        return ids;
    }

    /// <summary>
    /// How many of <paramref name="text"/>'s tokens (words or pieces, before truncation) are outside the vocabulary,
    /// and how many tokens it has: the "unknown text" signal (a text in another language than the training texts
    /// is mostly unknown).
    /// </summary>
    public (int Unknown, int Tokens) CountUnknown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CountUnknownNormalized(TextNormalizer.Normalize(text));
    }

    /// <summary><see cref="CountUnknown"/> for text already normalised by <see cref="TextNormalizer"/>.</summary>
    public (int Unknown, int Tokens) CountUnknownNormalized(ReadOnlySpan<char> normalized)
    {
        int[] ids = EncodeNormalized(normalized);
        int unknown = 0;
        for (int i = 1; i < ids.Length; i++)
        {
            if (ids[i] == OovId) unknown++;
        }
        return (unknown, ids.Length - 1);
    }

    /// <summary>
    /// Writes the vocabulary as JSON (atomically): <c>{"format":"lstm-mlnet-vocabulary","version":1,"numWords":…,
    /// "normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[…]}</c>, words in rank order.
    /// </summary>
    /// <remarks>A subword vocabulary is written as version 2, with <c>"tokenizer"</c>, <c>"tokenizerLibrary"</c>,
    /// <c>"tokenizerVersion"</c> and <c>"pieces"</c> (the piece ids in rank order) instead of <c>"words"</c>.</remarks>
    public void Save(string path)
    {
        if (IsSubword) VocabularyFile.SavePieces(path, _pieceIds, NumWords, Tokenizer, TokenizerVersion!);
        else VocabularyFile.Save(path, _words, NumWords);
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of what decides the ids: the normaliser's name and version, <see cref="NumWords"/> and the
    /// words in order. Models record it, so that a run folder's vocabulary file can be checked against its model.
    /// </summary>
    public string ContentHash
    {
        get
        {
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            if (IsSubword) hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"tokenizer {Tokenizer}\n"));
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{TextNormalizer.Name}\n{TextNormalizer.Version}\n{NumWords}\n"));
            foreach (string word in _words) hash.AppendData(System.Text.Encoding.UTF8.GetBytes(word + "\n"));
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not such a vocabulary; the message names the file and the problem.</exception>
    public static Vocabulary Load(string path)
    {
        (string[] words, int numWords, VocabularyFile.Pieces? pieces) = VocabularyFile.Load(path);
        try
        {
            if (pieces is not null)
            {
                if (pieces.Ids.Length > numWords - FirstWordId)
                    throw new ArgumentException($"numWords {numWords} is too small for {pieces.Ids.Length} pieces.");
                return FromPieces(pieces.Ids, numWords, pieces.Tokenizer, pieces.Version);
            }
            if (words.Length > numWords - FirstWordId)
                throw new ArgumentException($"numWords {numWords} is too small for {words.Length} words: ids run from 4 to numWords - 1, so at most {Math.Max(0, numWords - FirstWordId)} words fit.");
            return FromWords(words, numWords);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid vocabulary: {e.Message}", e);
        }
    }

    private static void CheckNumWords(int numWords)
    {
        if (numWords < FirstWordId)
            throw new ArgumentOutOfRangeException(nameof(numWords), numWords, "numWords must be at least 4: ids 0-3 are reserved.");
    }

    private static bool ContainsWhitespace(string word)
    {
        foreach (char c in word)
        {
            if (char.IsWhiteSpace(c)) return true;
        }
        return false;
    }

    private static string[] TopWords(Dictionary<string, int> counts, int capacity)
    {
        var ranked = counts.ToArray();
        Array.Sort(ranked, static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        var words = new string[Math.Min(capacity, ranked.Length)];
        for (int i = 0; i < words.Length; i++) words[i] = ranked[i].Key;
        return words;
    }
}
