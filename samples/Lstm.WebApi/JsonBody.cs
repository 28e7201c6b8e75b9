using System.Text.Json;

namespace Lstm.WebApi;

/// <summary>
/// Reads a request's JSON body, turning every way it can be wrong (empty, not JSON, a field of the wrong type, too
/// large) into a 4xx ProblemDetails that says what was expected. Minimal APIs' own body binding answers such requests
/// with a bare 400 and logs the reason on the server, where the client cannot see it.
/// </summary>
public static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer instead.</summary>
    /// <param name="request">The request.</param>
    /// <param name="shape">The body expected, for messages: <c>{"text": "..."}</c>.</param>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, string shape) where T : class
    {
        var body = request.BodyReader;
        var ct = request.HttpContext.RequestAborted;
        try
        {
            // Peek without consuming: a body that ends before its first byte is "empty", not "invalid JSON".
            var first = await body.ReadAsync(ct);
            bool empty = first.IsCompleted && first.Buffer.IsEmpty;
            body.AdvanceTo(first.Buffer.Start);
            if (empty) return (null, Empty(shape));
            var value = await JsonSerializer.DeserializeAsync<T>(body, JsonSerializerOptions.Web, ct);
            return value is null ? (null, Empty(shape)) : (value, null);
        }
        catch (JsonException e)
        {
            // e.Message names the JSON path of a wrong-typed field ("$.texts[2]") and the position of a syntax error.
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The request body is not the JSON expected.",
                detail: $"{e.Message} Send {shape}."));
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's limits, e.g. a body above MaxRequestBodySize (30 MB by default): 413.
            return (null, TypedResults.Problem(statusCode: e.StatusCode, title: "The request body could not be read.", detail: e.Message));
        }
    }

    private static IResult Empty(string shape) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The request body is empty (or JSON null).",
        detail: $"Send {shape} with Content-Type: application/json.");
}
