using Lstm.Training.TimeSeries;

namespace Lstm.Training.Tests.TimeSeries;

/// <summary>Every rule <see cref="TimeSeriesTable.Parse"/> enforces, with the exact message: file, 1-based line, column, what was expected.</summary>
public class TimeSeriesTableErrorTests
{
    private static readonly TimeSeriesFileOptions Hourly = new() { TimeColumns = ["year", "month", "day", "hour"], TargetColumn = "v" };

    [Fact]
    public void Unsorted_timestamps() => SeriesCsv.Rejects(
        "s.csv line 4, column 'Date': the time 2020-01-02 is earlier than 2020-01-03 on line 3; the rows must be ordered by time, oldest first.",
        () => SeriesCsv.Parse("Date,Value\n2020-01-01,1\n2020-01-03,2\n2020-01-02,3\n", SeriesCsv.Univariate));

    [Fact]
    public void Duplicate_timestamps() => SeriesCsv.Rejects(
        "s.csv line 3, columns 'year', 'month', 'day', 'hour': the time 2020-01-01 05:00 repeats line 2; each time must appear once.",
        () => SeriesCsv.Parse("year,month,day,hour,v\n2020,1,1,5,1\n2020,1,1,5,2\n", Hourly));

    [Fact]
    public void Unparseable_date() => SeriesCsv.Rejects(
        "s.csv line 3, column 'Date': expected a date or date-time in ISO 8601 form (e.g. 2010-01-31, 2010-01-31 13:00 or 2010-01-31T13:00:00), found '01/02/2020'.",
        () => SeriesCsv.Parse("Date,Value\n2020-01-01,1\n01/02/2020,2\n", SeriesCsv.Univariate));

    [Fact]
    public void Unparseable_time_part() => SeriesCsv.Rejects(
        "s.csv line 2, column 'hour': expected an integer hour, found '5h'.",
        () => SeriesCsv.Parse("year,month,day,hour,v\n2020,1,1,5h,1\n2020,1,1,6,2\n", Hourly));

    [Fact]
    public void Time_parts_that_make_no_date() => SeriesCsv.Rejects(
        "s.csv line 3, columns 'year', 'month', 'day', 'hour': year 2020, month 2, day 30, hour 0 is not a valid time.",
        () => SeriesCsv.Parse("year,month,day,hour,v\n2020,2,29,0,1\n2020,2,30,0,2\n", Hourly));

    [Fact]
    public void Unparseable_number() => SeriesCsv.Rejects(
        "s.csv line 3, column 'Value': expected a number (or a missing-value token: 'NA', 'NaN', ''), found '1,5'.",
        () => SeriesCsv.Parse("Date,Value\n2020-01-01,1\n2020-01-02,\"1,5\"\n", SeriesCsv.Univariate));

    [Fact]
    public void Text_in_a_feature_declared_numeric() => SeriesCsv.Rejects(
        "s.csv line 2, column 'x': expected a number (or a missing-value token: 'NA', 'NaN', ''), found 'high'.",
        () => SeriesCsv.Parse("Date,Value,x,c\n2020-01-01,1,high,a\n2020-01-02,2,3,b\n",
            SeriesCsv.Univariate with { FeatureColumns = ["x", "c"], CategoricalColumns = ["c"] }));

    [Fact]
    public void Missing_column_lists_the_header() => SeriesCsv.Rejects(
        "s.csv: no column 'Temp' in the header (line 1); the columns are: Date, Value, Wind.",
        () => SeriesCsv.Parse("Date,Value,Wind\n2020-01-01,1,2\n2020-01-02,2,3\n", SeriesCsv.Univariate with { FeatureColumns = ["Temp"] }));

    [Fact]
    public void Column_that_is_all_missing() => SeriesCsv.Rejects(
        "s.csv, column 'Wind': all 3 values are missing ('NA', 'NaN', ''); the column has nothing to learn from.",
        () => SeriesCsv.Parse("Date,Value,Wind\n2020-01-01,1,NA\n2020-01-02,2,\n2020-01-03,3,nan\n", SeriesCsv.Univariate with { FeatureColumns = ["Wind"] }));

    [Fact]
    public void Fewer_than_two_rows() => SeriesCsv.Rejects(
        "s.csv: 1 data row(s); at least 2 are needed to infer the sampling interval.",
        () => SeriesCsv.Daily("1"));

    [Fact]
    public void Empty_file() => SeriesCsv.Rejects(
        "s.csv is empty: expected a header row naming the columns.",
        () => SeriesCsv.Parse("", SeriesCsv.Univariate));

    [Fact]
    public void Wrong_field_count() => SeriesCsv.Rejects(
        "s.csv line 3: expected 2 fields as in the header (line 1), found 3.",
        () => SeriesCsv.Parse("Date,Value\n2020-01-01,1\n2020-01-02,2,3\n", SeriesCsv.Univariate));

    [Fact]
    public void Gaps_are_an_error_by_default_naming_the_first_and_the_count() => SeriesCsv.Rejects(
        "s.csv: 2 gap(s) in the time axis (3 missing timestamp(s) at the sampling interval of 1 day); the first is from 2020-01-03 (line 4) to 2020-01-05 (line 5), 1 missing step(s). " +
        "Use GapPolicy.Insert to insert the missing timestamps as rows of missing values.",
        () => SeriesCsv.Parse("Date,Value\n2020-01-01,1\n2020-01-02,2\n2020-01-03,3\n2020-01-05,5\n2020-01-06,6\n2020-01-09,9\n", SeriesCsv.Univariate));

    [Fact]
    public void A_step_that_is_not_a_whole_number_of_intervals() => SeriesCsv.Rejects(
        "s.csv line 5: the step from 2020-01-01 02:00 (line 4) to 2020-01-01 03:30 is 90 minutes, not a whole number of sampling intervals (1 hour, the most common step); the series must be regularly sampled.",
        () => SeriesCsv.Parse("t,v\n2020-01-01 00:00,1\n2020-01-01 01:00,2\n2020-01-01 02:00,3\n2020-01-01 03:30,4\n", new TimeSeriesFileOptions { TimeColumns = ["t"], TargetColumn = "v", Gaps = GapPolicy.Insert }));

    [Fact]
    public void The_target_is_not_a_feature()
    {
        var error = Assert.Throws<ArgumentException>(() => SeriesCsv.Parse(SeriesCsv.DailyText("1", "2"), SeriesCsv.Univariate with { FeatureColumns = ["value"] }));
        Assert.StartsWith("The target 'value' is always the first input", error.Message);
    }
}
