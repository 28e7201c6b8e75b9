using System.Net.Http.Json;

namespace Lstm.WebApi.Tests.TestData;

/// <summary>A prediction as it comes over the wire, read with the test's own types (not the app's records), so that the JSON contract is what is tested.</summary>
public sealed record WirePrediction(float Probability, bool Positive, float Score);

/// <summary>The body of <c>/predict/batch</c>'s answer.</summary>
public sealed record WireBatch(WirePrediction[] Predictions);

/// <summary>Calls of the app's endpoints.</summary>
public static class Api
{
    /// <summary>POST /predict; fails the test unless it answers 200.</summary>
    public static async Task<WirePrediction> PredictAsync(HttpClient client, string text)
    {
        using var response = await client.PostAsJsonAsync("/predict", new { text });
        Assert.True(response.IsSuccessStatusCode, $"/predict answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<WirePrediction>())!;
    }

    /// <summary>POST /predict/batch; fails the test unless it answers 200 with one prediction per text.</summary>
    public static async Task<WirePrediction[]> PredictBatchAsync(HttpClient client, IReadOnlyList<string> texts)
    {
        using var response = await client.PostAsJsonAsync("/predict/batch", new { texts });
        Assert.True(response.IsSuccessStatusCode, $"/predict/batch answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var batch = (await response.Content.ReadFromJsonAsync<WireBatch>())!;
        Assert.Equal(texts.Count, batch.Predictions.Length);
        return batch.Predictions;
    }
}
