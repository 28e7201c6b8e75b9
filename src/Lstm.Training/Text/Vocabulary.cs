using System.Buffers;
using System.Collections.ObjectModel;
using System.Runtime.InteropServices;

namespace Lstm.Training.Text;

/// <summary>
/// Word ids numbered like Keras's <c>imdb.load_data(num_words=…)</c>: 0 padding, 1 start of sequence,
/// 2 out-of-vocabulary, 3 unused, and the word of frequency rank r (1 = most frequent) gets id r + 3; only ids
/// below <see cref="NumWords"/> are kept, so <c>numWords = 10000</c> holds 9,996 words.
/// </summary>
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

    private Vocabulary(string[] words, int numWords)
    {
        _words = words;
        NumWords = numWords;
        _ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++) _ids.Add(words[i], i + FirstWordId);
        _spanIds = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Words = new ReadOnlyCollection<string>(_words);
    }

    /// <summary>Ids are below this number (Keras <c>num_words</c>); it is the embedding's input size.</summary>
    public int NumWords { get; }

    /// <summary>The words in rank order: <c>Words[k]</c> has id <c>k + 4</c>. At most <c>NumWords − 4</c> of them.</summary>
    public IReadOnlyList<string> Words { get; }

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
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            ReadOnlySpan<char> normalized = buffer.AsSpan(0, TextNormalizer.Normalize(text, buffer));
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
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes the vocabulary as JSON (atomically): <c>{"format":"lstm-mlnet-vocabulary","version":1,"numWords":…,
    /// "normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[…]}</c>, words in rank order.
    /// </summary>
    public void Save(string path) => VocabularyFile.Save(path, _words, NumWords);

    /// <summary>
    /// SHA-256 (lower-case hex) of what decides the ids: the normaliser's name and version, <see cref="NumWords"/> and the
    /// words in order. Models record it, so that a run folder's vocabulary file can be checked against its model.
    /// </summary>
    public string ContentHash
    {
        get
        {
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{TextNormalizer.Name}\n{TextNormalizer.Version}\n{NumWords}\n"));
            foreach (string word in _words) hash.AppendData(System.Text.Encoding.UTF8.GetBytes(word + "\n"));
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not such a vocabulary; the message names the file and the problem.</exception>
    public static Vocabulary Load(string path)
    {
        (string[] words, int numWords) = VocabularyFile.Load(path);
        try
        {
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
