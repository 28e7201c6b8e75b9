using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Forecasting;

/// <summary>
/// The series a forecaster reads: the target column followed by the feature columns, all Single, in the input's row
/// order (ordered by time, as ML.NET's <c>ForecastBySsa</c> assumes).
/// </summary>
internal static class SeriesColumns
{
    /// <summary>The input columns <paramref name="names"/> (target first), each checked to be a Single column.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or not Single; the message names it.</exception>
    public static DataViewSchema.Column[] Require(DataViewSchema schema, IReadOnlyList<string> names) =>
        [.. names.Select((name, i) => InputColumns.Require(schema, i == 0 ? "forecast input" : "forecast feature", name, NumberDataViewType.Single))];

    /// <summary>Checks a schema shape the way <see cref="Require(DataViewSchema, IReadOnlyList{string})"/> checks a schema.</summary>
    public static void Require(SchemaShape shape, IReadOnlyList<string> names)
    {
        for (int i = 0; i < names.Count; i++) InputColumns.Require(shape, i == 0 ? "forecast input" : "forecast feature", names[i], NumberDataViewType.Single);
    }

    /// <summary>Reads the columns over at most <paramref name="maxRows"/> rows: one array per column, in row order.</summary>
    public static float[][] Read(IDataView data, IReadOnlyList<string> names, int? maxRows, CancellationToken token = default)
    {
        var columns = Require(data.Schema, names);
        var values = columns.Select(_ => new List<float>()).ToArray();
        using var cursor = data.GetRowCursor(columns);
        var getters = columns.Select(c => cursor.GetGetter<float>(c)).ToArray();
        float value = 0;
        while ((maxRows is not { } max || values[0].Count < max) && cursor.MoveNext())
        {
            if ((values[0].Count & 4095) == 0) token.ThrowIfCancellationRequested();
            for (int c = 0; c < getters.Length; c++)
            {
                getters[c](ref value);
                values[c].Add(value);
            }
        }
        return [.. values.Select(v => v.ToArray())];
    }

    /// <summary>Reads the last <paramref name="rows"/> rows of the columns (fewer when the input is shorter), row-major [row * F + f].</summary>
    public static List<float[]> ReadLast(IDataView data, IReadOnlyList<string> names, int rows)
    {
        var columns = Require(data.Schema, names);
        var last = new Queue<float[]>(rows + 1);
        using var cursor = data.GetRowCursor(columns);
        var getters = columns.Select(c => cursor.GetGetter<float>(c)).ToArray();
        while (cursor.MoveNext())
        {
            var row = last.Count == rows ? last.Dequeue() : new float[getters.Length];
            for (int c = 0; c < getters.Length; c++) getters[c](ref row[c]);
            last.Enqueue(row);
        }
        return [.. last];
    }
}
