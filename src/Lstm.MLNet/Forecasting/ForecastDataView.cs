using Microsoft.ML;

namespace Lstm.MLNet.Forecasting;

/// <summary>
/// What <see cref="LstmForecastingTransformer.Transform"/> returns: the input's columns followed by the forecast
/// column, computed lazily by <see cref="ForecastCursor"/>. A forecast depends on the rows before it, so the view has one
/// sequential cursor: no shuffling, and a cursor set is a single cursor.
/// </summary>
internal sealed class ForecastDataView : IDataView
{
    private readonly IDataView _input;
    private readonly DataViewSchema.Column[] _series;
    private readonly OnnxForecastScorer _scorer;

    public ForecastDataView(IDataView input, DataViewSchema.Column[] series, OnnxForecastScorer scorer, string outputColumnName)
    {
        _input = input;
        _series = series;
        _scorer = scorer;
        Schema = ForecastColumn.AppendTo(input.Schema, outputColumnName, scorer.Horizon);
    }

    /// <summary>False: rows are forecast from the rows before them, in the input's order.</summary>
    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        ArgumentNullException.ThrowIfNull(columnsNeeded);
        var active = new bool[Schema.Count];
        foreach (var column in columnsNeeded) active[column.Index] = true;
        return new ForecastCursor(Schema, _input, _series, _scorer, active);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}
