using System.Buffers;
using System.Globalization;
using System.Text;

namespace Lstm.Training.Text;

/// <summary>
/// Turns review text into lower-case words separated by single spaces, so that splitting the result on
/// whitespace gives the tokens (what the exported ONNX graph does with <c>StringSplit</c>). The trainer and
/// the ML.NET scorer both call this, so a model always sees text normalised the same way. See <see cref="Rule"/>.
/// </summary>
/// <remarks>
/// Examples: <c>"This movie was GREAT!&lt;br /&gt;&lt;br /&gt;I'd watch it again, 10/10."</c> →
/// <c>"this movie was great i'd watch it again 10 10"</c>; <c>"'Quoted' rock’n’roll"</c> → <c>"quoted rock'n'roll"</c>;
/// <c>"a &lt; b"</c> → <c>"a b"</c>; <c>"Über 한국어"</c> → <c>"über 한국어"</c>.
/// </remarks>
public static class TextNormalizer
{
    /// <summary>Name of this normalisation rule, stored in vocabularies and ONNX metadata.</summary>
    public const string Name = "lstm-mlnet-words";

    /// <summary>Version of the rule; it changes whenever the output for some input changes.</summary>
    public const int Version = 1;

    /// <summary>The exact rule, in words, for reimplementations in other languages (also in ONNX metadata).</summary>
    public const string Rule =
        "Lower-case each code point on its own with the Unicode simple lowercase mapping (.NET invariant culture; " +
        "U+0130 is left unchanged). Replace each HTML tag, i.e. each match of the regex <[A-Za-z/][^<>]*> " +
        "(a '<' that does not start one, as in 'a < b' or '<3', is an ordinary character), by a space. " +
        "A word character is a code point of Unicode general category L*, N*, Mn, Mc or Me. An apostrophe " +
        "(U+0027 or U+2019) with a word character directly on both sides is kept, written as U+0027; " +
        "every other character, including unpaired surrogates, separates words. Output the maximal runs of " +
        "word characters and kept apostrophes, joined by single spaces, with no leading or trailing space.";

    private const int StackLimit = 512;

    /// <summary>Normalises <paramref name="text"/> as described by <see cref="Rule"/>; empty when it has no words.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Normalize(text.AsSpan());
    }

    /// <summary>Normalises <paramref name="text"/> as described by <see cref="Rule"/>; empty when it has no words.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return string.Empty;
        char[]? rented = null;
        Span<char> buffer = text.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            int written = Normalize(text, buffer);
            return new string(buffer[..written]);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes the normalised form of <paramref name="text"/> into <paramref name="destination"/> and returns the
    /// number of characters written. The output is never longer than the input, so a destination of
    /// <c>text.Length</c> characters always suffices.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="text"/>.</exception>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        if (destination.Length < text.Length)
            throw new ArgumentException($"The destination holds {destination.Length} characters; it needs at least the text's length, {text.Length}.", nameof(destination));

        int written = 0;
        bool inWord = false; // the previous input character was a word character (or a kept apostrophe)
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (!inWord && written > 0) destination[written++] = ' ';
                destination[written++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                inWord = true;
                i++;
                continue;
            }
            if (c == '\'' || c == '\u2019')
            {
                if (inWord && IsWordCharacterAt(text, i + 1))
                {
                    destination[written++] = '\'';
                }
                else
                {
                    inWord = false;
                }
                i++;
                continue;
            }
            if (c == '<')
            {
                int end = FindTagEnd(text, i);
                i = end < 0 ? i + 1 : end + 1;
                inWord = false;
                continue;
            }
            if (c < 0x80)
            {
                inWord = false;
                i++;
                continue;
            }

            // Non-ASCII: decode one code point (a surrogate pair, or an unpaired surrogate that separates words).
            if (Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed) == OperationStatus.Done && IsWordCharacter(rune))
            {
                if (!inWord && written > 0) destination[written++] = ' ';
                Rune lower = Rune.ToLowerInvariant(rune);
                if (lower.Utf16SequenceLength != consumed) lower = rune; // never happens with .NET 10's tables; keeps the length bound
                written += lower.EncodeToUtf16(destination[written..]);
                inWord = true;
            }
            else
            {
                inWord = false;
            }
            i += consumed;
        }
        return written;
    }

    /// <summary>The words of <paramref name="text"/>: <see cref="Normalize(string)"/> split on spaces.</summary>
    public static string[] Tokenize(string text) =>
        Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether <paramref name="rune"/> belongs to a word: Unicode category L*, N*, Mn, Mc or Me.</summary>
    public static bool IsWordCharacter(Rune rune) =>
        Rune.GetUnicodeCategory(rune) <= UnicodeCategory.OtherNumber; // Lu Ll Lt Lm Lo Mn Mc Me Nd Nl No are 0..10

    private static bool IsWordCharacterAt(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length) return false;
        char c = text[index];
        if (c < 0x80) return char.IsAsciiLetterOrDigit(c);
        return Rune.DecodeFromUtf16(text[index..], out Rune rune, out _) == OperationStatus.Done && IsWordCharacter(rune);
    }

    /// <summary>Index of the '&gt;' closing the tag that starts at <paramref name="start"/>, or -1 when no tag starts there.</summary>
    private static int FindTagEnd(ReadOnlySpan<char> text, int start)
    {
        int next = start + 1;
        if (next >= text.Length || !(char.IsAsciiLetter(text[next]) || text[next] == '/')) return -1;
        int offset = text[(next + 1)..].IndexOfAny('<', '>');
        if (offset < 0) return -1;
        int end = next + 1 + offset;
        return text[end] == '>' ? end : -1;
    }
}
