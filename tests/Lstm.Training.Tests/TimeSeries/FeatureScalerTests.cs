using Lstm.Training.TimeSeries;

namespace Lstm.Training.Tests.TimeSeries;

public class FeatureScalerTests
{
    [Fact]
    public void Learns_on_the_training_rows_only_ignoring_missing_values()
    {
        var scaler = FeatureScaler.Fit(["a", "b"], [[1, double.NaN, 3, 100], [5, 5, 5, 7]], trainingRows: 3);

        Assert.Equal(new ScaledColumn("a", 2, 1), scaler.Columns[0]);
        Assert.Equal(new ScaledColumn("b", 5, 1), scaler.Columns[1]);   // a constant column: std 0 becomes 1
        Assert.Equal(98, scaler.Apply(0, 100));
        Assert.Equal(100, scaler.InverseTarget(98));
        Assert.Equal([2.0, 4.0], scaler.InverseTarget([0f, 2f]));
    }

    [Fact]
    public void Round_trips_through_json()
    {
        var scaler = new FeatureScaler([new ScaledColumn("pm2.5", 98.61321, 92.0509), new ScaledColumn("PRES", 1016.447654, 10.2687)]);

        string json = scaler.ToJson();
        var read = FeatureScaler.FromJson(json);

        Assert.Contains("\"standardDeviation\"", json);
        Assert.Equal(scaler.Columns, read.Columns);
    }

    [Fact]
    public void Rejects_json_that_is_not_a_scaler()
    {
        Assert.Throws<InvalidDataException>(() => FeatureScaler.FromJson("{}"));
        Assert.Throws<InvalidDataException>(() => FeatureScaler.FromJson("[1,"));
        Assert.Throws<InvalidDataException>(() => FeatureScaler.FromJson("{\"columns\":[{\"name\":\"a\",\"mean\":0,\"standardDeviation\":0}]}"));
    }

    [Fact]
    public void Changing_test_values_changes_neither_the_scaler_nor_the_training_examples()
    {
        string[] values = SeriesCsv.Counting(20);
        string[] changed = [.. values.Take(16), "1000", "NA", "-5", "3.5"];   // the test rows are 16..19 (default 0.7/0.1/0.2)
        var options = new WindowOptions { WindowLength = 3, MissingValues = MissingValuePolicy.Mask };

        var original = SeriesWindows.Build(SeriesCsv.Daily(values), options);
        var altered = SeriesWindows.Build(SeriesCsv.Daily(changed), options);

        Assert.Equal(original.Scaler.ToJson(), altered.Scaler.ToJson());
        Assert.Equal(original.FeatureNames, altered.FeatureNames);   // no "missing" indicator: the training rows have no hole
        Assert.Equal(original.Train.Inputs, altered.Train.Inputs);
        Assert.Equal(original.Validation.Targets, altered.Validation.Targets);
    }
}
