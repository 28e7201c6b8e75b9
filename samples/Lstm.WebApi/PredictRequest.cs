namespace Lstm.WebApi;

/// <summary>The body of <c>POST /predict</c>: <c>{"text": "..."}</c>. Null members are what a client left out; <see cref="RequestRules"/> refuses them.</summary>
/// <param name="Text">The text to score, up to <see cref="RequestRules.MaxTextLength"/> characters; empty is allowed.</param>
public sealed record PredictRequest(string? Text);
