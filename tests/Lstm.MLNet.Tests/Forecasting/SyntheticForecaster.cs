using Microsoft.ML;

namespace Lstm.MLNet.Tests.Forecasting;

/// <summary>
/// One small forecaster trained on <see cref="ForecastSeries.Synthetic"/> (W = 12, H = 3, the value and one feature; 8
/// LSTM units, 3 epochs: well under a second), shared by the agreement, engine, save/load and schema tests.
/// </summary>
public sealed class SyntheticForecaster : IDisposable
{
    public const int Window = 12;
    public const int Horizon = 3;

    public SyntheticForecaster()
    {
        Rows = ForecastSeries.Synthetic();
        Data = MLContext.Data.LoadFromEnumerable(Rows);
        Model = MLContext.Forecasting.ForecastByLstm(new LstmForecastingEstimator.Options
        {
            InputColumnName = nameof(SyntheticRow.Value),
            FeatureColumnNames = [nameof(SyntheticRow.Feature)],
            WindowSize = Window,
            Horizon = Horizon,
            Units = 8,
            Epochs = 3,
            NumberOfThreads = 1,
        }).Fit(Data);
    }

    public MLContext MLContext { get; } = new(seed: 1);

    public SyntheticRow[] Rows { get; }

    public IDataView Data { get; }

    public LstmForecastingTransformer Model { get; }

    /// <summary>Row <paramref name="row"/>'s values: the target, then the feature.</summary>
    public static float[] Values(SyntheticRow row) => [row.Value, row.Feature];

    /// <summary>True when rows <paramref name="end"/> − W + 1 … <paramref name="end"/> exist and hold no NaN.</summary>
    public bool HasWindow(int end) =>
        end >= Window - 1 && Enumerable.Range(end - Window + 1, Window).All(r => !float.IsNaN(Rows[r].Value) && !float.IsNaN(Rows[r].Feature));

    /// <summary>The raw window ending at <paramref name="end"/>, row-major [t × F + f].</summary>
    public float[] RawWindow(int end) => [.. Enumerable.Range(end - Window + 1, Window).SelectMany(r => Values(Rows[r]))];

    public void Dispose() => Model.Dispose();
}
