using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// A cursor that scores its rows a batch at a time. A second cursor over the input, holding only the text column,
/// reads up to one batch ahead; its texts are normalised and scored with one ONNX Runtime run, and the results are
/// served (through the task's <see cref="OutputColumns"/>) while the main input cursor, which carries the pass-through columns, walks over the same rows.
/// </summary>
internal sealed class BatchScoringCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly DataViewRowCursor? _texts;
    private readonly ValueGetter<ReadOnlyMemory<char>>? _getText;
    private readonly OnnxTextScorer _scorer;
    private readonly bool[] _active;
    private readonly int _inputColumns;
    private readonly NormalizedTextBatch _batch;
    private readonly float[][] _outputs;
    private ReadOnlyMemory<char> _text;
    private long _position = -1;
    private long _batchStart;
    private int _batchCount;

    public BatchScoringCursor(IDataView owner, IDataView input, DataViewSchema.Column textColumn, OnnxTextScorer scorer, int batchSize, bool[] active)
    {
        Schema = owner.Schema;
        _scorer = scorer;
        _active = active;
        _inputColumns = input.Schema.Count;
        _input = input.GetRowCursor(input.Schema.Where(c => active[c.Index]));
        if (active.AsSpan(_inputColumns).Contains(true))
        {
            _texts = input.GetRowCursor([textColumn]);
            _getText = _texts.GetGetter<ReadOnlyMemory<char>>(textColumn);
        }
        _batch = new NormalizedTextBatch(batchSize);
        _outputs = scorer.CreateOutputs(batchSize);
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
        if (_texts is not null && _position >= _batchStart + _batchCount) ScoreNextBatch();
        return true;
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!_active[column.Index]) throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was opened.");
        if (column.Index < _inputColumns) return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        return _scorer.Columns.MakeGetter<TValue>(column, _outputs, Offset);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
            _texts?.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Offset()
    {
        if (_position < 0) throw new InvalidOperationException("The cursor is not on a row: call MoveNext first.");
        return (int)(_position - _batchStart);
    }

    private void ScoreNextBatch()
    {
        _batch.Clear();
        while (!_batch.IsFull && _texts!.MoveNext())
        {
            _getText!(ref _text);
            _batch.Add(_text.Span);
        }
        if (_batch.Count == 0)
            throw new InvalidOperationException($"The input gave a second cursor fewer rows than the first ({_position}): scoring needs an input that yields the same rows to every cursor.");
        _scorer.Score(_batch, _outputs);
        _batchStart = _position;
        _batchCount = _batch.Count;
    }
}
