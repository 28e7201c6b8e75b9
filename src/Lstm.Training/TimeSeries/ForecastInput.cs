namespace Lstm.Training.TimeSeries;

/// <summary>One window of new data, ready for the network, and the times its forecast is for.</summary>
/// <param name="Input">W × F floats laid out [t][f], as <see cref="WindowedPart.Inputs"/>.</param>
/// <param name="TargetTimes">The H timestamps after the window's last row.</param>
public sealed record ForecastInput(float[] Input, DateTime[] TargetTimes);
