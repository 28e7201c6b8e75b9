namespace Lstm.Training.TimeSeries;

/// <summary>
/// The regular time axis behind a series: the sampling interval (the most common step between rows) and the gaps,
/// steps that skip whole intervals. A step that is not a whole number of intervals has no place on the axis.
/// </summary>
internal static class SamplingGrid
{
    /// <summary>The most common step; on a tie the smaller, so that a gappy series is not read at a coarser rate.</summary>
    public static TimeSpan InferInterval(DateTime[] times)
    {
        var counts = new Dictionary<TimeSpan, int>();
        for (int i = 1; i < times.Length; i++) counts[times[i] - times[i - 1]] = counts.GetValueOrDefault(times[i] - times[i - 1]) + 1;
        return counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key).First().Key;
    }

    public static List<SeriesGap> FindGaps(DateTime[] times, int[] lines, TimeSpan interval, string fileName)
    {
        var gaps = new List<SeriesGap>();
        for (int i = 1; i < times.Length; i++)
        {
            TimeSpan step = times[i] - times[i - 1];
            if (step == interval) continue;
            if (step.Ticks % interval.Ticks != 0)
                throw new InvalidDataException(
                    $"{fileName} line {lines[i]}: the step from {TimeText.Format(times[i - 1])} (line {lines[i - 1]}) to {TimeText.Format(times[i])} is {TimeText.Format(step)}, " +
                    $"not a whole number of sampling intervals ({TimeText.Format(interval)}, the most common step); the series must be regularly sampled.");
            gaps.Add(new SeriesGap(times[i - 1], lines[i - 1], times[i], lines[i], (int)(step.Ticks / interval.Ticks) - 1));
        }
        return gaps;
    }

    public static string Describe(IReadOnlyList<SeriesGap> gaps, TimeSpan interval, string fileName)
    {
        SeriesGap first = gaps[0];
        int missing = gaps.Sum(g => g.MissingSteps);
        return $"{fileName}: {gaps.Count} gap(s) in the time axis ({missing} missing timestamp(s) at the sampling interval of {TimeText.Format(interval)}); " +
            $"the first is from {TimeText.Format(first.Before)} (line {first.BeforeLine}) to {TimeText.Format(first.After)} (line {first.AfterLine}), {first.MissingSteps} missing step(s). " +
            $"Use {nameof(GapPolicy)}.{nameof(GapPolicy.Insert)} to insert the missing timestamps as rows of missing values.";
    }

    /// <summary>Row i's position on the gap-free axis that starts at row 0.</summary>
    public static int[] Positions(DateTime[] times, TimeSpan interval)
    {
        var positions = new int[times.Length];
        for (int i = 0; i < times.Length; i++) positions[i] = checked((int)((times[i] - times[0]).Ticks / interval.Ticks));
        return positions;
    }
}
