using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests.Forecasting;

/// <summary>Bad input gets an exception whose message names the column, the expected type or the numbers involved.</summary>
public sealed class ForecastSchemaErrorTests(SyntheticForecaster fixture) : IClassFixture<SyntheticForecaster>
{
    private readonly MLContext _ml = new(seed: 1);

    private IDataView Temperatures(int rows) => _ml.Data.LoadFromEnumerable(Enumerable.Range(0, rows).Select(i => new TemperatureRow { Temp = i % 10 }));

    private LstmForecastingEstimator Estimator(string column = "Temp", int window = 8, int horizon = 3, string[]? features = null) =>
        _ml.Forecasting.ForecastByLstm(new LstmForecastingEstimator.Options
        {
            InputColumnName = column,
            FeatureColumnNames = features ?? [],
            WindowSize = window,
            Horizon = horizon,
            Units = 4,
            Epochs = 1,
        });

    [Fact]
    public void MissingInputColumn_IsNamed()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Estimator("Load").Fit(Temperatures(50)));
        Assert.Contains("Could not find forecast input column 'Load'", e.Message);
        Assert.Contains("Temp (Single)", e.Message);
        var shape = Assert.Throws<ArgumentOutOfRangeException>(() => Estimator("Load").GetOutputSchema(new SchemaShape([Lstm.MLNet.Scoring.SchemaShapes.Single("Temp")])));
        Assert.Contains("'Load'", shape.Message);
    }

    [Fact]
    public void WrongType_IsNamed_WithTheExpectedType()
    {
        var data = _ml.Data.LoadFromEnumerable(Enumerable.Range(0, 50).Select(i => new DoubleRow { Temp = i, Wind = i }));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Estimator().Fit(data));
        Assert.Contains("Schema mismatch for forecast input column 'Temp': expected Single, got Double", e.Message);
        var feature = Assert.Throws<ArgumentOutOfRangeException>(() => Estimator(features: ["Wind"]).Fit(Temperatures(50)));
        Assert.Contains("Could not find forecast feature column 'Wind'", feature.Message);
    }

    [Fact]
    public void FewerRowsThanWindowPlusHorizon_GivesTheNumbers()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Estimator(window: 8, horizon: 3).Fit(Temperatures(10)));
        Assert.Contains("10 rows in column 'Temp'", e.Message);
        Assert.Contains("WindowSize (8) + Horizon (3) = 11", e.Message);
    }

    [Fact]
    public void WindowLongerThanTheRows_GivesTheNumbers()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Estimator(window: 50, horizon: 1).Fit(Temperatures(20)));
        Assert.Contains("20 rows", e.Message);
        Assert.Contains("WindowSize (50) + Horizon (1) = 51", e.Message);
        var tail = Assert.Throws<ArgumentOutOfRangeException>(() => Estimator(window: 8, horizon: 3).Fit(Temperatures(11)));
        Assert.Contains("validation tail", tail.Message);
    }

    [Fact]
    public void InvalidOptions_AreNamed()
    {
        Assert.Contains("WindowSize", Assert.Throws<ArgumentOutOfRangeException>(() => Estimator(window: 0)).Message);
        Assert.Contains("Horizon", Assert.Throws<ArgumentOutOfRangeException>(() => Estimator(horizon: 0)).Message);
        Assert.Contains("InputColumnName", Assert.Throws<ArgumentException>(() => Estimator(column: "")).Message);
        var trainSize = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Forecasting.ForecastByLstm("Forecast", "Temp", 8, 3, trainSize: 500).Fit(Temperatures(100)));
        Assert.Contains("TrainSize is 500 but the input has only 100 rows", trainSize.Message);
        var small = Assert.Throws<ArgumentOutOfRangeException>(() => _ml.Forecasting.ForecastByLstm("Forecast", "Temp", 8, 3, trainSize: 5));
        Assert.Contains("TrainSize (5) must be at least WindowSize (8) + Horizon (3) = 11", small.Message);
    }

    [Fact]
    public void TransformAndEngine_CheckTheirInput()
    {
        var missing = Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Model.Transform(Temperatures(50)));
        Assert.Contains("Could not find forecast input column 'Value'", missing.Message);
        var onlyValue = _ml.Data.LoadFromEnumerable(Enumerable.Range(0, 50).Select(i => new ValueOnlyRow { Value = i }));
        Assert.Contains("forecast feature column 'Feature'", Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Model.Transform(onlyValue)).Message);
        var shortHistory = Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Model.CreateForecastEngine(_ml.Data.TakeRows(fixture.Data, 5)));
        Assert.Contains("5 rows", shortHistory.Message);
        Assert.Contains("WindowSize = 12", shortHistory.Message);
        var engine = fixture.Model.CreateForecastEngine(fixture.Data);
        Assert.Contains("1 beside the target", Assert.Throws<ArgumentException>(() => engine.Update(1f)).Message);
        Assert.Contains("CreateForecastEngine", Assert.Throws<NotSupportedException>(() => fixture.Model.GetRowToRowMapper(fixture.Data.Schema)).Message);
    }

    private sealed class DoubleRow
    {
        public double Temp { get; set; }

        public float Wind { get; set; }
    }

    private sealed class ValueOnlyRow
    {
        public float Value { get; set; }
    }
}
