using System.Text;
using Lstm.Training.Text;

namespace Lstm.Training.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    // The seed's kind of review: HTML breaks, punctuation, case, a contraction, a 10/10 score.
    [InlineData("This movie was GREAT!<br /><br />I'd watch it again, 10/10.", "this movie was great i'd watch it again 10 10")]
    [InlineData("", "")]
    [InlineData("   \t\n ", "")]
    [InlineData("!!! ... ???", "")]
    [InlineData("  leading and   trailing  ", "leading and trailing")]
    // Tags of any case become separators, even between letters.
    [InlineData("one<br/>two<BR>three</i>four<i>five", "one two three four five")]
    [InlineData("<a href=\"x.html\">link</a> text", "link text")]
    // A '<' that does not start a tag is an ordinary separator and eats nothing.
    [InlineData("a < b and c > d", "a b and c d")]
    [InlineData("I <3 it", "i 3 it")]
    [InlineData("x<", "x")]
    [InlineData("unclosed <b and more text", "unclosed b and more text")]
    [InlineData("a<b <br />c", "a b c")]
    // Apostrophes: kept only between two word characters, and written as U+0027.
    [InlineData("don't", "don't")]
    [InlineData("Don’t", "don't")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("‘single’ quotes", "single quotes")]
    [InlineData("rock'n'roll", "rock'n'roll")]
    [InlineData("the dogs' bones", "the dogs bones")]
    [InlineData("a''b", "a b")]
    [InlineData("it's 'great'!", "it's great")]
    // The word character after the apostrophe may be any letter, not only an ASCII one.
    [InlineData("L'Été aujourd’hui", "l'été aujourd'hui")]
    [InlineData("qu'à 한'국", "qu'à 한'국")]
    // Digits are words; punctuation between them separates.
    [InlineData("10/10", "10 10")]
    [InlineData("7.5 out of 10", "7 5 out of 10")]
    [InlineData("well-made, so-so", "well made so so")]
    [InlineData("under_score", "under score")]
    [InlineData("e-mail:me@example.com", "e mail me example com")]
    // Unicode letters of any script; lower-casing with the invariant culture.
    [InlineData("Über CAFÉ", "über café")]
    [InlineData("한국어 영화 최고!", "한국어 영화 최고")]
    [InlineData("ΟΔΟΣ", "οδοσ")]
    [InlineData("Mañana—tomorrow…", "mañana tomorrow")]
    [InlineData("½ ² ٣", "½ ² ٣")]
    public void Normalizes_hand_worked_examples(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Keeps_combining_marks_inside_words()
    {
        // Hindi "हिन्दी" has vowel signs (Mc) and a virama (Mn); a decomposed "é" is e + U+0301 (Mn).
        Assert.Equal("हिन्दी फ़िल्म", TextNormalizer.Normalize("हिन्दी फ़िल्म!"));
        Assert.Equal("cafe\u0301 ok", TextNormalizer.Normalize("CAFE\u0301, ok"));
    }

    [Fact]
    public void Handles_surrogate_pairs_and_lone_surrogates()
    {
        // U+10400 DESERET CAPITAL LONG I (a letter outside the BMP) lower-cases to U+10428.
        string upper = char.ConvertFromUtf32(0x10400), lower = char.ConvertFromUtf32(0x10428);
        Assert.Equal($"a{lower}b", TextNormalizer.Normalize($"A{upper}B"));
        // U+1D7CE MATHEMATICAL BOLD DIGIT ZERO is Nd: a word character.
        Assert.Equal("x" + char.ConvertFromUtf32(0x1D7CE), TextNormalizer.Normalize("X" + char.ConvertFromUtf32(0x1D7CE)));
        // An emoji (So) separates words; an unpaired surrogate does too.
        Assert.Equal("good movie", TextNormalizer.Normalize("good\U0001F600movie"));
        Assert.Equal("ab cd", TextNormalizer.Normalize("ab\uD800cd"));
        Assert.Equal("ab cd", TextNormalizer.Normalize("ab\uDC00cd"));
    }

    [Fact]
    public void Leaves_dotted_capital_I_unchanged_as_the_rule_says()
    {
        Assert.Equal("\u0130stanbul", TextNormalizer.Normalize("\u0130STANBUL"));
    }

    [Fact]
    public void Tokenize_splits_the_normalized_text()
    {
        Assert.Equal(["i'd", "say", "10", "10"], TextNormalizer.Tokenize("I'd say: 10/10<br />"));
        Assert.Empty(TextNormalizer.Tokenize("<br /> -- "));
    }

    [Fact]
    public void Span_overload_writes_into_a_buffer_of_the_text_length()
    {
        const string text = "Hello,   WORLD<br />again";
        char[] buffer = new char[text.Length];
        int written = TextNormalizer.Normalize(text, buffer);
        Assert.Equal("hello world again", new string(buffer, 0, written));
        var error = Assert.Throws<ArgumentException>(() => TextNormalizer.Normalize(text, new char[text.Length - 1]));
        Assert.StartsWith("The destination holds 24 characters; it needs at least the text's length, 25.", error.Message);
        Assert.Throws<ArgumentNullException>(() => TextNormalizer.Normalize((string)null!));
    }

    [Fact]
    public void Output_is_never_longer_than_input_and_splits_back_into_its_tokens()
    {
        // Random strings over a mix of ASCII, punctuation, tags, apostrophes, accents, Hangul and surrogates.
        string[] pieces = ["a", "Z", "0", " ", "'", "’", "<", ">", "/", "<br />", "é", "É", "\u0301", "한", "\uD801\uDC00", "\uD800", "-", "\t", "<i", "x'"];
        var random = new Lstm.Training.SeededRandom(42);
        for (int n = 0; n < 2000; n++)
        {
            var builder = new StringBuilder();
            int length = random.NextInt(30);
            for (int k = 0; k < length; k++) builder.Append(pieces[random.NextInt(pieces.Length)]);
            string text = builder.ToString();
            string normalized = TextNormalizer.Normalize(text);
            Assert.True(normalized.Length <= text.Length, text);
            Assert.False(normalized.StartsWith(' ') || normalized.EndsWith(' ') || normalized.Contains("  "), text);
            Assert.Equal(normalized, TextNormalizer.Normalize(normalized)); // idempotent
            Assert.Equal(normalized, string.Join(' ', TextNormalizer.Tokenize(text)));
        }
    }

    [Fact]
    public void Describes_itself()
    {
        Assert.Equal("lstm-mlnet-words", TextNormalizer.Name);
        Assert.Equal(1, TextNormalizer.Version);
        Assert.Contains("<[A-Za-z/][^<>]*>", TextNormalizer.Rule);
    }
}
