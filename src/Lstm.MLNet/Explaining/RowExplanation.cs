using Lstm.Training.Explanations;
using Microsoft.ML;

namespace Lstm.MLNet.Explaining;

/// <summary>
/// The explanation of one cursor's (or row's) current text, computed on first read and kept until the position moves.
/// Owns its <see cref="TextExplainer"/>, which is not thread-safe: one per cursor or row.
/// </summary>
internal sealed class RowExplanation
{
    private readonly ExplainerModel _model;
    private readonly TextExplainer _explainer;
    private readonly ValueGetter<ReadOnlyMemory<char>> _getText;
    private readonly Func<long> _position;
    private ReadOnlyMemory<char> _text;
    private long _explained = -1;
    private Values _current = Values.Empty;

    public RowExplanation(ExplainerModel model, ValueGetter<ReadOnlyMemory<char>> getText, Func<long> position)
    {
        _model = model;
        _explainer = model.CreateExplainer();
        _getText = getText;
        _position = position;
    }

    /// <summary>The tokens read, their attributions and the relative completeness error (float), for the current row.</summary>
    /// <remarks>A text without tokens (empty, or only spaces and punctuation) gives no tokens and a NaN completeness error.</remarks>
    public Values Current()
    {
        long position = _position();
        if (position < 0) throw new InvalidOperationException("The cursor is not on a row: call MoveNext first.");
        if (position == _explained) return _current;
        _getText(ref _text);
        _current = Explain(_text.ToString());
        _explained = position;
        return _current;
    }

    private Values Explain(string text)
    {
        if (TextExplainer.Tokens(_model.Vectorizer.Vocabulary, text).Length == 0) return Values.Empty;
        var explanation = _explainer.Explain(text, _model.Integrated);
        return new Values(
            [.. explanation.Tokens.Select(t => t.Token)],
            [.. explanation.Tokens.Select(t => (float)t.Attribution)],
            (float)explanation.Integrated.RelativeError);
    }

    /// <summary>One row's added values.</summary>
    public sealed record Values(string[] Tokens, float[] Attributions, float Completeness)
    {
        /// <summary>What a text without tokens gives.</summary>
        public static readonly Values Empty = new([], [], float.NaN);
    }
}
