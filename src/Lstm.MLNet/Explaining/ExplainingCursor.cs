using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Explaining;

/// <summary>
/// A cursor over the input that adds the explanation columns: the input cursor carries the pass-through columns and
/// the text, and a <see cref="RowExplanation"/> of its own explains the current text when an added column is read.
/// </summary>
internal sealed class ExplainingCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly ExplanationColumns _columns;
    private readonly RowExplanation? _explanation;
    private readonly bool[] _active;
    private readonly int _inputColumns;

    public ExplainingCursor(DataViewSchema schema, IDataView input, DataViewSchema.Column textColumn, ExplainerModel model, ExplanationColumns columns, bool[] active, Random? rand)
    {
        Schema = schema;
        _columns = columns;
        _active = active;
        _inputColumns = input.Schema.Count;
        bool explains = active.AsSpan(_inputColumns).Contains(true);
        _input = input.GetRowCursor(input.Schema.Where(c => active[c.Index] || (explains && c.Index == textColumn.Index)), rand);
        if (explains) _explanation = new RowExplanation(model, _input.GetGetter<ReadOnlyMemory<char>>(textColumn), () => _input.Position);
    }

    public override DataViewSchema Schema { get; }

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

    public override bool MoveNext() => _input.MoveNext();

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!_active[column.Index]) throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was opened.");
        if (column.Index < _inputColumns) return _input.GetGetter<TValue>(_input.Schema[column.Index]);
        return _columns.MakeGetter<TValue>(column, _explanation!);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _input.Dispose();
        base.Dispose(disposing);
    }
}
