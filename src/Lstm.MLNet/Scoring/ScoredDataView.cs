using Microsoft.ML;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// What <see cref="LstmTransformer.Transform"/> returns: the input's columns (passed through) followed by the task's
/// <see cref="OutputColumns"/>, computed lazily by <see cref="BatchScoringCursor"/> a batch at a time.
/// </summary>
internal sealed class ScoredDataView : IDataView
{
    private readonly IDataView _input;
    private readonly DataViewSchema.Column _textColumn;
    private readonly OnnxTextScorer _scorer;
    private readonly int _batchSize;

    public ScoredDataView(IDataView input, DataViewSchema.Column textColumn, OnnxTextScorer scorer, int batchSize)
    {
        _input = input;
        _textColumn = textColumn;
        _scorer = scorer;
        _batchSize = batchSize;
        Schema = scorer.Columns.AppendTo(input.Schema);
    }

    /// <summary>Rows are read in the input's order: two cursors over the input must see the same rows.</summary>
    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var active = new bool[Schema.Count];
        foreach (var column in columnsNeeded) active[column.Index] = true;
        return new BatchScoringCursor(this, _input, _textColumn, _scorer, _batchSize, active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
