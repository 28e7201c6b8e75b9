namespace Lstm.Training.Models;

/// <summary>Texts with their labels and optional example weights (ML.NET's example weight column, Keras's <c>sample_weight</c>).</summary>
public sealed record LabelledTexts
{
    /// <summary>Pairs <paramref name="texts"/> with <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public LabelledTexts(IReadOnlyList<string> texts, TextLabels labels, IReadOnlyList<float>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != texts.Count) throw new ArgumentException($"{texts.Count} texts but {labels.Count} labels.", nameof(labels));
        if (weights is not null && weights.Count != texts.Count) throw new ArgumentException($"{texts.Count} texts but {weights.Count} weights.", nameof(weights));
        Texts = texts;
        Labels = labels;
        Weights = weights;
    }

    /// <summary>The texts.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>Their labels.</summary>
    public TextLabels Labels { get; }

    /// <summary>Example weights, or null for all 1.</summary>
    public IReadOnlyList<float>? Weights { get; }

    /// <summary>Number of texts.</summary>
    public int Count => Texts.Count;
}
