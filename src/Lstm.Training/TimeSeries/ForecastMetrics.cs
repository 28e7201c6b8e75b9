namespace Lstm.Training.TimeSeries;

/// <summary>MAE, RMSE and MAPE of forecasts against actual values, overall and per horizon step, and skill against a baseline.</summary>
public static class ForecastMetrics
{
    /// <summary>
    /// Scores <paramref name="predicted"/> against <paramref name="actual"/> (both [example][step], original units).
    /// A point whose actual or forecast value is NaN is not scored (it counts in <see cref="ErrorSummary.TotalPoints"/>
    /// only); with <paramref name="onlyWhere"/>, neither is a point where that forecast is NaN, so that a model is
    /// scored on the very points a partial baseline covers.
    /// </summary>
    public static ForecastErrors Evaluate(IReadOnlyList<double[]> actual, IReadOnlyList<double[]> predicted, IReadOnlyList<double[]>? onlyWhere = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count || (onlyWhere is not null && onlyWhere.Count != actual.Count))
            throw new ArgumentException($"{actual.Count} actual examples, {predicted.Count} forecasts{(onlyWhere is null ? "" : $", {onlyWhere.Count} reference forecasts")}: they must match.");
        int horizon = actual.Count == 0 ? 0 : actual[0].Length;
        var steps = new Accumulator[horizon];
        for (int h = 0; h < horizon; h++) steps[h] = new Accumulator();
        var overall = new Accumulator();
        for (int i = 0; i < actual.Count; i++)
        {
            if (actual[i].Length != horizon || predicted[i].Length != horizon || (onlyWhere is not null && onlyWhere[i].Length != horizon))
                throw new ArgumentException($"Example {i}: every example must have {horizon} steps, actual and forecast alike.");
            for (int h = 0; h < horizon; h++)
            {
                bool excluded = onlyWhere is not null && double.IsNaN(onlyWhere[i][h]);
                steps[h].Add(actual[i][h], excluded ? double.NaN : predicted[i][h]);
                overall.Add(actual[i][h], excluded ? double.NaN : predicted[i][h]);
            }
        }
        return new ForecastErrors(overall.Summary(), [.. steps.Select(s => s.Summary())]);
    }

    /// <summary>Skill against a baseline: 1 − MAE(model) / MAE(baseline); above 0 the model is better, 1 is perfect.</summary>
    public static double Skill(double modelMae, double baselineMae) => 1 - modelMae / baselineMae;

    private sealed class Accumulator
    {
        private double _absolute, _squared, _percentage;
        private int _points, _mapePoints, _total;

        public void Add(double actual, double predicted)
        {
            _total++;
            if (double.IsNaN(actual) || double.IsNaN(predicted)) return;
            double error = Math.Abs(actual - predicted);
            _absolute += error;
            _squared += error * error;
            _points++;
            if (actual == 0) return;
            _percentage += error / Math.Abs(actual);
            _mapePoints++;
        }

        public ErrorSummary Summary() => new(
            _points == 0 ? double.NaN : _absolute / _points,
            _points == 0 ? double.NaN : Math.Sqrt(_squared / _points),
            _mapePoints == 0 ? double.NaN : 100 * _percentage / _mapePoints,
            _points, _mapePoints, _total);
    }
}
