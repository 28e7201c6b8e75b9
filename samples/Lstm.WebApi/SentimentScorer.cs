using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace Lstm.WebApi;

/// <summary>
/// The two ways a request is scored: one text through a pooled <see cref="PredictionEngine{TSrc, TDst}"/> (one ONNX
/// Runtime run of its own length), many texts through one <c>Transform</c> of the shared model (32 per run).
/// </summary>
public sealed class SentimentScorer(SentimentModel model, ObjectPool<PredictionEngine<TextInput, ScoredText>> engines)
{
    /// <summary>Scores one text with an engine borrowed from the pool for the call; safe from any number of threads.</summary>
    public PredictionResponse Predict(string text)
    {
        var engine = engines.Get();
        try
        {
            return PredictionResponse.From(engine.Predict(new TextInput { Text = text }));
        }
        finally
        {
            engines.Return(engine);
        }
    }

    /// <summary>Scores the texts in one pass over the shared model, in their order.</summary>
    public List<PredictionResponse> PredictBatch(IReadOnlyList<string> texts) =>
        texts.Count == 0 ? [] : [.. model.Score(texts).Select(PredictionResponse.From)];
}
