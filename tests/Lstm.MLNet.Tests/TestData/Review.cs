namespace Lstm.MLNet.Tests.TestData;

/// <summary>An input row: text and Boolean label, in ML.NET's default column names for the trainer.</summary>
public sealed class Review
{
    public string Text { get; set; } = "";

    public bool Label { get; set; }
}

/// <summary>The binary-classification columns the component adds.</summary>
public sealed class ReviewPrediction
{
    public float Score { get; set; }

    public float Probability { get; set; }

    public bool PredictedLabel { get; set; }
}
