using System.Globalization;
using Lstm.MLNet.Training;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Training;
using Microsoft.ML;

namespace Lstm.MLNet.Forecasting;

/// <summary>
/// <see cref="LstmForecastingEstimator.Fit"/>'s run, the path of <c>lstm forecast train</c> over an IDataView: read the
/// series in row order, window it (chronological split, validation tail, scaler learned on the rows before that tail),
/// train with Lstm.Training's <see cref="Trainer"/> (early stopping on the tail), export the ONNX graph with the scaling
/// inside, and wrap it in an <see cref="LstmForecastingTransformer"/>.
/// </summary>
internal static class ForecastFit
{
    public static LstmForecastingTransformer Run(IDataView input, LstmForecastingEstimator.Options options)
    {
        ArgumentNullException.ThrowIfNull(input);
        string[] names = options.InputColumns();
        var columns = SeriesColumns.Read(input, names, options.TrainSize, options.CancellationToken);
        var examples = ForecastExamples.Build(names, columns, options.WindowSize, options.Horizon, options.ValidationFraction, options.TrainSize);
        if (examples.FitWindows.Count == 0)
            throw new InvalidOperationException(
                $"No training window: every window of {options.WindowSize} rows before the validation tail, with its next {options.Horizon} target values, holds a missing (NaN) value in '{string.Join("', '", names)}'.");

        using var channel = options.Log?.Start(nameof(LstmForecastingEstimator));
        var log = new TrainingLog(channel, "windows");
        log.Info(string.Create(CultureInfo.InvariantCulture,
            $"Rows: {examples.Rows:N0} ({examples.FitRows:N0} before the validation tail). Windows: train {examples.FitWindows.Count:N0}, validation {examples.ValidationWindows.Count:N0}, dropped for missing values {examples.Dropped:N0}."));

        var spec = options.ToNetworkSpec();
        spec.Validate();
        var network = new SequenceNetwork(spec, (ulong)options.Seed);
        int features = names.Length;
        var validation = examples.Validation(features, options.Horizon);
        var fit = new FitOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            LearningRate = options.LearningRate,
            Seed = (ulong)options.Seed,
            MaxDegreeOfParallelism = options.NumberOfThreads,
            EarlyStopping = options.EarlyStoppingPatience > 0 && validation is not null ? new EarlyStopping("val_loss", options.EarlyStoppingPatience) : null,
            Progress = log.Report,
        };
        var history = new Trainer(network, fit).Fit(examples.Fit(features, options.Horizon), validation, options.CancellationToken);
        if (history.RestoredEpoch is { } best) log.Info($"Restored the weights of epoch {best}, the best validation loss.");

        var scaling = examples.Scaler.Columns;
        var export = new SeriesExportOptions
        {
            FeatureNames = names,
            TargetName = names[0],
            WindowLength = options.WindowSize,
            InputMean = [.. scaling.Select(c => (float)c.Mean)],
            InputStd = [.. scaling.Select(c => (float)c.StandardDeviation)],
            TargetMean = (float)scaling[0].Mean,
            TargetStd = (float)scaling[0].StandardDeviation,
            Preprocessing = """{"source":"ML.NET ForecastByLstm","rows":"in the IDataView's order","missing":"windows with a missing value are not used; their forecast is NaN"}""",
        };
        byte[] model = OnnxExporter.ExportSeriesToBytes(network, export);
        return new LstmForecastingTransformer(model, options.OutputColumnName, history, options.NumberOfThreads);
    }
}
