namespace Lstm.Training.Explanations;

/// <summary>The input integrated gradients starts its path from, at every step.</summary>
public enum AttributionBaseline
{
    /// <summary>The padding id's embedding (row 0): "no text", as the network saw it in training. The default.</summary>
    Padding,

    /// <summary>The zero vector.</summary>
    Zeros,
}
