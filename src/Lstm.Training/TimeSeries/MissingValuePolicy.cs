namespace Lstm.Training.TimeSeries;

/// <summary>
/// What <see cref="SeriesWindows"/> does with missing input values. Missing target values are never trained on or
/// scored under any policy: an example whose forecast steps include one is left out, because a filled-in target would
/// reward the model (and the baselines) for reproducing the filling rule rather than the data.
/// </summary>
public enum MissingValuePolicy
{
    /// <summary>An example whose input window holds any missing value (in any feature) is not used.</summary>
    DropWindows,

    /// <summary>
    /// A missing value takes the last observed value of its column (categories too); missing values before the first
    /// observation take the first observed value.
    /// </summary>
    ForwardFill,

    /// <summary>
    /// Masking for numeric input: a missing value becomes 0 after scaling (the training mean), and every column that has
    /// missing values in the training part gets an extra 0/1 "was missing" input feature (1 where the value was missing),
    /// so the network can tell a real mean from a hole. A missing category becomes all zeros in its one-hot features.
    /// </summary>
    Mask,
}
