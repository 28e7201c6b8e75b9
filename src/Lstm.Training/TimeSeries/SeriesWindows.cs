namespace Lstm.Training.TimeSeries;

/// <summary>
/// Cuts a <see cref="TimeSeriesTable"/> into forecasting examples: the W rows before a row r are the input, the
/// target values of rows r..r+H−1 the output. An example belongs to the part that holds its first target row r; its
/// input may reach back into the previous part, as is usual, since that past is known when forecasting.
/// </summary>
public static class SeriesWindows
{
    /// <summary>Builds the examples of every part.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A length or fraction in <paramref name="options"/> is out of range.</exception>
    /// <exception cref="InvalidDataException">The series is too short for one window, or a part (with a fraction above 0) gets no example.</exception>
    public static WindowedSeries Build(TimeSeriesTable table, WindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int rows = table.Count, window = options.WindowLength, horizon = options.Horizon;
        if (rows < window + horizon)
            throw new InvalidDataException(
                $"{table.FileName}: a window of {window} steps and a horizon of {horizon} need at least {window + horizon} rows for one example; the series has {rows}.");

        var split = ChronologicalSplit.FromFractions(rows, options.TrainFraction, options.ValidationFraction);
        var preprocessing = SeriesPreprocessing.Fit(table, options, split.TrainEnd);
        var matrix = InputFeatureMatrix.Build(table, preprocessing);
        var parts = new[] { SeriesPart.Train, SeriesPart.Validation, SeriesPart.Test }
            .Select(part => BuildPart(table, options, split, preprocessing.Scaler, matrix, part))
            .ToArray();
        return new WindowedSeries(table, options, split, preprocessing, parts[0], parts[1], parts[2]);
    }

    /// <summary>
    /// The input for forecasting the <see cref="SeriesPreprocessing.Horizon"/> steps after the last row of
    /// <paramref name="table"/> (new data, read with the same columns): its last W rows, prepared as the training data was.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The table's columns or sampling interval differ from the preprocessing's, it has fewer than W rows, or (under
    /// <see cref="MissingValuePolicy.DropWindows"/>) the last W rows miss a value.
    /// </exception>
    public static ForecastInput LatestInput(TimeSeriesTable table, SeriesPreprocessing preprocessing)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(preprocessing);
        int window = preprocessing.WindowLength, rows = table.Count;
        if (table.Interval != preprocessing.Interval)
            throw new InvalidDataException($"{table.FileName}: sampled every {TimeText.Format(table.Interval)}; the model was trained on data sampled every {TimeText.Format(preprocessing.Interval)}.");
        if (rows < window)
            throw new InvalidDataException($"{table.FileName}: a window of {window} steps needs at least {window} rows; the series has {rows}.");
        var matrix = InputFeatureMatrix.Build(table, preprocessing);
        if (preprocessing.MissingValues == MissingValuePolicy.DropWindows && matrix.HasMissing(rows - window, rows))
            throw new InvalidDataException(
                $"{table.FileName}: the last {window} rows ({TimeText.Format(table.Times[rows - window])} to {TimeText.Format(table.Times[^1])}) miss a value, and the model was trained with {nameof(MissingValuePolicy.DropWindows)}, which never fills one.");
        var times = new DateTime[preprocessing.Horizon];
        for (int h = 0; h < times.Length; h++) times[h] = table.Times[^1] + table.Interval * (h + 1);
        return new ForecastInput(matrix.Values.AsSpan((rows - window) * matrix.FeatureCount, window * matrix.FeatureCount).ToArray(), times);
    }

    private static WindowedPart BuildPart(TimeSeriesTable table, WindowOptions options, ChronologicalSplit split, FeatureScaler scaler, InputFeatureMatrix matrix, SeriesPart part)
    {
        int window = options.WindowLength, horizon = options.Horizon, width = matrix.FeatureCount;
        var (start, end) = split.Rows(part);
        var inputs = new List<float[]>();
        var targets = new List<float[]>();
        var actuals = new List<double[]>();
        var times = new List<DateTime[]>();
        var firstRows = new List<int>();
        int dropped = 0;
        // r is the first target row: it needs W rows before it and H−1 after it.
        for (int r = Math.Max(start, window); r < Math.Min(end, table.Count - horizon + 1); r++)
        {
            bool targetMissing = Enumerable.Range(r, horizon).Any(table.Target.IsMissing);
            bool inputMissing = options.MissingValues == MissingValuePolicy.DropWindows && matrix.HasMissing(r - window, r);
            if (targetMissing || inputMissing)
            {
                dropped++;
                continue;
            }
            inputs.Add(matrix.Values.AsSpan((r - window) * width, window * width).ToArray());
            var actual = new double[horizon];
            var scaled = new float[horizon];
            var stamps = new DateTime[horizon];
            for (int h = 0; h < horizon; h++)
            {
                actual[h] = table.Target.Numbers[r + h];
                scaled[h] = (float)scaler.ApplyTarget(actual[h]);
                stamps[h] = table.Times[r + h];
            }
            targets.Add(scaled);
            actuals.Add(actual);
            times.Add(stamps);
            firstRows.Add(r);
        }

        bool wanted = part != SeriesPart.Validation || options.ValidationFraction > 0;
        if (wanted && inputs.Count == 0)
        {
            string why = dropped > 0
                ? $"all {dropped} candidate(s) were dropped for missing values (policy {options.MissingValues})"
                : $"examples can only start (first target step) at rows {window + 1} to {table.Count - horizon + 1}, after a window of {window} and leaving room for a horizon of {horizon}";
            string rows = end > start ? $"rows {start + 1} to {end} of {table.Count}" : $"no row of {table.Count}: its fraction is too small";
            throw new InvalidDataException($"{table.FileName}: the {part.ToString().ToLowerInvariant()} part ({rows}) has no example: {why}.");
        }
        return new WindowedPart(part, window, width, horizon, inputs, targets, actuals, times, firstRows, dropped);
    }
}
