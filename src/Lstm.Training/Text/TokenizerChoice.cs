using System.Globalization;
using System.Text;

namespace Lstm.Training.Text;

/// <summary>Which tokenizer a new vocabulary uses.</summary>
public enum TokenizerKind
{
    /// <summary>
    /// <see cref="Words"/>, unless most letters of the training texts are in scripts whose words spaces do not separate
    /// well (Hangul, Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, Tibetan): then <see cref="O200kBase"/>. See <see cref="TokenizerChoice"/>.
    /// </summary>
    Auto,

    /// <summary>Whitespace-separated words of the normalised text (the seed's; <see cref="SubwordTokenizer.Words"/>).</summary>
    Words,

    /// <summary>Subword pieces of OpenAI's o200k_base byte-pair encoding, through Microsoft.ML.Tokenizers (<see cref="SubwordTokenizer.O200kBase"/>).</summary>
    O200kBase,
}

/// <summary>The automatic choice of tokenizer (<see cref="TokenizerKind.Auto"/>): words, unless the texts are mostly in scripts that spaces do not split into words.</summary>
public static class TokenizerChoice
{
    /// <summary>Texts looked at: the first this many.</summary>
    public const int SampleTexts = 2_000;

    /// <summary>Share of letters in those scripts above which subword pieces are chosen: 0.5.</summary>
    public const double Threshold = 0.5;

    /// <summary>The tokenizer name (<see cref="SubwordTokenizer.Words"/> or a subword one) for <paramref name="kind"/>; <see cref="TokenizerKind.Auto"/> looks at <paramref name="texts"/>.</summary>
    /// <param name="kind">The requested tokenizer.</param>
    /// <param name="texts">The training texts.</param>
    /// <param name="message">For an automatic choice of subword pieces, a sentence saying so and why; otherwise null.</param>
    public static string Resolve(TokenizerKind kind, IReadOnlyList<string> texts, out string? message)
    {
        ArgumentNullException.ThrowIfNull(texts);
        message = null;
        switch (kind)
        {
            case TokenizerKind.Words: return SubwordTokenizer.Words;
            case TokenizerKind.O200kBase: return SubwordTokenizer.O200kBase;
            case TokenizerKind.Auto: break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown tokenizer.");
        }
        var (share, letters, sampled) = SpacelessScriptShare(texts);
        if (letters == 0 || share <= Threshold) return SubwordTokenizer.Words;
        message = string.Create(CultureInfo.InvariantCulture,
            $"tokenizer: subword pieces ({SubwordTokenizer.O200kBase}, {SubwordTokenizer.Library} {SubwordTokenizer.LibraryVersion}), chosen automatically: {share * 100:0}% of the letters of {sampled:N0} training texts are in scripts where space-separated words make poor tokens (Hangul, whose words carry attached endings; Han, Kana and Thai, written without spaces); ask for the tokenizer 'words' (CLI: --tokenizer words) to keep words.");
        return SubwordTokenizer.O200kBase;
    }

    /// <summary>The share of letters of the first <see cref="SampleTexts"/> texts that are in scripts spaces do not split well, the letters counted and the texts looked at.</summary>
    public static (double Share, long Letters, int Texts) SpacelessScriptShare(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        long letters = 0, spaceless = 0;
        int sampled = Math.Min(texts.Count, SampleTexts);
        for (int t = 0; t < sampled; t++)
        {
            foreach (Rune rune in (texts[t] ?? string.Empty).EnumerateRunes())
            {
                if (!Rune.IsLetter(rune)) continue;
                letters++;
                if (IsSpaceless(rune.Value)) spaceless++;
            }
        }
        return (letters == 0 ? 0 : (double)spaceless / letters, letters, sampled);
    }

    /// <summary>Hangul, Han (CJK), Hiragana, Katakana, Bopomofo, Thai, Lao, Khmer, Myanmar, Tibetan.</summary>
    private static bool IsSpaceless(int c) =>
        c is (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F) or (>= 0xA960 and <= 0xA97F) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xD7B0 and <= 0xD7FF) // Hangul
        or (>= 0x3040 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF66 and <= 0xFF9F) // Kana
        or (>= 0x3100 and <= 0x312F) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF) // Bopomofo, Han
        or (>= 0x0E00 and <= 0x0EFF) // Thai, Lao
        or (>= 0x0F00 and <= 0x0FFF) or (>= 0x1000 and <= 0x109F) or (>= 0x1780 and <= 0x17FF); // Tibetan, Myanmar, Khmer
}
