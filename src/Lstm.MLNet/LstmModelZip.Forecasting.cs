using Lstm.MLNet.Forecasting;
using Lstm.Training.Onnx;
using Microsoft.ML;

namespace Lstm.MLNet;

public static partial class LstmModelZip
{
    /// <summary>
    /// Loads a zip to which <c>mlContext.Model.Save</c> wrote an <see cref="LstmForecastingTransformer"/>, and returns
    /// that transformer again: <see cref="LstmForecastingTransformer.Transform"/> over the series columns and
    /// <see cref="LstmForecastingTransformer.CreateForecastEngine"/> work as before saving (<c>TrainingHistory</c> is not saved).
    /// </summary>
    /// <remarks>
    /// <c>mlContext.Model.Load</c> alone gives the built-in chain that was saved, which forecasts from a whole window in
    /// the column <see cref="LstmForecastingTransformer.WindowColumnName"/> (see <see cref="LstmForecastingTransformer"/>).
    /// This method loads the zip with <c>Model.Load</c> too (so <paramref name="inputSchema"/> is what that gives), finds
    /// the ONNX copy whose metadata names the forecast column, and builds the transformer from it; other steps of a
    /// pipeline saved around the forecaster are not returned.
    /// </remarks>
    /// <param name="mlContext">The context, as for <c>mlContext.Model.Load</c>.</param>
    /// <param name="filePath">A zip written by <c>mlContext.Model.Save</c> from an <see cref="LstmForecastingTransformer"/>.</param>
    /// <param name="inputSchema">The input schema the zip records (the schema passed to <c>Model.Save</c>).</param>
    /// <param name="scoringThreads">Threads of the transformer's ONNX Runtime session; null lets every core be used.</param>
    /// <returns>The transformer. Dispose it when done.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a model zip, or holds no forecasting model saved by this library (or several).</exception>
    public static LstmForecastingTransformer LoadForecasting(MLContext mlContext, string filePath, out DataViewSchema inputSchema, int? scoringThreads = null)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        if (!File.Exists(filePath)) throw new FileNotFoundException($"{filePath}: no such model zip.", filePath);
        using var file = File.OpenRead(filePath);
        return LoadForecasting(mlContext, file, out inputSchema, scoringThreads, filePath);
    }

    /// <summary>Loads, from <paramref name="stream"/>, a zip to which <c>mlContext.Model.Save</c> wrote an <see cref="LstmForecastingTransformer"/>.</summary>
    /// <inheritdoc cref="LoadForecasting(MLContext, string, out DataViewSchema, int?)"/>
    public static LstmForecastingTransformer LoadForecasting(MLContext mlContext, Stream stream, out DataViewSchema inputSchema, int? scoringThreads = null) =>
        LoadForecasting(mlContext, stream, out inputSchema, scoringThreads, "The model zip");

    private static LstmForecastingTransformer LoadForecasting(MLContext mlContext, Stream stream, out DataViewSchema inputSchema, int? scoringThreads, string source)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        bytes.Position = 0;
        var loaded = mlContext.Model.Load(bytes, out inputSchema);
        (loaded as IDisposable)?.Dispose(); // only its schema is needed; disposing deletes its temporary ONNX copy
        bytes.Position = 0;
        var found = OnnxEntries(bytes, source)
            .Select(onnx => (onnx, column: OnnxMetadataProps.Read(onnx).GetValueOrDefault(ForecastSavedChain.OutputColumnKey)))
            .Where(m => m.column is not null)
            .ToList();
        return found.Count switch
        {
            1 => new LstmForecastingTransformer(found[0].onnx, found[0].column!, trainingHistory: null, scoringThreads),
            0 => throw new InvalidDataException($"{source}: holds no forecasting model saved from an LstmForecastingTransformer (no ONNX entry with metadata key '{ForecastSavedChain.OutputColumnKey}')."),
            _ => throw new InvalidDataException($"{source}: holds {found.Count} forecasting models; LoadForecasting returns one. Save each forecaster in its own zip."),
        };
    }
}
