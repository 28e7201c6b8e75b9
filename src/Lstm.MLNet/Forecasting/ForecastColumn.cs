using Lstm.MLNet.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Forecasting;

/// <summary>The forecast column a forecaster adds: <c>Vector&lt;Single, H&gt;</c>, after (or in place of) the input's columns.</summary>
internal static class ForecastColumn
{
    /// <summary>The column's type for a horizon of <paramref name="horizon"/>.</summary>
    public static VectorDataViewType Type(int horizon) => new(NumberDataViewType.Single, horizon);

    /// <summary><paramref name="input"/> followed by the forecast column <paramref name="name"/> (which hides an input column of that name).</summary>
    public static DataViewSchema AppendTo(DataViewSchema input, string name, int horizon)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        builder.AddColumn(name, Type(horizon));
        return builder.ToSchema();
    }

    /// <summary><paramref name="input"/> with the forecast column <paramref name="name"/> (a known-size Single vector; shapes carry no size) added or replaced.</summary>
    public static SchemaShape AppendTo(SchemaShape input, string name)
    {
        var added = SchemaShapes.SingleVector(name);
        var columns = input.Where(c => c.Name != name).ToList();
        columns.Add(added);
        return new SchemaShape(columns);
    }
}
