using Lstm.Training.TimeSeries;
using Lstm.Training.Training;

namespace Lstm.MLNet.Forecasting;

/// <summary>
/// The training and validation examples of a series read in row order: each window of W consecutive rows (every column)
/// with the next H target values, all observed (a window or target with a NaN is dropped), scaled with the scaler
/// learned on the first <see cref="FitRows"/> rows. An example whose targets all lie before <see cref="FitRows"/> fits the
/// weights; one whose targets all lie in the validation tail (rows <see cref="FitRows"/> onwards) is for early stopping;
/// one whose targets straddle the boundary is not used.
/// </summary>
internal sealed class ForecastExamples
{
    private ForecastExamples(FeatureScaler scaler, int fitRows, int rows)
    {
        Scaler = scaler;
        FitRows = fitRows;
        Rows = rows;
    }

    public FeatureScaler Scaler { get; }

    public int Rows { get; }

    public int FitRows { get; }

    public List<float[]> FitWindows { get; } = [];

    public List<float> FitTargets { get; } = [];

    public List<float[]> ValidationWindows { get; } = [];

    public List<float> ValidationTargets { get; } = [];

    public int Dropped { get; private set; }

    /// <summary>Windows the series' columns (<paramref name="columns"/>[0] the target) for the estimator's settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The series is too short for the window, horizon and validation tail; the message gives the numbers.</exception>
    public static ForecastExamples Build(string[] names, float[][] columns, int windowSize, int horizon, float validationFraction, int? trainSize)
    {
        int rows = columns[0].Length, span = windowSize + horizon;
        if (trainSize is { } size && size > rows)
            throw new ArgumentOutOfRangeException(nameof(trainSize), size, $"TrainSize is {size:N0} but the input has only {rows:N0} rows.");
        if (rows < span)
            throw new ArgumentOutOfRangeException("input", rows,
                $"The input has {rows:N0} rows in column '{names[0]}'; one training example needs WindowSize ({windowSize}) + Horizon ({horizon}) = {span} rows.");
        int fitRows = rows - (int)Math.Round(rows * (double)validationFraction);
        if (fitRows < span)
            throw new ArgumentOutOfRangeException("input", rows,
                $"The input has {rows:N0} rows; after the validation tail (ValidationFraction {validationFraction}) {fitRows:N0} remain, fewer than WindowSize ({windowSize}) + Horizon ({horizon}) = {span}. Give more rows, a smaller window or horizon, or ValidationFraction 0.");
        var scaler = FeatureScaler.Fit(names, [.. columns.Select(c => (IReadOnlyList<double>)[.. c.Select(v => (double)v)])], fitRows);
        var examples = new ForecastExamples(scaler, fitRows, rows);
        examples.Add(columns, windowSize, horizon);
        return examples;
    }

    /// <summary>The fitting examples as a dataset.</summary>
    public SequenceDataset Fit(int features, int horizon) => SequenceDataset.ForWindows(FitWindows, features, [.. FitTargets], horizon);

    /// <summary>The validation examples as a dataset, or null when there are none.</summary>
    public SequenceDataset? Validation(int features, int horizon) =>
        ValidationWindows.Count == 0 ? null : SequenceDataset.ForWindows(ValidationWindows, features, [.. ValidationTargets], horizon);

    private void Add(float[][] columns, int windowSize, int horizon)
    {
        int features = columns.Length;
        for (int end = windowSize - 1; end + horizon < Rows; end++)
        {
            bool fit = end + horizon < FitRows, validation = end + 1 >= FitRows;
            if (!fit && !validation) continue;
            if (!Observed(columns, end, windowSize, horizon))
            {
                Dropped++;
                continue;
            }
            var window = new float[windowSize * features];
            for (int t = 0; t < windowSize; t++)
                for (int f = 0; f < features; f++) window[t * features + f] = (float)Scaler.Apply(f, columns[f][end - windowSize + 1 + t]);
            (fit ? FitWindows : ValidationWindows).Add(window);
            var targets = fit ? FitTargets : ValidationTargets;
            for (int k = 1; k <= horizon; k++) targets.Add((float)Scaler.ApplyTarget(columns[0][end + k]));
        }
    }

    private static bool Observed(float[][] columns, int end, int windowSize, int horizon)
    {
        foreach (var column in columns)
            for (int row = end - windowSize + 1; row <= end; row++) if (float.IsNaN(column[row])) return false;
        for (int row = end + 1; row <= end + horizon; row++) if (float.IsNaN(columns[0][row])) return false;
        return true;
    }
}
