using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Forecasting;

/// <summary>
/// Walks the input in order and forecasts a batch of rows at a time. A second cursor over the input, holding only the
/// series columns, reads up to <see cref="LstmForecastingTransformer.BatchSize"/> rows ahead through a
/// <see cref="WindowRing"/>; the rows whose last W rows are complete (no NaN) are forecast with one ONNX Runtime run,
/// the others get NaN. The main cursor, which carries the pass-through columns, walks over the same rows.
/// </summary>
internal sealed class ForecastCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly DataViewRowCursor? _series;
    private readonly ValueGetter<float>[] _getSeries = [];
    private readonly OnnxForecastScorer _scorer;
    private readonly bool[] _active;
    private readonly int _inputColumns;
    private readonly WindowRing _ring;
    private readonly float[] _row;
    private readonly float[] _windows;
    private readonly int[] _windowRows;
    private readonly float[] _scored;
    private readonly float[] _forecasts;
    private long _position = -1;
    private long _batchStart;
    private int _batchCount;

    public ForecastCursor(DataViewSchema schema, IDataView input, DataViewSchema.Column[] series, OnnxForecastScorer scorer, bool[] active)
    {
        Schema = schema;
        _scorer = scorer;
        _active = active;
        _inputColumns = input.Schema.Count;
        _input = input.GetRowCursor(input.Schema.Where(c => active[c.Index]));
        if (active.AsSpan(_inputColumns).Contains(true))
        {
            _series = input.GetRowCursor(series);
            _getSeries = [.. series.Select(c => _series.GetGetter<float>(c))];
        }
        int batch = LstmForecastingTransformer.BatchSize;
        _ring = new WindowRing(scorer.WindowSize, scorer.Features);
        _row = new float[scorer.Features];
        _windows = new float[batch * scorer.WindowSize * scorer.Features];
        _windowRows = new int[batch];
        _scored = new float[batch * scorer.Horizon];
        _forecasts = new float[batch * scorer.Horizon];
    }

    public override DataViewSchema Schema { get; }

    public override long Position => _position;

    public override long Batch => _input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    public override bool MoveNext()
    {
        if (!_input.MoveNext()) return false;
        _position++;
        if (_series is not null && _position >= _batchStart + _batchCount) ForecastNextBatch();
        return true;
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!_active[column.Index]) throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was opened.");
        if (column.Index < _inputColumns) return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        ValueGetter<VBuffer<float>> getter = Forecast;
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; read it as VBuffer<Single>, not {typeof(TValue).Name}.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
            _series?.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Forecast(ref VBuffer<float> value)
    {
        if (_position < 0) throw new InvalidOperationException("The cursor is not on a row: call MoveNext first.");
        int h = _scorer.Horizon;
        var editor = VBufferEditor.Create(ref value, h);
        _forecasts.AsSpan((int)(_position - _batchStart) * h, h).CopyTo(editor.Values);
        value = editor.Commit();
    }

    private void ForecastNextBatch()
    {
        int h = _scorer.Horizon, size = _scorer.WindowSize * _scorer.Features;
        int rows = 0, windows = 0;
        while (rows < _windowRows.Length && _series!.MoveNext())
        {
            for (int f = 0; f < _getSeries.Length; f++) _getSeries[f](ref _row[f]);
            _ring.Push(_row);
            if (_ring.IsComplete)
            {
                _ring.CopyTo(_windows.AsSpan(windows * size, size));
                _windowRows[windows++] = rows;
            }
            rows++;
        }
        if (rows == 0)
            throw new InvalidOperationException($"The input gave a second cursor fewer rows than the first ({_position}): forecasting needs an input that yields the same rows to every cursor.");
        _forecasts.AsSpan(0, rows * h).Fill(float.NaN);
        _scorer.Score(_windows, windows, _scored);
        for (int i = 0; i < windows; i++) _scored.AsSpan(i * h, h).CopyTo(_forecasts.AsSpan(_windowRows[i] * h, h));
        _batchStart = _position;
        _batchCount = rows;
    }
}
