using Lstm.Training.TimeSeries;

namespace Lstm.Training.Tests.TimeSeries;

public class TimeSeriesTableTests
{
    [Fact]
    public void Reads_an_iso_date_column_with_quoted_fields()
    {
        var table = SeriesCsv.Parse("\"Date\",\"Temp\"\n\"1981-01-01\",20.7\n\"1981-01-02\",17.9\n\"1981-01-03\",NA\n",
            new TimeSeriesFileOptions { TimeColumns = ["Date"], TargetColumn = "Temp" });

        Assert.Equal(3, table.Count);
        Assert.Equal(TimeSpan.FromDays(1), table.Interval);
        Assert.Equal(new DateTime(1981, 1, 2), table.Times[1]);
        Assert.Equal([2, 3, 4], table.LineNumbers);
        Assert.Equal(20.7, table.Target.Numbers[0]);
        Assert.True(table.Target.IsMissing(2));
        Assert.Empty(table.Features);
        Assert.Empty(table.Gaps);
    }

    [Theory]
    [InlineData("2010-01-31 13:00", 13, 0)]
    [InlineData("2010-01-31T13:30:00", 13, 30)]
    [InlineData("2010-01-31 13:00:00", 13, 0)]
    public void Reads_iso_date_times(string first, int hour, int minute)
    {
        var table = SeriesCsv.Parse($"t,v\n{first},1\n2010-01-31T15:00:00,2\n", new TimeSeriesFileOptions { TimeColumns = ["t"], TargetColumn = "v", Gaps = GapPolicy.Insert });

        Assert.Equal(new DateTime(2010, 1, 31, hour, minute, 0), table.Start);
    }

    [Fact]
    public void Combines_integer_columns_in_the_order_year_month_day_hour()
    {
        var table = SeriesCsv.Parse("No,year,month,day,hour,v\n1,2010,12,31,22,1\n2,2010,12,31,23,2\n3,2011,1,1,0,3\n",
            new TimeSeriesFileOptions { TimeColumns = ["year", "month", "day", "hour"], TargetColumn = "v" });

        Assert.Equal([new DateTime(2010, 12, 31, 22, 0, 0), new DateTime(2010, 12, 31, 23, 0, 0), new DateTime(2011, 1, 1)], table.Times);
        Assert.Equal(TimeSpan.FromHours(1), table.Interval);
    }

    [Fact]
    public void A_feature_column_whose_values_are_not_all_numbers_is_categorical()
    {
        var table = SeriesCsv.Parse("t,v,wind,speed,flag\n2020-01-01,1,NW,1.5,0\n2020-01-02,2,NA,2.5,1\n2020-01-03,3,SE,NaN,0\n",
            new TimeSeriesFileOptions { TimeColumns = ["t"], TargetColumn = "v", FeatureColumns = ["wind", "speed", "flag"] });

        Assert.True(table.Features[0].IsCategorical);
        Assert.Equal(["NW", null, "SE"], table.Features[0].Categories);
        Assert.False(table.Features[1].IsCategorical);
        Assert.True(double.IsNaN(table.Features[1].Numbers[2]));
        Assert.False(table.Features[2].IsCategorical);
    }

    [Fact]
    public void Declared_categorical_columns_override_detection()
    {
        var table = SeriesCsv.Parse("t,v,station,flag\n2020-01-01,1,7,0\n2020-01-02,2,8,1\n",
            new TimeSeriesFileOptions { TimeColumns = ["t"], TargetColumn = "v", FeatureColumns = ["station", "flag"], CategoricalColumns = ["station"] });

        Assert.True(table.Features[0].IsCategorical);
        Assert.Equal(["7", "8"], table.Features[0].Categories);
        Assert.False(table.Features[1].IsCategorical);
    }

    [Fact]
    public void Missing_value_tokens_can_be_replaced()
    {
        var table = SeriesCsv.Parse("t,v\n2020-01-01,-999\n2020-01-02,2\n",
            new TimeSeriesFileOptions { TimeColumns = ["t"], TargetColumn = "v", MissingValueTokens = ["-999"] });

        Assert.True(table.Target.IsMissing(0));
    }

    [Fact]
    public void The_interval_is_the_most_common_step()
    {
        var table = SeriesCsv.Parse("t,v\n2020-01-01,1\n2020-01-02,2\n2020-01-04,4\n2020-01-05,5\n", SeriesCsv.Univariate with { TimeColumns = ["t"], TargetColumn = "v", Gaps = GapPolicy.Insert });

        Assert.Equal(TimeSpan.FromDays(1), table.Interval);
    }

    [Fact]
    public void Gap_insert_adds_rows_of_missing_values_and_records_the_gaps()
    {
        var table = SeriesCsv.Parse("t,v,c\n2020-01-01,1,a\n2020-01-02,2,b\n2020-01-05,5,a\n2020-01-06,6,b\n",
            new TimeSeriesFileOptions { TimeColumns = ["t"], TargetColumn = "v", FeatureColumns = ["c"], Gaps = GapPolicy.Insert });

        Assert.Equal(6, table.Count);
        Assert.Equal(2, table.InsertedRowCount);
        Assert.Equal(new SeriesGap(new DateTime(2020, 1, 2), 3, new DateTime(2020, 1, 5), 4, 2), Assert.Single(table.Gaps));
        Assert.Equal([2, 3, 0, 0, 4, 5], table.LineNumbers);
        Assert.Equal(new DateTime(2020, 1, 3), table.Times[2]);
        Assert.True(table.Target.IsMissing(2) && table.Target.IsMissing(3));
        Assert.Equal(5, table.Target.Numbers[4]);
        Assert.Equal(["a", "b", null, null, "a", "b"], table.Features[0].Categories);
        Assert.Equal(3, table.IndexOf(new DateTime(2020, 1, 4)));
        Assert.Equal(-1, table.IndexOf(new DateTime(2020, 1, 7)));
        Assert.Equal(-1, table.IndexOf(new DateTime(2020, 1, 4, 12, 0, 0)));
    }
}
