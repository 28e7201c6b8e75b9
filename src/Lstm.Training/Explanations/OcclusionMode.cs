namespace Lstm.Training.Explanations;

/// <summary>How <see cref="Occlusion"/> takes one token out of a padded sequence.</summary>
public enum OcclusionMode
{
    /// <summary>Its id becomes the padding id, every other token keeping its step. The default.</summary>
    Replace,

    /// <summary>It is removed and the row padded again at its padding side, one padding id longer.</summary>
    Drop,
}
