namespace Lstm.Training.TimeSeries;

/// <summary>What <see cref="TimeSeriesTable"/> does when a step between two rows is larger than the sampling interval.</summary>
public enum GapPolicy
{
    /// <summary>Reject the file, naming the first gap and how many there are (the default: a gap is often a data error).</summary>
    Error,

    /// <summary>Insert the missing timestamps as rows whose values are all missing; <see cref="MissingValuePolicy"/> then decides what they become.</summary>
    Insert,
}
