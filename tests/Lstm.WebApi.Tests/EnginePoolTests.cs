using Lstm.WebApi.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace Lstm.WebApi.Tests;

/// <summary>
/// The pool reuses engines, and neither returning nor disposing one disposes the shared model (engines are created
/// with <c>OwnsTransformer = false</c>); the model is disposed once, when the app stops.
/// </summary>
public sealed class EnginePoolTests
{
    private const string Text = "A moving, beautifully acted film.";

    [Fact]
    public async Task EnginesAreReusedAndDroppingThemLeavesTheModelWorking()
    {
        using var server = new WebApiServer(new Dictionary<string, string?> { ["Model:PoolSize"] = "2" });
        var address = server.Start();
        using var http = server.NewClient(address);
        var policy = server.Services.GetRequiredService<PredictionEnginePolicy>();
        var pool = server.Services.GetRequiredService<ObjectPool<PredictionEngine<TextInput, ScoredText>>>();

        // Ten times the pool's size, one after another: one engine serves them all.
        var first = await Api.PredictAsync(http, Text);
        for (int i = 0; i < 20; i++) Assert.Equal(first, await Api.PredictAsync(http, Text));
        Assert.Equal(1, policy.Created);

        // Five engines out at once from a pool that keeps two: returning them makes the pool dispose three. An engine
        // that owned the model (ML.NET's default) would dispose it there, and every later request would fail.
        var engines = Enumerable.Range(0, 5).Select(_ => pool.Get()).ToList();
        foreach (var engine in engines) pool.Return(engine);
        Assert.Equal(5, policy.Created);

        // Eight clients at once, then one: everything still scores, and the same.
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            using var client = server.NewClient(address);
            var results = new List<WirePrediction>();
            for (int i = 0; i < 10; i++) results.Add(await Api.PredictAsync(client, Text));
            return results;
        })));
        Assert.All(concurrent.SelectMany(r => r), p => Assert.Equal(first, p));
        for (int i = 0; i < 10; i++) Assert.Equal(first, await Api.PredictAsync(http, Text));
        Assert.All(await Api.PredictBatchAsync(http, [Text, Text]), p => Assert.Equal(first.Probability, p.Probability, 1e-6));
    }

    [Fact]
    public async Task StoppingTheAppDisposesTheModel()
    {
        var server = new WebApiServer();
        var address = server.Start();
        using (var http = server.NewClient(address)) await Api.PredictAsync(http, Text);
        var model = server.Services.GetRequiredService<SentimentModel>();
        Assert.Single(model.Score([Text]));
        await server.DisposeAsync();
        Assert.Throws<ObjectDisposedException>(() => model.Score([Text]));
    }
}
