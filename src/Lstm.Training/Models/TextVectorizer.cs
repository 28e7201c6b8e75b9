using Lstm.Training.Text;

namespace Lstm.Training.Models;

/// <summary>
/// Text → padded ids, as Keras's <c>imdb.load_data</c> and <c>pad_sequences</c> give them: the
/// <see cref="TextNormalizer"/> (named and versioned in the vocabulary file), word tokens, the <see cref="Vocabulary"/>
/// (start id 1, out-of-vocabulary id 2, padding id 0), then padding or truncating to <see cref="MaxLength"/> ids at the
/// given sides. The seed's is <c>pad_sequences(maxlen=500)</c>: both at the front.
/// </summary>
/// <param name="Vocabulary">Word ids, built from the training texts.</param>
/// <param name="MaxLength">Ids per row, counting the start id.</param>
/// <param name="Padding">Where short rows get their padding ids.</param>
/// <param name="Truncating">Which end of a long row is cut off.</param>
public sealed record TextVectorizer(Vocabulary Vocabulary, int MaxLength, PaddingSide Padding = PaddingSide.Pre, PaddingSide Truncating = PaddingSide.Pre)
{
    /// <summary>Largest <see cref="MaxLength"/> accepted (a 100k-step row already takes seconds per text).</summary>
    public const int MaxMaxLength = 100_000;

    /// <summary>
    /// The tokenizer, kept by the <see cref="Vocabulary"/>: <c>"words"</c> (whitespace-separated words of the normalised
    /// text) or a subword tokenizer such as <c>"o200k_base"</c> (pieces of the normalised text; see <see cref="SubwordTokenizer"/>).
    /// </summary>
    public string Tokenizer => Vocabulary.Tokenizer;

    /// <summary>Builds the vocabulary of the <paramref name="numWords"/> − 4 most frequent words of <paramref name="texts"/>.</summary>
    public static TextVectorizer Build(IEnumerable<string> texts, int numWords, int maxLength, PaddingSide padding = PaddingSide.Pre, PaddingSide truncating = PaddingSide.Pre) =>
        Build(texts, numWords, maxLength, SubwordTokenizer.Words, padding, truncating);

    /// <summary>
    /// Builds the vocabulary of the <paramref name="numWords"/> − 4 most frequent tokens of <paramref name="texts"/>: words
    /// (<paramref name="tokenizer"/> <see cref="SubwordTokenizer.Words"/>) or subword pieces (e.g. <see cref="SubwordTokenizer.O200kBase"/>).
    /// </summary>
    public static TextVectorizer Build(IEnumerable<string> texts, int numWords, int maxLength, string tokenizer, PaddingSide padding = PaddingSide.Pre, PaddingSide truncating = PaddingSide.Pre)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(tokenizer);
        CheckMaxLength(maxLength);
        var vocabulary = tokenizer == SubwordTokenizer.Words ? Vocabulary.BuildFromTexts(texts, numWords) : Vocabulary.BuildFromPieces(texts, numWords, tokenizer);
        return new TextVectorizer(vocabulary, maxLength, padding, truncating);
    }

    /// <summary>
    /// The share of <paramref name="text"/>'s tokens (words or pieces, all of them, before truncation) that are not in
    /// the vocabulary, from 0 to 1; 0 for a text without tokens. Near 1 means the model never saw such text (e.g. another
    /// language) and its score is not meaningful.
    /// </summary>
    public double UnknownShare(string text)
    {
        var (unknown, tokens) = Vocabulary.CountUnknown(text);
        return tokens == 0 ? 0 : (double)unknown / tokens;
    }

    /// <summary>Normalises, encodes and pads <paramref name="texts"/> (in parallel, order kept) into rows of <see cref="MaxLength"/> ids.</summary>
    public int[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        CheckMaxLength(MaxLength);
        return Vocabulary.EncodePadded(texts, MaxLength, Padding, Truncating, cancellationToken);
    }

    internal static void CheckMaxLength(int maxLength, string paramName = "maxLength")
    {
        if (maxLength is < 1 or > MaxMaxLength) throw new ArgumentOutOfRangeException(paramName, maxLength, $"MaxLength must be in [1, {MaxMaxLength}].");
    }
}
