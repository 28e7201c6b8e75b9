using System.Globalization;
using Lstm.MLNet.Tests.TestData;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests.Forecasting;

/// <summary>
/// <c>mlContext.Model.Save</c> of an <see cref="LstmForecastingTransformer"/>: a fresh process loading the zip with
/// <see cref="LstmModelZip.LoadForecasting(MLContext, string, out DataViewSchema, int?)"/> forecasts bit for bit as the
/// saved transformer (Transform and engine), and <c>Model.Load</c> alone gives the built-in chain over a window column.
/// </summary>
public sealed class ForecastSaveLoadTests(SyntheticForecaster fixture) : IClassFixture<SyntheticForecaster>
{
    [Fact]
    public void SavedZip_ForecastsIdentically_WhenLoadedInAFreshProcess()
    {
        using var temp = new TempDirectory();
        string zip = Path.Combine(temp.Path, "forecast.zip");
        fixture.MLContext.Model.Save(fixture.Model, fixture.Data.Schema, zip);
        string csv = Path.Combine(temp.Path, "series.csv");
        File.WriteAllLines(csv, ["Value,Feature", .. fixture.Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value:R},{r.Feature:R}"))]);
        var data = fixture.MLContext.Data.LoadFromTextFile(csv, [new TextLoader.Column("Value", DataKind.Single, 0), new TextLoader.Column("Feature", DataKind.Single, 1)], separatorChar: ',', hasHeader: true);
        Assert.True(float.IsNaN(data.GetColumn<float>("Value").ElementAt(300)));

        var expected = fixture.Model.Transform(data).GetColumn<float[]>("Forecast").Select(Bits).ToArray();
        int start = fixture.Rows.Length - 20;
        var engine = fixture.Model.CreateForecastEngine(fixture.MLContext.Data.TakeRows(data, start));
        var expectedEngine = new List<int[]>();
        for (int row = start; row < fixture.Rows.Length; row++)
        {
            engine.Update(fixture.Rows[row].Value, fixture.Rows[row].Feature);
            expectedEngine.Add(Bits(engine.Predict()));
        }

        var fresh = RoundTripApp.RunFile(zip, csv, temp.Path, "forecast");

        Assert.Equal(typeof(LstmForecastingTransformer).FullName, fresh.ModelType);
        Assert.Equal(["Value", "Feature"], fresh.InputColumns);
        Assert.Contains("Forecast:Vector<Single, 3>", fresh.OutputColumns);
        Assert.Equal(expected, fresh.Transformed);
        Assert.Equal(expectedEngine, fresh.Predicted);
    }

    [Fact]
    public void LoadForecasting_RestoresTheTransformer_AndModelLoadAlone_ForecastsFromAWindowColumn()
    {
        using var temp = new TempDirectory();
        string zip = Path.Combine(temp.Path, "forecast.zip");
        fixture.MLContext.Model.Save(fixture.Model, fixture.Data.Schema, zip);
        var ml = new MLContext(seed: 1);
        using (var loaded = LstmModelZip.LoadForecasting(ml, zip, out var schema))
        {
            Assert.Equal(["Value", "Feature"], schema.Select(c => c.Name));
            Assert.Equal((fixture.Model.InputColumnName, fixture.Model.WindowSize, fixture.Model.Horizon, fixture.Model.OutputColumnName), (loaded.InputColumnName, loaded.WindowSize, loaded.Horizon, loaded.OutputColumnName));
            Assert.Equal(fixture.Model.FeatureColumnNames, loaded.FeatureColumnNames);
            Assert.Equal(fixture.Model.Metadata.InputMean, loaded.Metadata.InputMean);
            Assert.Null(loaded.TrainingHistory);
        }

        var chain = ml.Model.Load(zip, out _);
        try
        {
            var ends = Enumerable.Range(0, 80).Select(i => 20 + i).Where(fixture.HasWindow).ToArray();
            var definition = SchemaDefinition.Create(typeof(WindowInput));
            definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, SyntheticForecaster.Window * 2);
            var windows = ml.Data.LoadFromEnumerable(ends.Select(e => new WindowInput { Window = fixture.RawWindow(e) }), definition);
            var scored = chain.Transform(windows);
            Assert.Equal("Vector<Single, 1, 3>", scored.Schema["Forecast"].Type.ToString());
            var fromChain = scored.GetColumn<float[]>("Forecast").ToArray();
            var expected = fixture.Model.Transform(fixture.Data).GetColumn<float[]>("Forecast").ToArray();
            for (int n = 0; n < ends.Length; n++)
                for (int k = 0; k < SyntheticForecaster.Horizon; k++)
                    Assert.True(Math.Abs(fromChain[n][k] - expected[ends[n]][k]) <= 1e-5 * Math.Max(1, Math.Abs(expected[ends[n]][k])), $"row {ends[n]}: chain {fromChain[n][k]}, transformer {expected[ends[n]][k]}");
        }
        finally
        {
            (chain as IDisposable)?.Dispose();
        }
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];

    private sealed class WindowInput
    {
        public float[] Window { get; set; } = [];
    }
}
