using System.Diagnostics;
using Lstm.Training.Tests.TimeSeries;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests.Forecasting;

/// <summary>
/// ForecastByLstm on the real series of shared/data/timeseries beats the naive forecast (the last value) on the last
/// 20% of the rows, which training never reads (TrainSize = the first 80%). The temperatures use the default network and
/// training; pollution a smaller network (16 units, 10 epochs) so that each run takes seconds on 2 cores; the figures are printed (run with --logger "console;verbosity=detailed").
/// </summary>
public sealed class ForecastAccuracyTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(1)]
    [InlineData(7)]
    public void DailyTemperatures_BeatNaive(int horizon)
    {
        float[] temps = ForecastSeries.Temperatures(SharedTimeSeriesData.FindOrSkip(SharedTimeSeriesData.Temperatures), out int filled);
        Assert.Equal(2, filled);
        var ml = ForecastSeries.Context(output);
        var data = ml.Data.LoadFromEnumerable(temps.Select(t => new TemperatureRow { Temp = t }));
        int trainSize = (int)(temps.Length * 0.8);
        var clock = Stopwatch.StartNew();
        using var model = ml.Forecasting.ForecastByLstm(new LstmForecastingEstimator.Options
        {
            InputColumnName = nameof(TemperatureRow.Temp),
            WindowSize = 30,
            Horizon = horizon,
            TrainSize = trainSize,
            Log = ml, // every other option at its default: 64 LSTM units, 30 epochs (early stopping, patience 5), Adam 0.001
        }).Fit(data);
        var forecasts = model.Transform(data).GetColumn<float[]>("Forecast").ToArray();
        var (lstm, naive, windows) = ForecastSeries.Mae(temps, forecasts, trainSize, horizon);
        output.WriteLine($"daily-min-temperatures, W=30, H={horizon}: LSTM MAE {lstm:F4} °C, naive MAE {naive:F4} °C over {windows} test windows ({clock.Elapsed.TotalSeconds:F1} s, {model.TrainingHistory!.Epochs.Count} epochs)");
        Assert.True(lstm < naive, $"LSTM MAE {lstm:F4} is not below the naive forecast's {naive:F4}.");
    }

    [SkippableFact]
    public void Pollution_NextHour_BeatsNaive()
    {
        var series = ForecastSeries.Pollution(SharedTimeSeriesData.FindOrSkip(SharedTimeSeriesData.Pollution), int.MaxValue);
        int rows = series.Length;
        var ml = ForecastSeries.Context(output);
        var data = ml.Data.LoadFromEnumerable(series);
        int trainSize = (int)(rows * 0.8);
        var clock = Stopwatch.StartNew();
        using var model = ml.Forecasting.ForecastByLstm(new LstmForecastingEstimator.Options
        {
            InputColumnName = nameof(PollutionRow.Pm25),
            FeatureColumnNames = [nameof(PollutionRow.DEWP), nameof(PollutionRow.TEMP), nameof(PollutionRow.PRES), nameof(PollutionRow.Iws)],
            WindowSize = 24,
            Horizon = 1,
            TrainSize = trainSize,
            Units = 16, // 16 units and at most 10 epochs (patience 3) keep the 35,000 training rows to a few seconds
            Epochs = 10,
            EarlyStoppingPatience = 3,
            Log = ml,
        }).Fit(data);
        var forecasts = model.Transform(data).GetColumn<float[]>("Forecast").ToArray();
        float[] pm25 = [.. series.Select(r => r.Pm25)];
        var (lstm, naive, windows) = ForecastSeries.Mae(pm25, forecasts, trainSize, 1);
        output.WriteLine($"pollution ({rows:N0} hours), W=24, H=1, pm2.5 + DEWP, TEMP, PRES, Iws: LSTM MAE {lstm:F3}, naive MAE {naive:F3} over {windows} test windows ({clock.Elapsed.TotalSeconds:F1} s, {model.TrainingHistory!.Epochs.Count} epochs)");
        Assert.True(lstm < naive, $"LSTM MAE {lstm:F3} is not below the naive forecast's {naive:F3}.");
    }
}
