using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace Lstm.WebApi;

/// <summary>
/// Makes the pooled <see cref="PredictionEngine{TSrc, TDst}"/>s. A prediction engine is not thread-safe, so each
/// request borrows one from an <see cref="ObjectPool{T}"/>; all of them score with the one shared model.
/// </summary>
/// <remarks>
/// <para>
/// <c>CreatePredictionEngine(model)</c> makes an engine that owns <c>model</c> and disposes it with itself (ML.NET's
/// default; dotnet/machinelearning#5945). The pool disposes engines: those returned while it already holds
/// <c>MaximumRetained</c> of them, and all of them when the app stops. An owning engine would then dispose the shared
/// model under every other engine, and every later request would fail (ObjectDisposedException). So engines are
/// created with <c>OwnsTransformer = false</c>, and <see cref="SentimentModel"/> is disposed by the app, once.
/// </para>
/// <para>Microsoft.Extensions.ML's <c>PredictionEnginePool</c> does the same; this sample needs only ObjectPool, which
/// comes with ASP.NET Core.</para>
/// </remarks>
public sealed class PredictionEnginePolicy(SentimentModel model) : IPooledObjectPolicy<PredictionEngine<TextInput, ScoredText>>
{
    private int _created;

    /// <summary>Engines made so far: the pool's size while concurrency stays within it, more when it overflows.</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>A new engine over the shared model, which it does not own.</summary>
    public PredictionEngine<TextInput, ScoredText> Create()
    {
        Interlocked.Increment(ref _created);
        return model.Context.Model.CreatePredictionEngine<TextInput, ScoredText>(
            model.Transformer, new PredictionEngineOptions { OwnsTransformer = false });
    }

    /// <summary>Always keeps the engine: it holds no per-request state once <c>Predict</c> has returned.</summary>
    public bool Return(PredictionEngine<TextInput, ScoredText> obj) => true;
}
