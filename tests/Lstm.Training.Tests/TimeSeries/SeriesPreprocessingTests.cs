using Lstm.Training.TimeSeries;

namespace Lstm.Training.Tests.TimeSeries;

public class SeriesPreprocessingTests
{
    private static readonly TimeSeriesFileOptions WithFeatures = SeriesCsv.Univariate with { FeatureColumns = ["x", "c"] };

    // Ten days: Value = i + 1, x = 10 (i + 1) with a hole at row 2, c alternating b/a.
    private static string Csv(int rows) => "Date,Value,x,c\n" + string.Concat(Enumerable.Range(0, rows).Select(i =>
        $"{new DateTime(2020, 1, 1).AddDays(i):yyyy-MM-dd},{i + 1},{(i == 2 ? "NA" : (10 * (i + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture))},{(i % 2 == 0 ? "b" : "a")}\n"));

    private static WindowedSeries Trained() =>
        SeriesWindows.Build(SeriesCsv.Parse(Csv(10), WithFeatures), new WindowOptions { WindowLength = 3, MissingValues = MissingValuePolicy.Mask });

    [Fact]
    public void Round_trips_through_json()
    {
        var preprocessing = Trained().Preprocessing;

        string json = preprocessing.ToJson();
        var read = SeriesPreprocessing.FromJson(json);

        Assert.Equal(json, read.ToJson());
        Assert.Equal(["Value", "x", "c=a", "c=b", "x missing"], read.FeatureNames);
        Assert.Equal(MissingValuePolicy.Mask, read.MissingValues);
        Assert.Equal(TimeSpan.FromDays(1), read.Interval);
        Assert.Equal(preprocessing.Scaler.Columns, read.Scaler.Columns);
        Assert.Contains("\"missingValues\": \"Mask\"", json);
    }

    [Fact]
    public void The_latest_input_of_new_data_is_prepared_as_the_training_data_was()
    {
        var series = Trained();
        var preprocessing = SeriesPreprocessing.FromJson(series.Preprocessing.ToJson());

        // The first nine rows again: their last window (rows 6..8) is the input of the last test example (first target row 9).
        var forecast = SeriesWindows.LatestInput(SeriesCsv.Parse(Csv(9), WithFeatures), preprocessing);

        Assert.Equal(series.Test.Inputs[^1], forecast.Input);
        Assert.Equal([new DateTime(2020, 1, 10)], forecast.TargetTimes);
    }

    [Fact]
    public void New_data_with_other_columns_is_rejected() => SeriesCsv.Rejects(
        "s.csv: the columns (target then features) are Value; the preprocessing expects Value, x, c.",
        () => SeriesWindows.LatestInput(SeriesCsv.Daily(SeriesCsv.Counting(5)), Trained().Preprocessing));

    [Fact]
    public void Inconsistent_json_is_rejected()
    {
        string json = Trained().Preprocessing.ToJson().Replace("\"name\": \"x\"", "\"name\": \"y\"");

        var error = Assert.Throws<InvalidDataException>(() => SeriesPreprocessing.FromJson(json));
        Assert.Contains("must be the target then the numeric features", error.Message);
    }
}
