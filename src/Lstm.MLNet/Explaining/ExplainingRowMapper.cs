using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Explaining;

/// <summary>
/// Explains one row at a time, for <c>PredictionEngine</c> and other row-to-row consumers: each row returned by
/// <see cref="GetRow"/> has its own explainer and explains its input's current text on first read.
/// </summary>
internal sealed class ExplainingRowMapper : IRowToRowMapper
{
    private readonly DataViewSchema.Column _textColumn;
    private readonly ExplainerModel _model;
    private readonly ExplanationColumns _columns;

    public ExplainingRowMapper(DataViewSchema inputSchema, DataViewSchema.Column textColumn, ExplainerModel model, ExplanationColumns columns)
    {
        InputSchema = inputSchema;
        OutputSchema = columns.AppendTo(inputSchema);
        _textColumn = textColumn;
        _model = model;
        _columns = columns;
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        ArgumentNullException.ThrowIfNull(dependingColumns);
        var needed = new SortedSet<int>();
        foreach (var column in dependingColumns)
            needed.Add(column.Index < InputSchema.Count ? column.Index : _textColumn.Index);
        return needed.Select(i => InputSchema[i]).ToArray();
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(activeColumns);
        var active = new bool[OutputSchema.Count];
        foreach (var column in activeColumns) active[column.Index] = true;
        return new ExplainedRow(this, input, active);
    }

    private sealed class ExplainedRow : DataViewRow
    {
        private readonly DataViewRow _input;
        private readonly ExplanationColumns _columns;
        private readonly RowExplanation? _explanation;
        private readonly bool[] _active;

        public ExplainedRow(ExplainingRowMapper mapper, DataViewRow input, bool[] active)
        {
            Schema = mapper.OutputSchema;
            _input = input;
            _columns = mapper._columns;
            _active = active;
            if (active.AsSpan(input.Schema.Count).Contains(true))
                _explanation = new RowExplanation(mapper._model, input.GetGetter<ReadOnlyMemory<char>>(mapper._textColumn), () => _input.Position);
        }

        public override DataViewSchema Schema { get; }

        public override long Position => _input.Position;

        public override long Batch => _input.Batch;

        public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

        public override bool IsColumnActive(DataViewSchema.Column column) => _active[column.Index];

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!_active[column.Index]) throw new InvalidOperationException($"Column '{column.Name}' was not requested for this row.");
            if (column.Index < _input.Schema.Count) return _input.GetGetter<TValue>(_input.Schema[column.Index]);
            return _columns.MakeGetter<TValue>(column, _explanation!);
        }
    }
}
