using Lstm.Training.TimeSeries;

namespace Lstm.Training.Tests.TimeSeries;

public class SeriesWindowsTests
{
    // Values 1..10 on 2020-01-01..10. Training rows 0..6 hold 1..7: mean 4, population std 2, so v scales to (v − 4) / 2.
    private static WindowedSeries Tiny() => SeriesWindows.Build(SeriesCsv.Daily(SeriesCsv.Counting(10)), new WindowOptions { WindowLength = 3, Horizon = 2 });

    [Fact]
    public void Windows_of_three_steps_predict_the_next_two_values_scaled()
    {
        var series = Tiny();

        Assert.Equal(new ScaledColumn("Value", 4, 2), Assert.Single(series.Scaler.Columns));
        Assert.Equal(["Value"], series.FeatureNames);
        Assert.Equal([3, 4, 5, 6], series.Train.FirstTargetRows);
        Assert.Equal([-1.5f, -1f, -0.5f], series.Train.Inputs[0]);   // values 1, 2, 3
        Assert.Equal([0f, 0.5f], series.Train.Targets[0]);           // values 4, 5
        Assert.Equal([4.0, 5.0], series.Train.ActualTargets[0]);
        Assert.Equal([new DateTime(2020, 1, 4), new DateTime(2020, 1, 5)], series.Train.TargetTimes[0]);
        Assert.Equal([1f, 1.5f, 2f], series.Test.Inputs[0]);         // values 6, 7, 8
        Assert.Equal([2.5f, 3f], series.Test.Targets[0]);            // values 9, 10
        Assert.Equal([new DateTime(2020, 1, 9), new DateTime(2020, 1, 10)], series.Test.TargetTimes[0]);
    }

    [Fact]
    public void An_example_belongs_to_the_part_of_its_first_target_step()
    {
        var series = Tiny();

        // 10 rows: training rows 0..6 (0.7), validation row 7 (0.1), test rows 8..9.
        Assert.Equal(new ChronologicalSplit(10, 7, 8), series.Split);
        Assert.Equal([7], series.Validation.FirstTargetRows);
        Assert.Equal([8], series.Test.FirstTargetRows);
        // The last training example's second target (row 7) lies in validation; its first does not.
        Assert.Equal([7.0, 8.0], series.Train.ActualTargets[^1]);
        // The validation example's window looks back into the training rows 4..6.
        Assert.Equal([0.5f, 1f, 1.5f], series.Validation.Inputs[0]);
    }

    [Fact]
    public void Split_boundaries_follow_the_fractions_of_the_time_axis()
    {
        var series = SeriesWindows.Build(SeriesCsv.Daily(SeriesCsv.Counting(100)),
            new WindowOptions { WindowLength = 5, Horizon = 3, TrainFraction = 0.6, ValidationFraction = 0.15 });

        Assert.Equal(new ChronologicalSplit(100, 60, 75), series.Split);
        Assert.Equal(Enumerable.Range(5, 55), series.Train.FirstTargetRows);
        Assert.Equal(Enumerable.Range(60, 15), series.Validation.FirstTargetRows);
        Assert.Equal(Enumerable.Range(75, 23), series.Test.FirstTargetRows);   // up to row 97, so that rows 98 and 99 complete the horizon
    }

    [Fact]
    public void Features_are_laid_out_step_by_step_target_first()
    {
        // x is 10 × the value; c alternates a/b, with z only in the test rows (unseen: all zeros).
        string text = "Date,Value,x,c\n" + string.Concat(Enumerable.Range(0, 10).Select(i =>
            $"{new DateTime(2020, 1, 1).AddDays(i):yyyy-MM-dd},{i + 1},{10 * (i + 1)},{(i >= 8 ? "z" : i % 2 == 0 ? "b" : "a")}\n"));
        var table = SeriesCsv.Parse(text, SeriesCsv.Univariate with { FeatureColumns = ["x", "c"] });

        var series = SeriesWindows.Build(table, new WindowOptions { WindowLength = 3, Horizon = 1 });

        Assert.Equal(["Value", "x", "c=a", "c=b"], series.FeatureNames);
        var encoding = Assert.Single(series.Categories);
        Assert.Equal("c", encoding.Column);
        Assert.Equal(["a", "b"], encoding.Categories);
        Assert.Equal(new ScaledColumn("x", 40, 20), series.Scaler.Columns[1]);
        // Rows 0, 1, 2: values 1, 2, 3; x 10, 20, 30; c b, a, b.
        Assert.Equal([-1.5f, -1.5f, 0, 1, -1f, -1f, 1, 0, -0.5f, -0.5f, 0, 1], series.Train.Inputs[0]);
        // The last test example's window is rows 6, 7, 8: row 8's category z was not seen in training.
        int f = series.FeatureCount;
        Assert.Equal(9, series.Test.FirstTargetRows[^1]);
        Assert.Equal([0f, 0f], series.Test.Inputs[^1][(2 * f + 2)..(3 * f)]);
        Assert.Equal([1f, 0f], series.Test.Inputs[^1][(1 * f + 2)..(2 * f)]);   // row 7: a
    }

    [Fact]
    public void A_window_longer_than_the_data_is_an_error() => SeriesCsv.Rejects(
        "s.csv: a window of 10 steps and a horizon of 1 need at least 11 rows for one example; the series has 5.",
        () => SeriesWindows.Build(SeriesCsv.Daily(SeriesCsv.Counting(5)), new WindowOptions { WindowLength = 10 }));

    [Fact]
    public void A_part_without_examples_is_an_error() => SeriesCsv.Rejects(
        "s.csv: the train part (rows 1 to 7 of 10) has no example: examples can only start (first target step) at rows 8 to 10, after a window of 7 and leaving room for a horizon of 1.",
        () => SeriesWindows.Build(SeriesCsv.Daily(SeriesCsv.Counting(10)), new WindowOptions { WindowLength = 7 }));

    [Fact]
    public void A_fraction_too_small_for_one_row_is_an_error() => SeriesCsv.Rejects(
        "s.csv: the validation part (no row of 10: its fraction is too small) has no example: examples can only start (first target step) at rows 3 to 10, after a window of 2 and leaving room for a horizon of 1.",
        () => SeriesWindows.Build(SeriesCsv.Daily(SeriesCsv.Counting(10)), new WindowOptions { WindowLength = 2, ValidationFraction = 0.05 }));

    [Fact]
    public void No_validation_part_when_its_fraction_is_zero()
    {
        var series = SeriesWindows.Build(SeriesCsv.Daily(SeriesCsv.Counting(10)), new WindowOptions { WindowLength = 2, ValidationFraction = 0 });

        Assert.Equal(0, series.Validation.Count);
        Assert.Equal([7, 8, 9], series.Test.FirstTargetRows);
    }

    [Fact]
    public void Out_of_range_options_are_rejected()
    {
        var table = SeriesCsv.Daily(SeriesCsv.Counting(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesWindows.Build(table, new WindowOptions { WindowLength = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesWindows.Build(table, new WindowOptions { WindowLength = 2, Horizon = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesWindows.Build(table, new WindowOptions { WindowLength = 2, TrainFraction = 0.9, ValidationFraction = 0.1 }));
    }
}
