namespace Lstm.Training.Explanations;

/// <summary>A text's explanation: its tokens' attributions, the start id's, and the integrated gradients behind them.</summary>
/// <param name="Text">The text as given.</param>
/// <param name="Start">The start id's attribution (its token is "&lt;start&gt;"); null when truncation cut it off.</param>
/// <param name="Tokens">The text's tokens the model read (after truncation), in order.</param>
/// <param name="Integrated">Per-step attributions, scores and the completeness check.</param>
public sealed record TextExplanation(string Text, TokenAttribution? Start, IReadOnlyList<TokenAttribution> Tokens, SequenceAttribution Integrated)
{
    /// <summary>The attributions of the padding steps together (0 with the padding baseline or a masked network).</summary>
    public double Padding => Integrated.Sum - (Start?.Attribution ?? 0) - Tokens.Sum(t => t.Attribution);
}
