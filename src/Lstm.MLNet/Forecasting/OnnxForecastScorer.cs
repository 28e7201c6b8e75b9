using Lstm.MLNet.Scoring;
using Microsoft.ML.OnnxRuntime;

namespace Lstm.MLNet.Forecasting;

/// <summary>
/// One ONNX Runtime session over a forecasting graph (input <c>input</c>, float [batch, W, F] of raw values; output
/// <c>value</c>, float [batch, H] in the target's units). <c>Run</c> is thread-safe, so one scorer serves every cursor
/// and engine of a transformer; <see cref="Dispose"/> waits for running scores, and later scores throw
/// <see cref="ObjectDisposedException"/> (ONNX Runtime would crash the process on a disposed session).
/// </summary>
internal sealed class OnnxForecastScorer : IDisposable
{
    private const string Input = "input";
    private const string Output = "value";
    private readonly GuardedSession _session;

    public OnnxForecastScorer(byte[] model, int windowSize, int features, int horizon, int? intraOpThreads)
    {
        WindowSize = windowSize;
        Features = features;
        Horizon = horizon;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads ?? Environment.ProcessorCount,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new GuardedSession(new InferenceSession(model, options), nameof(LstmForecastingTransformer),
            "The LstmForecastingTransformer was disposed: the IDataViews and engines made from it cannot forecast any more.");
    }

    public int WindowSize { get; }

    public int Features { get; }

    public int Horizon { get; }

    /// <summary>Forecasts <paramref name="count"/> windows held in <paramref name="windows"/> (count × W × F raw values) into <paramref name="forecasts"/> (count × H).</summary>
    public void Score(float[] windows, int count, Span<float> forecasts)
    {
        if (count == 0) return;
        using var lease = _session.Acquire();
        var memory = windows.AsMemory(0, count * WindowSize * Features);
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, memory, [count, WindowSize, Features]);
        using var runOptions = new RunOptions();
        using var results = lease.Session.Run(runOptions, [Input], [input], [Output]);
        results[0].GetTensorDataAsSpan<float>()[..(count * Horizon)].CopyTo(forecasts);
    }

    public void Dispose() => _session.Dispose();
}
