using Microsoft.ML;

namespace Lstm.MLNet.Explaining;

/// <summary>
/// What <see cref="LstmExplainTransformer.Transform"/> returns: the input's columns followed by the explanation columns,
/// computed lazily, row by row, by each cursor's own explainer.
/// </summary>
internal sealed class ExplainedDataView : IDataView
{
    private readonly IDataView _input;
    private readonly DataViewSchema.Column _textColumn;
    private readonly ExplainerModel _model;
    private readonly ExplanationColumns _columns;

    public ExplainedDataView(IDataView input, DataViewSchema.Column textColumn, ExplainerModel model, ExplanationColumns columns)
    {
        _input = input;
        _textColumn = textColumn;
        _model = model;
        _columns = columns;
        Schema = columns.AppendTo(input.Schema);
    }

    public bool CanShuffle => _input.CanShuffle;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var active = new bool[Schema.Count];
        foreach (var column in columnsNeeded) active[column.Index] = true;
        return new ExplainingCursor(Schema, _input, _textColumn, _model, _columns, active, rand);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
