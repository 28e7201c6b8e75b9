using Lstm.MLNet.Forecasting;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet;

/// <summary>
/// Forecasts a series with a trained recurrent network: adds the column <see cref="OutputColumnName"/>,
/// <c>Vector&lt;Single, H&gt;</c>, holding at row i (i ≥ W − 1) the forecast of the target's next H values (rows
/// i + 1 … i + H) from rows i − W + 1 … i, in the target's units. Rows before the first full window, and rows whose
/// window holds a missing (NaN) value, get H NaNs. The input's columns pass through. Made by
/// <c>mlContext.Forecasting.ForecastByLstm(…)</c> (<see cref="LstmForecastingEstimator"/>) or
/// <see cref="LstmModelZip.LoadForecasting(MLContext, string, out DataViewSchema, int?)"/>.
/// </summary>
/// <remarks>
/// <para>The input must be ordered by time, as for ML.NET's <c>ForecastBySsa</c>: <see cref="Transform"/> returns a view
/// with a single sequential cursor (no shuffling; a forecast depends on the rows before it) that reads the series
/// columns through a ring buffer and forecasts <see cref="BatchSize"/> rows per ONNX Runtime run. The graph standardises
/// the raw values and un-scales the forecast itself (see <see cref="Metadata"/>). There is no row-to-row mapper, so no
/// <c>PredictionEngine</c>: use <see cref="CreateForecastEngine"/> to forecast step by step.</para>
/// <para><c>MLContext.Model.Save</c> stores a chain of ML.NET's built-in transformers (see
/// <see cref="WindowColumnName"/>), because ML.NET 5.0.1 lets no third-party transformer write its own state.
/// <c>MLContext.Model.Load</c> alone returns that chain, not this type: it reads a whole raw window from the
/// <c>Vector&lt;Single, W×F&gt;</c> column <see cref="WindowColumnName"/> (row-major, [t × F + f], F = the target, then
/// <see cref="FeatureColumnNames"/>) and adds <see cref="OutputColumnName"/> as <c>Vector&lt;Single, 1, H&gt;</c>, one
/// ONNX Runtime run per row; it does not read the series columns or keep a window. <see cref="LstmModelZip.LoadForecasting(MLContext, string, out DataViewSchema, int?)"/>
/// returns this type again, with <see cref="Transform"/> and the engine (not <see cref="TrainingHistory"/>).</para>
/// <para>Dispose the transformer to release its ONNX Runtime session; views and engines made from it then stop working.</para>
/// </remarks>
public sealed class LstmForecastingTransformer : ITransformer, IDisposable
{
    /// <summary>Rows forecast per ONNX Runtime run by <see cref="Transform"/>'s cursor: 256.</summary>
    public const int BatchSize = 256;

    /// <summary>
    /// The input column of the chain <c>MLContext.Model.Save</c> writes: "Window", <c>Vector&lt;Single, W×F&gt;</c>, a whole
    /// raw window row-major ([t × F + f], oldest step first; per step the target, then the features).
    /// </summary>
    public const string WindowColumnName = "Window";

    private readonly byte[] _model;
    private readonly OnnxForecastScorer _scorer;
    private bool _disposed;

    internal LstmForecastingTransformer(byte[] model, string outputColumnName, History? trainingHistory, int? scoringThreads)
    {
        var imported = OnnxSeriesImporter.Import(model, "The forecasting model");
        _model = model;
        Metadata = imported.Options;
        Network = imported.Network.Spec;
        OutputColumnName = outputColumnName;
        TrainingHistory = trainingHistory;
        _scorer = new OnnxForecastScorer(model, WindowSize, Metadata.FeatureNames.Count, Horizon, scoringThreads);
    }

    /// <summary>The Single column of the forecast series (the target).</summary>
    public string InputColumnName => Metadata.TargetName;

    /// <summary>The other Single columns read at each step, in input order after the target.</summary>
    public IReadOnlyList<string> FeatureColumnNames => [.. Metadata.FeatureNames.Skip(1)];

    /// <summary>The added column, <c>Vector&lt;Single, H&gt;</c>.</summary>
    public string OutputColumnName { get; }

