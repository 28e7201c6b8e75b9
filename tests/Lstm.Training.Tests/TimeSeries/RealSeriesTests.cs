using Lstm.Training.TimeSeries;

namespace Lstm.Training.Tests.TimeSeries;

/// <summary>The two real series of <c>shared/data/timeseries/</c> read as the forecasting examples will read them.</summary>
public class RealSeriesTests
{
    public static readonly TimeSeriesFileOptions Pollution = new()
    {
        TimeColumns = ["year", "month", "day", "hour"],
        TargetColumn = "pm2.5",
        FeatureColumns = ["DEWP", "TEMP", "PRES", "cbwd", "Iws", "Is", "Ir"],
    };

    public static readonly TimeSeriesFileOptions Temperatures = new() { TimeColumns = ["Date"], TargetColumn = "Temp" };

    [SkippableFact]
    public void Pollution_reads_hourly_without_gaps_with_cbwd_categorical()
    {
        var table = TimeSeriesTable.Read(SharedTimeSeriesData.FindOrSkip(SharedTimeSeriesData.Pollution), Pollution);

        Assert.Equal(43_824, table.Count);
        Assert.Equal(TimeSpan.FromHours(1), table.Interval);
        Assert.Empty(table.Gaps);
        Assert.Equal(new DateTime(2010, 1, 1, 0, 0, 0), table.Start);
        Assert.Equal(new DateTime(2014, 12, 31, 23, 0, 0), table.Times[^1]);
        Assert.All(Enumerable.Range(0, 24), row => Assert.True(table.Target.IsMissing(row)));
        Assert.Equal(129, table.Target.Numbers[24]);
        Assert.Equal(2_067, table.Target.MissingCount);
        var cbwd = table.Features[3];
        Assert.True(cbwd.IsCategorical);
        Assert.Equal(["NE", "NW", "SE", "cv"], cbwd.Categories.Distinct().Order(StringComparer.Ordinal));
        Assert.All(table.Features.Where(f => f.Name != "cbwd"), f => Assert.False(f.IsCategorical));
    }

    [SkippableFact]
    public void Pollution_windows_one_hot_encode_cbwd_with_its_four_categories()
    {
        var table = TimeSeriesTable.Read(SharedTimeSeriesData.FindOrSkip(SharedTimeSeriesData.Pollution), Pollution);

        var series = SeriesWindows.Build(table, new WindowOptions { WindowLength = 24, MissingValues = MissingValuePolicy.Mask });

        Assert.Equal(["pm2.5", "DEWP", "TEMP", "PRES", "cbwd=NE", "cbwd=NW", "cbwd=SE", "cbwd=cv", "Iws", "Is", "Ir", "pm2.5 missing"], series.FeatureNames);
        Assert.Equal(24 * 12, series.Train.Inputs[0].Length);
        Assert.Equal(new ChronologicalSplit(43_824, 30_676, 35_059), series.Split);
        Assert.Equal(["pm2.5", "DEWP", "TEMP", "PRES", "Iws", "Is", "Ir"], series.Scaler.Columns.Select(c => c.Name));
    }

    [SkippableFact]
    public void Temperatures_report_their_gaps_by_default()
    {
        string path = SharedTimeSeriesData.FindOrSkip(SharedTimeSeriesData.Temperatures);

        var error = Assert.Throws<InvalidDataException>(() => TimeSeriesTable.Read(path, Temperatures));

        Assert.Equal(
            $"{path}: 2 gap(s) in the time axis (2 missing timestamp(s) at the sampling interval of 1 day); the first is from 1984-12-30 (line 1461) to 1985-01-01 (line 1462), 1 missing step(s). " +
            "Use GapPolicy.Insert to insert the missing timestamps as rows of missing values.", error.Message);
    }

    [SkippableFact]
    public void Temperatures_get_the_missing_31_decembers_of_leap_years_inserted()
    {
        var table = TimeSeriesTable.Read(SharedTimeSeriesData.FindOrSkip(SharedTimeSeriesData.Temperatures), Temperatures with { Gaps = GapPolicy.Insert });

        Assert.Equal(3_652, table.Count);
        Assert.Equal(TimeSpan.FromDays(1), table.Interval);
        Assert.Equal(
            [new SeriesGap(new DateTime(1984, 12, 30), 1461, new DateTime(1985, 1, 1), 1462, 1), new SeriesGap(new DateTime(1988, 12, 30), 2921, new DateTime(1989, 1, 1), 2922, 1)],
            table.Gaps);
        foreach (var day in new[] { new DateTime(1984, 12, 31), new DateTime(1988, 12, 31) })
        {
            int row = table.IndexOf(day);
            Assert.True(table.Target.IsMissing(row));
            Assert.Equal(0, table.LineNumbers[row]);
        }
        Assert.Equal(20.7, table.Target.Numbers[0]);
        Assert.Equal(new DateTime(1990, 12, 31), table.Times[^1]);
    }
}
