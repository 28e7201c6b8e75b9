namespace Lstm.Training.TimeSeries;

/// <summary>How <see cref="SeriesWindows"/> cuts a series into examples and splits them by time.</summary>
public sealed record WindowOptions
{
    /// <summary>How many past steps each example's input holds (W).</summary>
    public required int WindowLength { get; init; }

    /// <summary>How many future target values each example predicts (H). Default 1.</summary>
    public int Horizon { get; init; } = 1;

    /// <summary>The share of the time axis, from the start, that is the training part. Default 0.7.</summary>
    public double TrainFraction { get; init; } = 0.7;

    /// <summary>The share after it that is the validation part (0 for none). Default 0.1; the test part is the rest.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>What missing input values become. Default: <see cref="MissingValuePolicy.DropWindows"/>.</summary>
    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.DropWindows;

    /// <summary>The share of the time axis that is the test part: what the other two leave.</summary>
    public double TestFraction => 1 - TrainFraction - ValidationFraction;

    /// <summary>Throws when a length or fraction is out of range.</summary>
    public void Validate()
    {
        if (WindowLength < 1) throw new ArgumentOutOfRangeException(nameof(WindowLength), WindowLength, "The window length must be at least 1.");
        if (Horizon < 1) throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, "The horizon must be at least 1.");
        if (!(TrainFraction > 0 && TrainFraction < 1)) throw new ArgumentOutOfRangeException(nameof(TrainFraction), TrainFraction, "The training fraction must be between 0 and 1.");
        if (!(ValidationFraction >= 0 && TestFraction > 1e-12))
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, $"The validation fraction must be at least 0 and leave a test part (training {TrainFraction} + validation {ValidationFraction} must be below 1).");
    }
}