    /// <summary>Rows per window (W).</summary>
    public int WindowSize => Metadata.WindowLength;

    /// <summary>Values forecast per row (H).</summary>
    public int Horizon => Network.Outputs;

    /// <summary>
    /// What the ONNX model records: the input columns in input order (<c>FeatureNames</c>, the target first), the target,
    /// the window length, and the per-column standardisation learned on the training rows (<c>InputMean</c>,
    /// <c>InputStd</c>; <c>TargetMean</c>, <c>TargetStd</c> un-scale the forecast).
    /// </summary>
    public SeriesExportOptions Metadata { get; }

    /// <summary>The network's shape (recurrent layers, units, outputs = H).</summary>
    public NetworkSpec Network { get; }

    /// <summary>Per-epoch loss and mae (and their validation values) when the estimator made this transformer; null when it was loaded.</summary>
    public History? TrainingHistory { get; }

    /// <summary>False: a forecast depends on the rows before it, so rows cannot be mapped one by one (see <see cref="CreateForecastEngine"/>).</summary>
    public bool IsRowToRowMapper => false;

    /// <summary>A copy of the ONNX model (input <c>input</c>, float [batch, time, features] of raw values; output <c>value</c>, [batch, H]); see docs/onnx-forecast.md.</summary>
    public byte[] GetOnnxModel() => (byte[])_model.Clone();

    /// <summary>Writes the ONNX model to <paramref name="destination"/>, which is left open.</summary>
    public void SaveOnnxModel(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(_model);
    }

    /// <summary>Writes the ONNX model to the file <paramref name="path"/>, replacing it.</summary>
    public void SaveOnnxModel(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, _model);
    }

    /// <summary>The input schema followed by <see cref="OutputColumnName"/>, <c>Vector&lt;Single, H&gt;</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The target or a feature column is missing or not Single; the message names it.</exception>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        ObjectDisposedException.ThrowIf(_disposed, this);
        SeriesColumns.Require(inputSchema, Metadata.FeatureNames);
        return ForecastColumn.AppendTo(inputSchema, OutputColumnName, Horizon);
    }

    /// <summary>A lazy view of <paramref name="input"/> (rows in time order) with the forecast column; see the class summary.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The target or a feature column is missing or not Single; the message names it.</exception>
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var series = SeriesColumns.Require(input.Schema, Metadata.FeatureNames);
        return new ForecastDataView(input, series, _scorer, OutputColumnName);
    }

    /// <summary>Not supported: forecasting reads W rows at a time. Use <see cref="Transform"/> or <see cref="CreateForecastEngine"/>.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new NotSupportedException(
            $"An LstmForecastingTransformer forecasts from the last {WindowSize} rows, so it has no row-to-row mapper (and no PredictionEngine): use Transform over rows in time order, or CreateForecastEngine(history) to forecast step by step.");

    /// <summary>
    /// An engine that forecasts from the last <see cref="WindowSize"/> rows of <paramref name="history"/> (rows in time
    /// order) and is then updated one observation at a time; see <see cref="LstmForecastEngine"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or not Single, or <paramref name="history"/> has fewer than <see cref="WindowSize"/> rows.</exception>
    public LstmForecastEngine CreateForecastEngine(IDataView history)
    {
        ArgumentNullException.ThrowIfNull(history);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var rows = SeriesColumns.ReadLast(history, Metadata.FeatureNames, WindowSize);
        if (rows.Count < WindowSize)
            throw new ArgumentOutOfRangeException(nameof(history), rows.Count,
                $"The history has {rows.Count:N0} rows; the engine needs at least WindowSize = {WindowSize} rows of '{string.Join("', '", Metadata.FeatureNames)}'.");
        return new LstmForecastEngine(_scorer, rows);
    }

    /// <summary>Saves the equivalent chain of ML.NET's built-in transformers (see the remarks).</summary>
    /// <exception cref="NotSupportedException"><see cref="OutputColumnName"/> is "input" or "value", names the chain uses inside.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ForecastSavedChain.Save(_model, WindowSize, Metadata.FeatureNames.Count, OutputColumnName, ctx);
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _scorer.Dispose();
    }
}
