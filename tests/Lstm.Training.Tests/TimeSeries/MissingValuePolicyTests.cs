using Lstm.Training.TimeSeries;

namespace Lstm.Training.Tests.TimeSeries;

public class MissingValuePolicyTests
{
    // Training rows 0..13 of 20; the values are row + 1 with holes at rows 0, 4, 5 and 15 (test row 16 onwards is whole).
    private static TimeSeriesTable Holed()
    {
        string[] values = SeriesCsv.Counting(20);
        foreach (int row in new[] { 0, 4, 5, 15 }) values[row] = "NA";
        return SeriesCsv.Daily(values);
    }

    private static WindowedSeries Build(MissingValuePolicy policy) =>
        SeriesWindows.Build(Holed(), new WindowOptions { WindowLength = 3, MissingValues = policy });

    private static double[] Unscaled(WindowedSeries series, float[] input) =>
        [.. input.Select(v => Math.Round(series.Scaler.InverseTarget(v), 4))];

    [Fact]
    public void DropWindows_leaves_out_windows_and_targets_with_a_hole()
    {
        var series = Build(MissingValuePolicy.DropWindows);

        // First target rows 3..13 are training; rows 4, 5 are holes as targets and inside windows up to row 8; row 3's window holds row 0.
        Assert.Equal([9, 10, 11, 12, 13], series.Train.FirstTargetRows);
        Assert.Equal(6, series.Train.DroppedCount);
        Assert.Equal([14], series.Validation.FirstTargetRows);   // row 15 (a hole as target) is left out
        Assert.Equal([19], series.Test.FirstTargetRows);         // rows 16..18 see row 15 in their window
    }

    [Fact]
    public void ForwardFill_takes_the_last_observed_value_and_the_first_one_before_any()
    {
        var series = Build(MissingValuePolicy.ForwardFill);

        Assert.Equal([3, 6, 7, 8, 9, 10, 11, 12, 13], series.Train.FirstTargetRows);   // holes are never targets
        Assert.Equal([2.0, 2.0, 3.0], Unscaled(series, series.Train.Inputs[0]));          // row 0 takes row 1's value
        Assert.Equal([4.0, 4.0, 4.0], Unscaled(series, series.Train.Inputs[1]));          // rows 4, 5 take row 3's
        Assert.Equal(["Value"], series.FeatureNames);
    }

    [Fact]
    public void Mask_sets_holes_to_zero_and_adds_a_was_missing_feature()
    {
        var series = Build(MissingValuePolicy.Mask);

        Assert.Equal(["Value", "Value missing"], series.FeatureNames);
        Assert.Equal(["Value"], series.MaskedColumns);
        // Example at row 6: window rows 3, 4, 5 = value 4, hole, hole.
        int at = series.Train.FirstTargetRows.ToList().IndexOf(6);
        float four = (float)series.Scaler.ApplyTarget(4);
        Assert.Equal([four, 0f, 0f, 1f, 0f, 1f], series.Train.Inputs[at]);
        // Mean and std of the observed training values 2, 3, 4, 7, 8, ..., 14 only.
        double[] observed = [2, 3, 4, .. Enumerable.Range(7, 8).Select(v => (double)v)];
        Assert.Equal(observed.Average(), series.Scaler.Columns[0].Mean, 12);
    }

    [Fact]
    public void Mask_encodes_a_missing_category_as_zeros_with_its_indicator()
    {
        var table = SeriesCsv.Parse("Date,Value,c\n" + string.Concat(Enumerable.Range(0, 10).Select(i =>
            $"{new DateTime(2020, 1, 1).AddDays(i):yyyy-MM-dd},{i},{(i == 1 ? "NA" : "k")}\n")), SeriesCsv.Univariate with { FeatureColumns = ["c"] });

        var series = SeriesWindows.Build(table, new WindowOptions { WindowLength = 2, MissingValues = MissingValuePolicy.Mask });

        Assert.Equal(["Value", "c=k", "c missing"], series.FeatureNames);
        Assert.Equal(1f, series.Train.Inputs[0][1]);   // row 0: k
        Assert.Equal(0f, series.Train.Inputs[0][4]);   // row 1: missing → no category
        Assert.Equal(1f, series.Train.Inputs[0][5]);   // ... and flagged
    }

    [Fact]
    public void A_part_whose_examples_are_all_dropped_is_an_error_that_says_so()
    {
        string[] values = SeriesCsv.Counting(10);
        values[7] = "NA";   // the only validation row
        SeriesCsv.Rejects(
            "s.csv: the validation part (rows 8 to 8 of 10) has no example: all 1 candidate(s) were dropped for missing values (policy DropWindows).",
            () => SeriesWindows.Build(SeriesCsv.Daily(values), new WindowOptions { WindowLength = 2 }));
    }
}
