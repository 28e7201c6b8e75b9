using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lstm.WebApi.Tests.TestData;

namespace Lstm.WebApi.Tests;

/// <summary>
/// Bad input gets 400 (or 413) with a ProblemDetails body that names the field and the limit; no input of a client
/// gets a 500. One server for the class (the model loads once).
/// </summary>
public sealed class BadInputTests(BadInputTests.Server server) : IClassFixture<BadInputTests.Server>
{
    /// <summary>The app on a free port, shared by the tests of this class.</summary>
    public sealed class Server : IDisposable
    {
        private readonly WebApiServer _server = new();

        public Server() => Client = _server.NewClient(_server.Start());

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            _server.Dispose();
        }
    }

    private HttpClient Client => server.Client;

    [Theory]
    [InlineData("/predict", "", "The request body is empty")]
    [InlineData("/predict", "null", "The request body is empty")]
    [InlineData("/predict", "{}", "text")]
    [InlineData("/predict", """{"text": null}""", "text")]
    [InlineData("/predict", """{"tekst": "typo"}""", "text")]
    [InlineData("/predict", """{"text": 5}""", "$.text")]
    [InlineData("/predict", """{"text": ["a"]}""", "$.text")]
    [InlineData("/predict", """["great"]""", "{\"text\": \"...\"}")]
    [InlineData("/predict", "not json", "{\"text\": \"...\"}")]
    [InlineData("/predict", """{"text": "unterminated""", "{\"text\": \"...\"}")]
    [InlineData("/predict", """{"text": "\ud800"}""", "{\"text\": \"...\"}")]
    [InlineData("/predict/batch", "", "The request body is empty")]
    [InlineData("/predict/batch", "{}", "texts")]
    [InlineData("/predict/batch", """{"texts": null}""", "texts")]
    [InlineData("/predict/batch", """{"texts": "one text"}""", "$.texts")]
    [InlineData("/predict/batch", """{"texts": ["ok", null, "ok", null]}""", "texts[1]")]
    [InlineData("/predict/batch", """{"texts": ["ok", 7]}""", "$.texts[1]")]
    [InlineData("/predict/batch", """{"text": "a single text sent to the batch route"}""", "texts")]
    public async Task MalformedBodiesAre400NamingTheField(string route, string body, string named)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(route, content);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        string errors = problem.TryGetProperty("errors", out var e) ? string.Join(" ", e.EnumerateObject().Select(field => field.Name)) : "";
        Assert.Contains(named, $"{problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()} {errors}");
    }

    [Fact]
    public async Task InvalidUtf8Is400()
    {
        using var content = new ByteArrayContent([.. "{\"text\": \""u8, 0xC3, 0x28, .. "\"}"u8]);
        content.Headers.ContentType = new("application/json");
        using var response = await Client.PostAsync("/predict", content);
        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ATextAboveTheLimitIs400NamingTheLimit()
    {
        using var response = await Client.PostAsJsonAsync("/predict", new { text = new string('a', 100_001) });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("100,001 characters; the limit is 100,000.", problem.GetProperty("errors").GetProperty("text")[0].GetString());

        using var atLimit = await Client.PostAsJsonAsync("/predict", new { text = new string('a', 100_000) });
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
    }

    [Fact]
    public async Task ABatchTextAboveTheLimitIs400NamingItsIndex()
    {
        using var response = await Client.PostAsJsonAsync("/predict/batch", new { texts = new[] { "fine", "fine", new string('b', 100_001) } });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("100,001 characters; the limit is 100,000.", errors.GetProperty("texts[2]")[0].GetString());
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task MoreThan1000TextsIs400NamingTheLimit()
    {
        using var response = await Client.PostAsJsonAsync("/predict/batch", new { texts = Enumerable.Repeat("x", 1_001) });
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("1,001 texts; the limit is 1,000 per request. Split the batch.", problem.GetProperty("errors").GetProperty("texts")[0].GetString());

        var atLimit = await Api.PredictBatchAsync(Client, [.. Enumerable.Repeat("x", 1_000)]);
        Assert.Equal(1_000, atLimit.Length);
    }

    [Fact]
    public async Task ABodyAboveKestrelsLimitIs413()
    {
        // 40 MB, above Kestrel's default MaxRequestBodySize of 30 MB: refused while reading, before any text is checked.
        // With Expect: 100-continue the client waits for the server's answer before sending the body, so it reads the
        // 413 instead of a broken pipe (Kestrel closes the connection rather than read 40 MB it will refuse).
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict/batch")
        {
            Content = new StringContent($$"""{"texts": ["{{new string('c', 40_000_000)}}"]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        using var response = await Client.SendAsync(request);
        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task EmptyTextsAndAnEmptyBatchAreFine()
    {
        var empty = await Api.PredictAsync(Client, "");
        Assert.InRange(empty.Probability, 0f, 1f);
        Assert.Empty(await Api.PredictBatchAsync(Client, []));
        var batch = await Api.PredictBatchAsync(Client, ["", " ", "<br />"]);
        Assert.All(batch, p => Assert.Equal(empty, p)); // all three have no words after normalisation
    }

    [Fact]
    public async Task WrongMethodsAndRoutesAreNot500()
    {
        using var get = await Client.GetAsync("/predict");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        using var missing = await Client.PostAsync("/nothing", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ModelDescribesTheShippedModel()
    {
        var model = await Client.GetFromJsonAsync<JsonElement>("/model");
        Assert.Equal("model.onnx", model.GetProperty("file").GetString());
        Assert.Equal("onnx", model.GetProperty("format").GetString());
        Assert.Equal("Embedding(10000, 128) -> LSTM(128, dropout=0.2, recurrent_dropout=0.2) -> Dense(1, sigmoid)", model.GetProperty("network").GetString());
        Assert.Equal(500, model.GetProperty("maxLength").GetInt32());
        Assert.Equal(10_000, model.GetProperty("vocabularySize").GetInt32());
        Assert.Equal("padding-free", model.GetProperty("layout").GetString());
        Assert.Equal(1_000, model.GetProperty("limits").GetProperty("maxTexts").GetInt32());
        Assert.Equal(100_000, model.GetProperty("limits").GetProperty("maxTextLength").GetInt32());
    }

    /// <summary>The ProblemDetails body of <paramref name="response"/>, after checking its status and content type.</summary>
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
