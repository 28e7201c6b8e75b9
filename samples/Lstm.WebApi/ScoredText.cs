namespace Lstm.WebApi;

/// <summary>The columns a binary Lstm.MLNet model adds, read back from a scored row.</summary>
public sealed class ScoredText
{
    /// <summary>The logit.</summary>
    public float Score { get; set; }

    /// <summary>P(positive), the sigmoid of <see cref="Score"/>.</summary>
    public float Probability { get; set; }

    /// <summary><see cref="Score"/> &gt; 0.</summary>
    public bool PredictedLabel { get; set; }
}
