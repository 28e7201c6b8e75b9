namespace Lstm.WebApi;

/// <summary>The HTTP API: <c>POST /predict</c>, <c>POST /predict/batch</c>, <c>GET /model</c>.</summary>
public static class SentimentEndpoints
{
    private const string PredictShape = """{"text": "..."}""";
    private const string BatchShape = """{"texts": ["...", "..."]}""";

    /// <summary>Maps the three endpoints.</summary>
    public static IEndpointRouteBuilder MapSentimentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/predict", PredictAsync);
        app.MapPost("/predict/batch", PredictBatchAsync);
        app.MapGet("/model", (SentimentModel model) => TypedResults.Ok(ModelResponse.From(model)));
        return app;
    }

    /// <summary>One text through a pooled prediction engine.</summary>
    private static async Task<IResult> PredictAsync(HttpRequest request, SentimentScorer scorer)
    {
        var (body, problem) = await JsonBody.ReadAsync<PredictRequest>(request, PredictShape);
        if (problem is not null) return problem;
        if (RequestRules.Check(body!) is { } errors) return RequestRules.Invalid(errors);
        return TypedResults.Ok(scorer.Predict(body!.Text!));
    }

    /// <summary>Many texts through one <c>Transform</c>: 32 per ONNX Runtime run instead of one.</summary>
    private static async Task<IResult> PredictBatchAsync(HttpRequest request, SentimentScorer scorer)
    {
        var (body, problem) = await JsonBody.ReadAsync<BatchPredictRequest>(request, BatchShape);
        if (problem is not null) return problem;
        if (RequestRules.Check(body!) is { } errors) return RequestRules.Invalid(errors);
        return TypedResults.Ok(new BatchPredictionResponse(scorer.PredictBatch(body!.Texts!.Select(text => text!).ToList())));
    }
}
