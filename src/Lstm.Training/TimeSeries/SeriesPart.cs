namespace Lstm.Training.TimeSeries;

/// <summary>The three chronological parts of a series.</summary>
public enum SeriesPart
{
    /// <summary>The oldest rows: the network and the scaler learn from these.</summary>
    Train,

    /// <summary>The rows after training: early stopping and model choice.</summary>
    Validation,

    /// <summary>The newest rows: the final score.</summary>
    Test,
}
