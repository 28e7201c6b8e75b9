namespace Lstm.Training.Layers;

/// <summary>
/// The LSTM's hidden and cell states after k steps of the padding id from a zero state, k = 0..maxSteps
/// (rows [k·units, (k+1)·units) of <see cref="Hidden"/> and <see cref="Cells"/>). With Keras's pre-padding every row
/// begins with such a run, so inference can start each row at its first real token from row k of this table.
/// </summary>
internal sealed class PaddingTrajectory(int maxSteps, int units)
{
    public float[] Hidden { get; } = new float[(maxSteps + 1) * units];

    public float[] Cells { get; } = new float[(maxSteps + 1) * units];
}
