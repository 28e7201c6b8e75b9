namespace Lstm.Training.TimeSeries;

/// <summary>A step between two consecutive rows of the file that is larger than the sampling interval.</summary>
/// <param name="Before">The time of the row before the gap.</param>
/// <param name="BeforeLine">The 1-based file line of that row.</param>
/// <param name="After">The time of the row after the gap.</param>
/// <param name="AfterLine">The 1-based file line of that row.</param>
/// <param name="MissingSteps">How many timestamps are missing between the two.</param>
public sealed record SeriesGap(DateTime Before, int BeforeLine, DateTime After, int AfterLine, int MissingSteps);
