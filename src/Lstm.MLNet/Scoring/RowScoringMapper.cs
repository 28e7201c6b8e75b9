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
        OutputSchema = ScoreColumns.AppendTo(inputSchema);
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
        private readonly float[] _logit = new float[1];
        private readonly float[] _probability = new float[1];
        private ReadOnlyMemory<char> _text;
        private long _scoredPosition = -1;

        public ScoredRow(DataViewSchema schema, DataViewRow input, DataViewSchema.Column textColumn, OnnxTextScorer scorer, bool[] active)
        {
            Schema = schema;
            _input = input;
            _scorer = scorer;
            _active = active;
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
            Delegate getter = column.Name switch
            {
                ScoreColumns.Score => (ValueGetter<float>)((ref float value) => value = Scored()[0]),
                ScoreColumns.Probability => (ValueGetter<float>)((ref float value) => { Scored(); value = _probability[0]; }),
                _ => (ValueGetter<bool>)((ref bool value) => value = ScoreColumns.PredictLabel(Scored()[0])),
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; it cannot be read as {typeof(TValue).Name}.");
        }

        /// <summary>The logit of the input's current row, scoring it when the position has moved.</summary>
        private float[] Scored()
        {
            long position = _input.Position;
            if (position == _scoredPosition) return _logit;
            _getText!(ref _text);
            _batch.Clear();
            _batch.Add(_text.Span);
            _scorer.Score(_batch, _logit, _probability);
            _scoredPosition = position;
            return _logit;
        }
    }
}
