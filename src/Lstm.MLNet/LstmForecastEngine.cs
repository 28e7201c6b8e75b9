using Lstm.MLNet.Forecasting;

namespace Lstm.MLNet;

/// <summary>
/// Forecasts step by step, as ML.NET's <c>TimeSeriesPredictionEngine</c> does for SSA: it holds the last W rows of the
/// series (the target, then the features); <see cref="Predict"/> forecasts the next H target values from them and
/// <see cref="Update"/> appends an observation, dropping the oldest. Made by
/// <see cref="LstmForecastingTransformer.CreateForecastEngine"/>; its forecasts equal <see cref="LstmForecastingTransformer.Transform"/>'s
/// at the same rows (one ONNX Runtime run of one window per <see cref="Predict"/>).
/// </summary>
/// <remarks>
/// Not thread-safe: use one engine per thread (engines share the transformer's ONNX Runtime session, which is). The
/// engine does not own the transformer: disposing the transformer stops its engines, and an engine needs no disposal.
/// The window lives in memory only; to resume after a restart, create a new engine from the stored history.
/// </remarks>
public sealed class LstmForecastEngine
{
    private readonly OnnxForecastScorer _scorer;
    private readonly WindowRing _ring;
    private readonly float[] _window;
    private readonly float[] _row;

    internal LstmForecastEngine(OnnxForecastScorer scorer, IEnumerable<float[]> rows)
    {
        _scorer = scorer;
        _ring = new WindowRing(scorer.WindowSize, scorer.Features);
        _window = new float[scorer.WindowSize * scorer.Features];
        _row = new float[scorer.Features];
        foreach (var row in rows) _ring.Push(row);
    }

    /// <summary>Rows per window (W).</summary>
    public int WindowSize => _scorer.WindowSize;

    /// <summary>Values forecast (H).</summary>
    public int Horizon => _scorer.Horizon;

    /// <summary>Feature values <see cref="Update"/> takes beside the target.</summary>
    public int FeatureCount => _scorer.Features - 1;

    /// <summary>True when no value in the window is missing (NaN), so <see cref="Predict"/> gives a forecast rather than NaNs.</summary>
    public bool IsReady => _ring.IsComplete;

    /// <summary>The forecast of the next <see cref="Horizon"/> target values after the window, in the target's units; NaNs when the window holds a missing value.</summary>
    /// <exception cref="ObjectDisposedException">The transformer was disposed.</exception>
    public float[] Predict()
    {
        var forecast = new float[Horizon];
        if (!_ring.IsComplete)
        {
            Array.Fill(forecast, float.NaN);
            return forecast;
        }
        _ring.CopyTo(_window);
        _scorer.Score(_window, 1, forecast);
        return forecast;
    }

    /// <summary>Appends one observation (the row after the window's last) and drops the oldest row.</summary>
    /// <param name="target">The target's value (NaN for missing).</param>
    /// <param name="features">The feature columns' values, in <see cref="LstmForecastingTransformer.FeatureColumnNames"/> order.</param>
    /// <exception cref="ArgumentException"><paramref name="features"/> does not hold <see cref="FeatureCount"/> values.</exception>
    public void Update(float target, params float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length != FeatureCount)
            throw new ArgumentException($"Update got {features.Length} feature value(s); the model reads {FeatureCount} beside the target.", nameof(features));
        _row[0] = target;
        features.CopyTo(_row, 1);
        _ring.Push(_row);
    }
}
