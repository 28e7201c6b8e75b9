using Lstm.Training.Models;
using Lstm.Training.Text;

namespace Lstm.Training.Explanations;

/// <summary>
/// Explains a text model's output for raw texts: encodes a text as the model was trained (normaliser, words or subword
/// pieces, padding and truncation), runs <see cref="IntegratedGradients"/> and <see cref="Occlusion"/>, and lines the
/// steps up with the tokens they read.
/// </summary>
/// <remarks>Not thread-safe (see <see cref="IntegratedGradients"/>). Use one per thread.</remarks>
public sealed class TextExplainer
{
    /// <summary>The token reported for the start id.</summary>
    public const string StartToken = "<start>";

    private readonly IntegratedGradients _integrated;

    /// <summary>Explains <paramref name="network"/>'s outputs for texts encoded by <paramref name="vectorizer"/>.</summary>
    public TextExplainer(TextVectorizer vectorizer, SequenceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(vectorizer);
        ArgumentNullException.ThrowIfNull(network);
        Vectorizer = vectorizer;
        Network = network;
        _integrated = new IntegratedGradients(network);
    }

    /// <summary>How texts become ids.</summary>
    public TextVectorizer Vectorizer { get; }

    /// <summary>The network explained.</summary>
    public SequenceNetwork Network { get; }

    /// <summary>Integrated gradients and occlusion of one output for <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">The text has no tokens, or an option is invalid.</exception>
    public TextExplanation Explain(string text, IntegratedGradientsOptions? options = null, OcclusionMode occlusion = OcclusionMode.Replace)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] tokens = Tokens(Vectorizer.Vocabulary, text);
        if (tokens.Length == 0) throw new ArgumentException("The text has no tokens (nothing but spaces or punctuation): there is nothing to explain.", nameof(text));
        int[] ids = Vectorizer.Encode([text])[0];
        var integrated = _integrated.Explain(ids, options);
        double[] occluded = Occlusion.Scores(Network, ids, integrated.Output, occlusion, Vectorizer.Padding);

        // Where each token landed: pad its index (1 for the start id, i + 2 for token i) as the ids were padded.
        var indices = new int[tokens.Length + 1];
        for (int i = 0; i < indices.Length; i++) indices[i] = i + 1;
        var placed = new int[ids.Length];
        PadSequences.PadInto(indices, placed, Vectorizer.Padding, Vectorizer.Truncating, 0);
        TokenAttribution? start = null;
        var read = new List<TokenAttribution>();
        for (int t = 0; t < ids.Length; t++)
        {
            if (placed[t] == 0) continue;
            string token = placed[t] == 1 ? StartToken : tokens[placed[t] - 2];
            var attribution = new TokenAttribution(token, t, ids[t], integrated.Steps[t], occluded[t]);
            if (placed[t] == 1) start = attribution;
            else read.Add(attribution);
        }
        return new TextExplanation(text, start, read, integrated);
    }

    /// <summary>The tokens <see cref="Vocabulary.Encode(string)"/> gives ids to, as text: normalised words, or subword pieces decoded one by one.</summary>
    public static string[] Tokens(Vocabulary vocabulary, string text)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(text);
        string normalized = TextNormalizer.Normalize(text);
        if (vocabulary.IsSubword)
            return [.. SubwordTokenizer.EncodePieces(vocabulary.Tokenizer, normalized).Select(piece => SubwordTokenizer.DecodePiece(vocabulary.Tokenizer, piece))];
        return normalized.Length == 0 ? [] : normalized.Split(' ');
    }
}
