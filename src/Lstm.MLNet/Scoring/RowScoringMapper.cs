using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// Scores one row at a time, for <c>PredictionEngine</c> and other row-to-row consumers: each row returned by
/// <see cref="GetRow"/> scores its input's current text on first read and caches it by position.
/// </summary>
internal sealed class RowScoringMapper : IRowToRowMapper
{
    private readonly DataViewSchema.Column _textColumn;
    private readonly OnnxTextScorer _scorer;

    public RowScoringMapper(DataViewSchema inputSchema, DataViewSchema.Column textColumn, OnnxTextScorer scorer)
    {
        InputSchema = inputSchema;
        OutputSchema = scorer.Columns.AppendTo(inputSchema);
        _textColumn = textColumn;
        _scorer = scorer;
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
        return new ScoredRow(OutputSchema, input, _textColumn, _scorer, active);
    }

    private sealed class ScoredRow : DataViewRow
    {
        private readonly DataViewRow _input;
        private readonly OnnxTextScorer _scorer;
        private readonly bool[] _active;
        private readonly ValueGetter<ReadOnlyMemory<char>>? _getText;
        private readonly NormalizedTextBatch _batch = new(1);
        private readonly float[][] _outputs;
        private ReadOnlyMemory<char> _text;
        private long _scoredPosition = -1;

        public ScoredRow(DataViewSchema schema, DataViewRow input, DataViewSchema.Column textColumn, OnnxTextScorer scorer, bool[] active)
        {
            Schema = schema;
            _input = input;
            _scorer = scorer;
            _active = active;
            _outputs = scorer.CreateOutputs(1);
            if (active.AsSpan(input.Schema.Count).Contains(true)) _getText = input.GetGetter<ReadOnlyMemory<char>>(textColumn);
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
            return _scorer.Columns.MakeGetter<TValue>(column, _outputs, Scored);
        }

        /// <summary>Scores the input's current row when the position has moved; its outputs are row 0 of the buffers.</summary>
        private int Scored()
        {
            long position = _input.Position;
            if (position == _scoredPosition) return 0;
            _getText!(ref _text);
            _batch.Clear();
            _batch.Add(_text.Span);
            _scorer.Score(_batch, _outputs);
            _scoredPosition = position;
            return 0;
        }
    }
}
