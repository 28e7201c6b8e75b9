using System.Text.Json;
using Lstm.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

/// <summary>
/// The "forecast" mode: loads a zip saved from an LstmForecastingTransformer with Lstm.MLNet's
/// <c>LstmModelZip.LoadForecasting</c> (the only way back to that type, since <c>MLContext.Model.Load</c> alone returns
/// the built-in chain), forecasts a series CSV (a header naming the target and feature columns, then one row per time
/// step) through Transform and through a forecast engine, and writes the forecasts as exact float bits.
/// </summary>
internal static class ForecastRoundTrip
{
    /// <summary>Engine forecasts are checked over this many final rows: the engine starts from the rows before them.</summary>
    public const int EngineRows = 20;

    public static void Run(string zip, string seriesCsv, string outputJson)
    {
        var mlContext = new MLContext(seed: 1);
        using var model = LstmModelZip.LoadForecasting(mlContext, zip, out var inputSchema);
        string[] header = File.ReadLines(seriesCsv).First().Split(',');
        var loader = mlContext.Data.CreateTextLoader(
            [.. header.Select((name, i) => new TextLoader.Column(name, DataKind.Single, i))],
            separatorChar: ',', hasHeader: true);
        var data = loader.Load(seriesCsv);
        var forecasts = model.Transform(data).GetColumn<float[]>(model.OutputColumnName).Select(Bits).ToArray();
        int rows = forecasts.Length, start = rows - EngineRows;
        var engine = model.CreateForecastEngine(mlContext.Data.TakeRows(data, start));
        var series = mlContext.Data.SkipRows(data, start);
        var columns = new[] { model.InputColumnName }.Concat(model.FeatureColumnNames).ToArray();
        var values = columns.Select(c => series.GetColumn<float>(c).ToArray()).ToArray();
        var predicted = new List<int[]>();
        for (int r = 0; r < EngineRows; r++)
        {
            engine.Update(values[0][r], [.. values.Skip(1).Select(v => v[r])]);
            predicted.Add(Bits(engine.Predict()));
        }
        var result = new RoundTripResult(
            model.GetType().FullName ?? "",
            [.. inputSchema.Select(c => c.Name)],
            [.. model.GetOutputSchema(data.Schema).Where(c => !c.IsHidden).Select(c => $"{c.Name}:{c.Type}")],
            forecasts,
            [.. predicted],
            null);
        File.WriteAllText(outputJson, JsonSerializer.Serialize(result));
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
