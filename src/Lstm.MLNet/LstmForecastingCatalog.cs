using Microsoft.ML;

namespace Lstm.MLNet;

/// <summary>
/// <c>mlContext.Forecasting.ForecastByLstm(…)</c>: a recurrent-network forecaster in ML.NET's forecasting catalog,
/// whose options mirror <c>ForecastBySsa</c>'s where they mean the same (<c>outputColumnName</c>,
/// <c>inputColumnName</c>, <c>windowSize</c>, <c>horizon</c>, <c>trainSize</c>).
/// </summary>
public static class LstmForecastingCatalog
{
    /// <summary>An <see cref="LstmForecastingEstimator"/> with all of <paramref name="options"/>' settings.</summary>
    /// <param name="catalog">The forecasting catalog.</param>
    /// <param name="options">Columns, window, horizon, network and training settings; see <see cref="LstmForecastingEstimator.Options"/> for the defaults.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public static LstmForecastingEstimator ForecastByLstm(this ForecastingCatalog catalog, LstmForecastingEstimator.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new LstmForecastingEstimator(options);
    }

    /// <summary>An <see cref="LstmForecastingEstimator"/> reading the target column alone, other settings at their defaults (see <see cref="LstmForecastingEstimator.Options"/>).</summary>
    /// <param name="catalog">The forecasting catalog.</param>
    /// <param name="outputColumnName">The added column, <c>Vector&lt;Single, horizon&gt;</c> (the options' default is "Forecast").</param>
    /// <param name="inputColumnName">The Single column of the series to forecast.</param>
    /// <param name="windowSize">Rows per window (W).</param>
    /// <param name="horizon">Values forecast (H).</param>
    /// <param name="trainSize">Rows from the start used for training; null for all rows.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public static LstmForecastingEstimator ForecastByLstm(this ForecastingCatalog catalog, string outputColumnName, string inputColumnName, int windowSize, int horizon, int? trainSize = null) =>
        catalog.ForecastByLstm(new LstmForecastingEstimator.Options
        {
            OutputColumnName = outputColumnName,
            InputColumnName = inputColumnName,
            WindowSize = windowSize,
            Horizon = horizon,
            TrainSize = trainSize,
        });
}
