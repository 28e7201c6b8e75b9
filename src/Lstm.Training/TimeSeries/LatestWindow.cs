namespace Lstm.Training.TimeSeries;

/// <summary>
/// The input window that forecasts what comes after a series' last row: its last W rows, encoded and scaled exactly as
/// a model trained on the series' first <c>trainingRows</c> rows saw its windows (the statistics and categories are
/// learned again from those rows, so the same training prefix gives the same numbers).
/// </summary>
/// <param name="Window">W × F values laid out [t][f], as <see cref="WindowedPart.Inputs"/> holds them.</param>
/// <param name="LastTime">The time of the series' last row; the forecast is for the H steps after it.</param>
/// <param name="FeatureNames">The F input features, in order.</param>
/// <param name="Scaler">The scaler learned from the training rows (feature 0 is the target).</param>
public sealed record LatestWindow(float[] Window, DateTime LastTime, IReadOnlyList<string> FeatureNames, FeatureScaler Scaler)
{
    /// <summary>Builds the window of <paramref name="table"/>'s last <paramref name="windowLength"/> rows.</summary>
    /// <exception cref="InvalidDataException">
    /// The series is shorter than the window or than the training rows, or (under
    /// <see cref="MissingValuePolicy.DropWindows"/>) one of the last rows misses a value; the message names the row.
    /// </exception>
    public static LatestWindow Build(TimeSeriesTable table, int windowLength, int trainingRows, MissingValuePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowLength, 1);
        int rows = table.Count;
        if (rows < windowLength)
            throw new InvalidDataException($"{table.FileName}: forecasting needs the last {windowLength} rows (the model's window); the series has {rows}.");
        if (rows < trainingRows)
            throw new InvalidDataException($"{table.FileName}: the model learned its scaling from the first {trainingRows:N0} rows of its training series; this series has only {rows:N0}. Give the training series, extended with newer rows.");
        var matrix = InputFeatureMatrix.Build(table, trainingRows, policy);
        int features = matrix.FeatureCount, first = rows - windowLength;
        if (policy == MissingValuePolicy.DropWindows && matrix.IncompleteBefore[rows] - matrix.IncompleteBefore[first] > 0)
        {
            int row = Enumerable.Range(first, windowLength).First(r => RowIncomplete(table, r) > 0);
            throw new InvalidDataException(
                $"{table.FileName}, line {table.LineNumbers[row]} ({TimeText.Format(table.Times[row])}): a value of the last {windowLength} rows is missing, and the model drops such windows; fill it, or train with forward-fill or mask for missing values.");
        }
        var window = matrix.Values.AsSpan(first * features, windowLength * features).ToArray();
        return new LatestWindow(window, table.Times[rows - 1], matrix.FeatureNames, matrix.Scaler);
    }

    private static int RowIncomplete(TimeSeriesTable table, int row) =>
        table.Target.IsMissing(row) || table.Features.Any(f => f.IsMissing(row)) ? 1 : 0;
}
