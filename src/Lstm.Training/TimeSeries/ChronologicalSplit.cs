namespace Lstm.Training.TimeSeries;

/// <summary>
/// The time axis cut into training, validation and test rows, in that order and never shuffled: rows
/// [0, <paramref name="TrainEnd"/>) train, [<paramref name="TrainEnd"/>, <paramref name="ValidationEnd"/>) validate,
/// the rest test.
/// </summary>
/// <param name="RowCount">How many rows the series has.</param>
/// <param name="TrainEnd">The first row after the training part.</param>
/// <param name="ValidationEnd">The first row of the test part.</param>
public sealed record ChronologicalSplit(int RowCount, int TrainEnd, int ValidationEnd)
{
    /// <summary>Cuts <paramref name="rowCount"/> rows by fractions of the time axis (rounded down).</summary>
    public static ChronologicalSplit FromFractions(int rowCount, double trainFraction, double validationFraction) =>
        new(rowCount, RowsIn(rowCount, trainFraction), RowsIn(rowCount, trainFraction + validationFraction));

    // Rounded to 9 decimals before rounding down: 0.7 + 0.1 is 0.7999999999999999 in binary, and 10 rows × 0.8 must give 8.
    private static int RowsIn(int rowCount, double fraction) => (int)Math.Floor(Math.Round(rowCount * fraction, 9));

    /// <summary>The part that holds row <paramref name="row"/>.</summary>
    public SeriesPart PartOf(int row) => row < TrainEnd ? SeriesPart.Train : row < ValidationEnd ? SeriesPart.Validation : SeriesPart.Test;

    /// <summary>The rows [start, end) of <paramref name="part"/>.</summary>
    public (int Start, int End) Rows(SeriesPart part) => part switch
    {
        SeriesPart.Train => (0, TrainEnd),
        SeriesPart.Validation => (TrainEnd, ValidationEnd),
        _ => (ValidationEnd, RowCount),
    };
}
