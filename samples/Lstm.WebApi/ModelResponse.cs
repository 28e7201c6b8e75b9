namespace Lstm.WebApi;

/// <summary>The answer of <c>GET /model</c>: which model is served and what it reads, from <c>LstmTransformer.Metadata</c>.</summary>
/// <param name="File">The model file's name (not its full path, which is the server's business).</param>
/// <param name="Format"><c>onnx</c> or <c>zip</c>.</param>
/// <param name="Network">The layers in Keras's terms, e.g. <c>Embedding(10000, 128) -> LSTM(128, …) -> Dense(1, sigmoid)</c>.</param>
/// <param name="MaxLength">Tokens read per text, counting the start id (Keras's <c>maxlen</c>); longer texts keep their end.</param>
/// <param name="VocabularySize">Embedding rows (Keras's <c>num_words</c>).</param>
/// <param name="VocabularyWords">Words (or subword pieces) the vocabulary maps to ids.</param>
/// <param name="Tokenizer"><c>words</c>, or the subword tokenizer.</param>
/// <param name="Layout"><c>padding-free</c> (a text costs its own length) or <c>padded</c> (every text costs <paramref name="MaxLength"/> steps).</param>
/// <param name="Normalizer">The text normaliser the model was trained with, name and version.</param>
/// <param name="ProducerVersion">The Lstm.MLNet version that wrote the model.</param>
/// <param name="Limits">What a request may hold.</param>
public sealed record ModelResponse(
    string File,
    string Format,
    string? Network,
    int? MaxLength,
    int? VocabularySize,
    int? VocabularyWords,
    string? Tokenizer,
    string? Layout,
    string? Normalizer,
    string? ProducerVersion,
    RequestLimits Limits)
{
    /// <summary>The description of <paramref name="model"/>; metadata fields are null for a zip without an <c>LstmTransformer</c>.</summary>
    public static ModelResponse From(SentimentModel model)
    {
        var m = model.Metadata;
        return new ModelResponse(
            System.IO.Path.GetFileName(model.Path),
            model.Format,
            m?.Network.Describe(),
            m?.MaxLength,
            m?.Config.VocabularySize,
            m?.VocabularyWordCount,
            m?.Tokenizer,
            m is null ? null : m.PaddingFree ? "padding-free" : "padded",
            m is null ? null : $"{m.NormalizerName} v{m.NormalizerVersion}",
            m?.ProducerVersion,
            new RequestLimits(RequestRules.MaxTexts, RequestRules.MaxTextLength));
    }
}

/// <summary>The request limits, as <c>GET /model</c> reports them.</summary>
/// <param name="MaxTexts">Texts per batch.</param>
/// <param name="MaxTextLength">Characters per text.</param>
public sealed record RequestLimits(int MaxTexts, int MaxTextLength);
