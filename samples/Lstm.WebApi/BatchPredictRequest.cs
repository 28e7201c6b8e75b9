namespace Lstm.WebApi;

/// <summary>The body of <c>POST /predict/batch</c>: <c>{"texts": ["...", "..."]}</c>.</summary>
/// <param name="Texts">Up to <see cref="RequestRules.MaxTexts"/> texts, none null, each up to <see cref="RequestRules.MaxTextLength"/> characters.</param>
public sealed record BatchPredictRequest(IReadOnlyList<string?>? Texts);
