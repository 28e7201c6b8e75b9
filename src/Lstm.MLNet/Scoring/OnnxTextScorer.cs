using Microsoft.ML.OnnxRuntime;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// One ONNX Runtime session over an <see cref="LstmOnnxModel"/>: scores a whole <see cref="NormalizedTextBatch"/>
/// with one <c>Run</c>. <c>Run</c> is thread-safe, so one scorer serves every cursor and prediction engine of a
/// transformer. Scoring after <see cref="Dispose"/> throws <see cref="ObjectDisposedException"/>, and Dispose waits for
/// running scores to finish: ONNX Runtime itself crashes the process when a disposed session is run.
/// </summary>
internal sealed class OnnxTextScorer : IDisposable
{
    private static readonly string[] InputNames = [LstmOnnxModel.TextInput];
    private static readonly string[] OutputNames = [LstmOnnxModel.LogitOutput, LstmOnnxModel.ProbabilityOutput];
    private readonly InferenceSession _session;
    private readonly ReaderWriterLockSlim _lifetime = new(LockRecursionPolicy.NoRecursion);
    private bool _disposed;

    /// <summary>Opens a session on <paramref name="model"/> from memory (no temporary file).</summary>
    /// <param name="model">The checked model.</param>
    /// <param name="intraOpThreads">ONNX Runtime's intra-op threads; null for one per core.</param>
    public OnnxTextScorer(LstmOnnxModel model, int? intraOpThreads = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads ?? Environment.ProcessorCount,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(model.Bytes, options);
    }

    /// <summary>Writes each text's logit and probability; both spans hold at least <c>batch.Count</c> values.</summary>
    public void Score(NormalizedTextBatch batch, Span<float> logits, Span<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int count = batch.Count;
        if (count == 0) return;
        _lifetime.EnterReadLock();
        try
        {
            if (_disposed)
                throw new ObjectDisposedException(nameof(LstmTransformer), "The LstmTransformer was disposed: the PredictionEngines and IDataViews made from it cannot score any more.");
            using var input = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, [count, 1]);
            for (int i = 0; i < count; i++) input.StringTensorSetElementAt(batch[i], i);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, InputNames, [input], OutputNames);
            outputs[0].GetTensorDataAsSpan<float>()[..count].CopyTo(logits);
            outputs[1].GetTensorDataAsSpan<float>()[..count].CopyTo(probabilities);
        }
        finally
        {
            _lifetime.ExitReadLock();
        }
    }

    /// <summary>Releases the session once no score is running; later scores throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _lifetime.EnterWriteLock();
        try
        {
            if (_disposed) return;
            _disposed = true;
            _session.Dispose();
        }
        finally
        {
            _lifetime.ExitWriteLock();
        }
    }
}
