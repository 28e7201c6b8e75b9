namespace Lstm.Training.TimeSeries;

/// <summary>
/// The examples of one chronological part, in time order. Example i's input is W steps × F features laid out
/// [t][f] (<c>Inputs[i][t * F + f]</c>, t = 0 the oldest step); its targets are the next H target values, scaled, with
/// their timestamps and original-unit values alongside for plots and metrics.
/// </summary>
public sealed class WindowedPart
{
    internal WindowedPart(SeriesPart part, int windowLength, int featureCount, int horizon, List<float[]> inputs, List<float[]> targets,
        List<double[]> actualTargets, List<DateTime[]> targetTimes, List<int> firstTargetRows, int droppedCount)
    {
        Part = part;
        WindowLength = windowLength;
        FeatureCount = featureCount;
        Horizon = horizon;
        Inputs = inputs;
        Targets = targets;
        ActualTargets = actualTargets;
        TargetTimes = targetTimes;
        FirstTargetRows = firstTargetRows;
        DroppedCount = droppedCount;
    }

    /// <summary>Which part this is.</summary>
    public SeriesPart Part { get; }

    /// <summary>W: the steps of each input window.</summary>
    public int WindowLength { get; }

    /// <summary>F: the features of each step.</summary>
    public int FeatureCount { get; }

    /// <summary>H: the target values of each example.</summary>
    public int Horizon { get; }

    /// <summary>How many examples the part has.</summary>
    public int Count => Inputs.Count;

    /// <summary>Each example's input, W × F floats laid out [t][f].</summary>
    public IReadOnlyList<float[]> Inputs { get; }

    /// <summary>Each example's H target values, scaled by the <see cref="FeatureScaler"/>'s target column (what the network learns).</summary>
    public IReadOnlyList<float[]> Targets { get; }

    /// <summary>Each example's H target values in the original units (what errors are reported in).</summary>
    public IReadOnlyList<double[]> ActualTargets { get; }

    /// <summary>Each example's H target timestamps.</summary>
    public IReadOnlyList<DateTime[]> TargetTimes { get; }

    /// <summary>Each example's first target row in the <see cref="TimeSeriesTable"/>; its input window is the W rows before it.</summary>
    public IReadOnlyList<int> FirstTargetRows { get; }

    /// <summary>How many examples of this part were left out because of missing values (see <see cref="MissingValuePolicy"/>).</summary>
    public int DroppedCount { get; }
}
