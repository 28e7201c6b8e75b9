using Lstm.Training.TimeSeries;

namespace Lstm.Training.Tests.TimeSeries;

public class ForecastBaselineTests
{
    // Values 1..10 on 2020-01-01..10, W = 3, H = 2: the test example forecasts rows 8, 9 (values 9, 10) after row 7 (value 8).
    private static (TimeSeriesTable Table, WindowedSeries Series) Tiny()
    {
        var table = SeriesCsv.Daily(SeriesCsv.Counting(10));
        return (table, SeriesWindows.Build(table, new WindowOptions { WindowLength = 3, Horizon = 2 }));
    }

    [Fact]
    public void Naive_repeats_the_last_observed_value()
    {
        var (table, series) = Tiny();

        Assert.Equal([[8.0, 8.0]], NaiveForecast.Predict(table, series.Test));
        Assert.Equal([[3.0, 3.0], [4.0, 4.0], [5.0, 5.0], [6.0, 6.0]], NaiveForecast.Predict(table, series.Train));
    }

    [Fact]
    public void Naive_walks_back_over_missing_values()
    {
        string[] values = SeriesCsv.Counting(10);
        values[7] = "NA";
        var table = SeriesCsv.Daily(values);
        var series = SeriesWindows.Build(table, new WindowOptions { WindowLength = 3, Horizon = 2, ValidationFraction = 0, MissingValues = MissingValuePolicy.ForwardFill });

        // The test example at row 7 is left out (its target is the hole); the one at row 8 starts right after the hole.

        Assert.Equal([[7.0, 7.0]], NaiveForecast.Predict(table, series.Test));
    }

    [Fact]
    public void Seasonal_naive_takes_the_value_one_season_earlier_and_skips_what_the_series_lacks()
    {
        var (table, series) = Tiny();

        Assert.Equal([[4.0, 5.0]], SeasonalNaiveForecast.Predict(table, series.Test, TimeSpan.FromDays(5)));
        // Nine days before 2020-01-09 is 2019-12-31, before the series: not forecast.
        var partial = SeasonalNaiveForecast.Predict(table, series.Test, TimeSpan.FromDays(9));
        Assert.True(double.IsNaN(partial[0][0]));
        Assert.Equal(1.0, partial[0][1]);
        var errors = ForecastMetrics.Evaluate(series.Test.ActualTargets, partial);
        Assert.Equal(0.5, errors.Overall.Coverage);
        Assert.Equal(9.0, errors.Overall.MeanAbsoluteError);
    }

    [Fact]
    public void Seasonal_naive_refuses_a_season_shorter_than_the_horizon()
    {
        var (table, series) = Tiny();

        Assert.Throws<ArgumentException>(() => SeasonalNaiveForecast.Predict(table, series.Test, TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Default_seasons_are_a_day_for_hourly_and_365_days_for_daily_data()
    {
        Assert.Equal(TimeSpan.FromDays(1), SeasonalNaiveForecast.DefaultSeason(TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromDays(365), SeasonalNaiveForecast.DefaultSeason(TimeSpan.FromDays(1)));
        Assert.Throws<ArgumentException>(() => SeasonalNaiveForecast.DefaultSeason(TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Metrics_by_hand_overall_and_per_step()
    {
        double[][] actual = [[9, 10], [0, 4]];
        double[][] predicted = [[8, 8], [1, 5]];

        var errors = ForecastMetrics.Evaluate(actual, predicted);

        // Errors 1, 2 | 1, 1.
        Assert.Equal(1.25, errors.Overall.MeanAbsoluteError);
        Assert.Equal(Math.Sqrt(7.0 / 4), errors.Overall.RootMeanSquaredError, 12);
        Assert.Equal(100 * (1.0 / 9 + 2.0 / 10 + 1.0 / 4) / 3, errors.Overall.MeanAbsolutePercentageError, 12);   // the actual 0 is left out
        Assert.Equal((4, 3, 4), (errors.Overall.Points, errors.Overall.MapePoints, errors.Overall.TotalPoints));
        Assert.Equal(1.0, errors.PerStep[0].MeanAbsoluteError);
        Assert.Equal(100.0 / 9, errors.PerStep[0].MeanAbsolutePercentageError, 12);
        Assert.Equal(1, errors.PerStep[0].MapePoints);
        Assert.Equal(1.5, errors.PerStep[1].MeanAbsoluteError);
        Assert.Equal(Math.Sqrt(2.5), errors.PerStep[1].RootMeanSquaredError, 12);
    }

    [Fact]
    public void Mape_is_nan_when_every_actual_is_zero()
    {
        var errors = ForecastMetrics.Evaluate([[0.0, 0.0]], [[1.0, 2.0]]);

        Assert.True(double.IsNaN(errors.Overall.MeanAbsolutePercentageError));
        Assert.Equal(0, errors.Overall.MapePoints);
        Assert.Equal(1.5, errors.Overall.MeanAbsoluteError);
    }

    [Fact]
    public void A_model_can_be_scored_on_the_points_a_baseline_covers()
    {
        double[][] actual = [[10, 20]];
        double[][] model = [[11, 25]];
        double[][] baseline = [[double.NaN, 22]];

        var errors = ForecastMetrics.Evaluate(actual, model, onlyWhere: baseline);

        Assert.Equal(5.0, errors.Overall.MeanAbsoluteError);
        Assert.Equal(0.5, errors.Overall.Coverage);
    }

    [Fact]
    public void Skill_compares_mean_absolute_errors() => Assert.Equal(0.25, ForecastMetrics.Skill(modelMae: 3, baselineMae: 4));
}
