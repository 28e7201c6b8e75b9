using System.Net.Http.Json;
using System.Text.Json;
using Lstm.MLNet;
using Lstm.WebApi.Tests.TestData;
using Microsoft.ML;

namespace Lstm.WebApi.Tests;

/// <summary>Which model the app serves: an .onnx file or a model zip from <c>Model:Path</c>; a bad path stops it at startup, naming the path.</summary>
public sealed class ModelLoadingTests
{
    [Fact]
    public void AMissingModelStopsTheAppNamingThePath()
    {
        using var work = new TempFolder();
        string path = Path.Combine(work.Path, "no-such-model.onnx");
        using var server = new WebApiServer(new Dictionary<string, string?> { ["Model:Path"] = path });
        var e = Assert.ThrowsAny<Exception>(() => server.Start());
        Assert.IsType<FileNotFoundException>(e);
        Assert.Contains($"Model:Path is '{path}', but there is no file at {path}.", e.Message);
    }

    [Fact]
    public void AMissingRelativeModelStopsTheAppNamingThePathAndWhereItLooked()
    {
        string path = Path.Combine("models", "no-such-model", "model.onnx");
        using var server = new WebApiServer(new Dictionary<string, string?> { ["Model:Path"] = path });
        var e = Assert.ThrowsAny<Exception>(() => server.Start());
        Assert.IsType<FileNotFoundException>(e);
        Assert.StartsWith($"Model:Path is '{path}', but it is not in ", e.Message);
        Assert.Contains("any folder above them", e.Message);
    }

    [Fact]
    public async Task ARelativePathIsFoundAboveTheContentRoot()
    {
        // The content root is samples/Lstm.WebApi; the path is relative to the repository root, two folders up.
        using var server = new WebApiServer(new Dictionary<string, string?> { ["Model:Path"] = "models/imdb-bilstm/model.onnx" });
        using var http = server.NewClient(server.Start());
        var model = await http.GetFromJsonAsync<JsonElement>("/model");
        Assert.StartsWith("Embedding(40000, 128, mask_zero=True) -> Bidirectional(LSTM(128", model.GetProperty("network").GetString());
        Assert.Equal("padded", model.GetProperty("layout").GetString());
        Assert.InRange((await Api.PredictAsync(http, "A moving, beautifully acted film.")).Probability, 0.5f, 1f);
    }

    [Fact]
    public void AFileThatIsNotAModelStopsTheAppNamingThePath()
    {
        using var work = new TempFolder();
        string path = Path.Combine(work.Path, "model.onnx");
        File.WriteAllText(path, "not an ONNX model");
        using var server = new WebApiServer(new Dictionary<string, string?> { ["Model:Path"] = path });
        var e = Assert.ThrowsAny<Exception>(() => server.Start());
        Assert.IsType<InvalidOperationException>(e);
        Assert.StartsWith($"Could not load the model at {path}: ", e.Message);
    }

    [Fact]
    public async Task AModelZipServesTheSamePredictions()
    {
        using var work = new TempFolder();
        string zip = Path.Combine(work.Path, "sentiment.zip");
        var mlContext = new MLContext();
        var schema = mlContext.Data.LoadFromEnumerable(new[] { new TextInput() }).Schema;
        using (var transformer = mlContext.Transforms.ApplyLstmModel(Repository.ShippedOnnxModel).Fit(mlContext.Data.LoadFromEnumerable(new[] { new TextInput() })))
            mlContext.Model.Save(transformer, schema, zip);

        string[] texts = ["A moving, beautifully acted film.", "Dull and far too long", "", "not bad at all, I'd say"];
        var fromOnnx = await PredictionsAsync(new WebApiServer(new Dictionary<string, string?> { ["Model:Path"] = Repository.ShippedOnnxModel }), texts);
        var fromZip = await PredictionsAsync(new WebApiServer(new Dictionary<string, string?> { ["Model:Path"] = zip }), texts);

        Assert.Equal("onnx", fromOnnx.Model.GetProperty("format").GetString());
        Assert.Equal("zip", fromZip.Model.GetProperty("format").GetString());
        Assert.Equal("sentiment.zip", fromZip.Model.GetProperty("file").GetString());
        Assert.Equal(fromOnnx.Model.GetProperty("network").GetString(), fromZip.Model.GetProperty("network").GetString());
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(fromOnnx.Single[i].Probability, fromZip.Single[i].Probability, 1e-6);
            Assert.Equal(fromOnnx.Batch[i].Probability, fromZip.Batch[i].Probability, 1e-6);
            Assert.Equal(fromOnnx.Single[i].Probability, fromOnnx.Batch[i].Probability, 1e-6);
        }
    }

    private static async Task<(JsonElement Model, WirePrediction[] Single, WirePrediction[] Batch)> PredictionsAsync(WebApiServer server, string[] texts)
    {
        using (server)
        {
            using var http = server.NewClient(server.Start());
            var model = await http.GetFromJsonAsync<JsonElement>("/model");
            var single = new List<WirePrediction>();
            foreach (string text in texts) single.Add(await Api.PredictAsync(http, text));
            return (model, [.. single], await Api.PredictBatchAsync(http, texts));
        }
    }
}
