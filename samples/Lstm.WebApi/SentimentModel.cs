using Lstm.MLNet;
using Lstm.Training.Onnx;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.WebApi;

/// <summary>
/// The one model the app serves, loaded once and shared by every request: an <see cref="LstmTransformer"/> from an
/// .onnx file, or the pipeline <see cref="LstmModelZip.Load(MLContext, string, out DataViewSchema, int?)"/> reads from
/// a model zip (with an <see cref="LstmTransformer"/> in it, so that batches score 32 rows per ONNX Runtime run).
/// </summary>
/// <remarks>
/// The app owns the model, not the prediction engines: they are created with <c>OwnsTransformer = false</c>
/// (<see cref="PredictionEnginePolicy"/>), and the DI container disposes this object, and with it the ONNX Runtime
/// session, when the app shuts down. <see cref="LstmTransformer"/>'s <c>Dispose</c> waits for predictions in flight.
/// </remarks>
public sealed class SentimentModel : IDisposable
{
    private SentimentModel(MLContext context, ITransformer transformer, string path, string format, OnnxModelMetadata? metadata)
    {
        Context = context;
        Transformer = transformer;
        Path = path;
        Format = format;
        Metadata = metadata;
    }

    /// <summary>The context the model was loaded with; engines and data views are made with it.</summary>
    public MLContext Context { get; }

    /// <summary>The shared model. Thread-safe for <c>Transform</c>; never disposed by a prediction engine.</summary>
    public ITransformer Transformer { get; }

    /// <summary>The model file's full path.</summary>
    public string Path { get; }

    /// <summary><c>onnx</c> or <c>zip</c>.</summary>
    public string Format { get; }

    /// <summary>What the ONNX model records (network, maximum length, vocabulary, layout); null for a zip saved before its chain named its text column, which holds no <see cref="LstmTransformer"/>.</summary>
    public OnnxModelMetadata? Metadata { get; }

    /// <summary>Loads the model at <paramref name="path"/> (.zip: a model zip; anything else: an ONNX file) and checks that it is a binary classifier of a <c>Text</c> column.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be read as such a model (whatever the reader threw is the inner exception); the message names the path and says why.</exception>
    public static SentimentModel Load(string path)
    {
        var context = new MLContext();
        var empty = context.Data.LoadFromEnumerable(Array.Empty<TextInput>());
        ITransformer transformer;
        string format;
        try
        {
            if (string.Equals(System.IO.Path.GetExtension(path), ".zip", StringComparison.OrdinalIgnoreCase))
            {
                transformer = LstmModelZip.Load(context, path, out _);
                format = "zip";
            }
            else
            {
                transformer = context.Transforms.ApplyLstmModel(path).Fit(empty);
                format = "onnx";
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"Could not load the model at {path}: {e.Message}", e);
        }
        try
        {
            RequireBinaryClassifier(transformer, empty.Schema, path);
        }
        catch
        {
            (transformer as IDisposable)?.Dispose();
            throw;
        }
        return new SentimentModel(context, transformer, path, format, FindLstmTransformer(transformer)?.Metadata);
    }

    /// <summary>Scores <paramref name="texts"/> with one <c>Transform</c> of the shared model, which runs them through ONNX Runtime 32 at a time.</summary>
    public List<ScoredText> Score(IReadOnlyList<string> texts)
    {
        var input = Context.Data.LoadFromEnumerable(texts.Select(text => new TextInput { Text = text }));
        var scored = Transformer.Transform(input);
        return [.. Context.Data.CreateEnumerable<ScoredText>(scored, reuseRowObject: false)];
    }

    /// <summary>Releases the ONNX Runtime session (and a zip's temporary copy of the ONNX model).</summary>
    public void Dispose() => (Transformer as IDisposable)?.Dispose();

    /// <summary>
    /// This sample answers P(positive): the model must read a String column <c>Text</c> and add Single <c>Score</c> and
    /// <c>Probability</c> and Boolean <c>PredictedLabel</c>, as a binary model does; a multi-class or regression model,
    /// or one trained on another column, is refused here rather than on the first request.
    /// </summary>
    private static void RequireBinaryClassifier(ITransformer transformer, DataViewSchema input, string path)
    {
        DataViewSchema output;
        try
        {
            output = transformer.GetOutputSchema(input);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidOperationException($"The model at {path} does not read a String column 'Text', which this app feeds it: {e.Message}", e);
        }
        foreach (var (name, type) in new (string, DataViewType)[] { ("Score", NumberDataViewType.Single), ("Probability", NumberDataViewType.Single), ("PredictedLabel", BooleanDataViewType.Instance) })
        {
            if (output.GetColumnOrNull(name) is not { } column || !column.Type.Equals(type))
                throw new InvalidOperationException($"The model at {path} is not a binary classifier: it has no {type} column '{name}'. This app serves binary (sentiment) models.");
        }
    }

    /// <summary>The model's <see cref="LstmTransformer"/>: the model itself, or the one <see cref="LstmModelZip"/> put in a loaded pipeline.</summary>
    private static LstmTransformer? FindLstmTransformer(ITransformer transformer) => transformer switch
    {
        LstmTransformer lstm => lstm,
        IEnumerable<ITransformer> chain => chain.Select(FindLstmTransformer).FirstOrDefault(found => found is not null),
        _ => null,
    };
}
