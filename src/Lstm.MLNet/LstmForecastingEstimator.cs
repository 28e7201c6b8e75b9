using Lstm.MLNet.Forecasting;
using Microsoft.ML;

namespace Lstm.MLNet;

/// <summary>
/// Trains a recurrent network (LSTM by default) to forecast the next H values of a Single column from its last W rows
/// and, optionally, other Single columns: made by <c>mlContext.Forecasting.ForecastByLstm(…)</c>.
/// </summary>
/// <remarks>
/// <see cref="Fit"/> reads the input in row order (ordered by time, as <c>ForecastBySsa</c> assumes), the first
/// <see cref="Options.TrainSize"/> rows (default all). Windows of W rows with their next H target values are made;
/// a window or target holding a missing (NaN) value is not used. The last <see cref="Options.ValidationFraction"/> of the
/// rows is a chronological validation tail for early stopping; each column is standardised with statistics learned on
/// the rows before it. Lstm.Training's trainer fits the network, which is exported to ONNX in memory (the scaling
/// inside the graph) and returned as an <see cref="LstmForecastingTransformer"/> scoring with ONNX Runtime. Progress goes
/// to <see cref="Options.Log"/>.
/// </remarks>
public sealed partial class LstmForecastingEstimator : IEstimator<LstmForecastingTransformer>
{
    private readonly Options _options;

    internal LstmForecastingEstimator(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Trains on <paramref name="input"/> (rows in time order) and returns the forecaster (dispose it when done).</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The target or a feature column is missing or not Single, or the input has too few rows for the window, horizon and
    /// validation tail (the message gives the numbers).
    /// </exception>
    /// <exception cref="InvalidOperationException">Every window holds a missing value.</exception>
    /// <exception cref="OperationCanceledException"><see cref="Options.CancellationToken"/> was cancelled.</exception>
    public LstmForecastingTransformer Fit(IDataView input) => ForecastFit.Run(input, _options);

    /// <summary>The input columns plus the forecast column, <c>Vector&lt;Single, H&gt;</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The target or a feature column is missing or not Single.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        SeriesColumns.Require(inputSchema, _options.InputColumns());
        return ForecastColumn.AppendTo(inputSchema, _options.OutputColumnName);
    }
}
