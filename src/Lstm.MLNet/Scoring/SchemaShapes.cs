using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// Schema-shape columns made through public API: <c>SchemaShape.Column</c> has no public constructor in ML.NET 5.0.1,
/// so shapes come from the output schema of estimators that add such columns.
/// </summary>
internal static class SchemaShapes
{
    /// <summary>The shapes of the public properties of <typeparamref name="TRow"/>, as a <c>CustomMapping</c> with no inputs adds them.</summary>
    public static SchemaShape.Column[] Of<TRow>()
        where TRow : class, new()
    {
        var estimator = new MLContext().Transforms.CustomMapping<NoColumns, TRow>(static (_, _) => { }, contractName: null);
        return [.. estimator.GetOutputSchema(new SchemaShape([]))];
    }

    /// <summary>A scalar <c>Key&lt;UInt32&gt;</c> column <paramref name="name"/> with a <c>KeyValues</c> annotation of strings, as <c>MapValueToKey</c> makes it.</summary>
    public static SchemaShape.Column KeyWithTextValues(string name)
    {
        var ml = new MLContext();
        var text = ml.Transforms.CustomMapping<NoColumns, TextRow>(static (_, _) => { }, contractName: null).GetOutputSchema(new SchemaShape([]));
        return ml.Transforms.Conversion.MapValueToKey(name, nameof(TextRow.Value)).GetOutputSchema(text).Single(c => c.Name == name);
    }

    /// <summary>A scalar Single column <paramref name="name"/>, as <c>CopyColumns</c> makes it from one.</summary>
    public static SchemaShape.Column Single(string name)
    {
        var input = new SchemaShape(Of<SingleRow>());
        return new MLContext().Transforms.CopyColumns(name, nameof(SingleRow.Value)).GetOutputSchema(input).Single(c => c.Name == name);
    }

    /// <summary>A known-size <c>Vector&lt;Single&gt;</c> column <paramref name="name"/>, as <c>Concatenate</c> makes it.</summary>
    public static SchemaShape.Column SingleVector(string name)
    {
        var input = new SchemaShape(Of<SingleRow>());
        return new MLContext().Transforms.Concatenate(name, nameof(SingleRow.Value)).GetOutputSchema(input).Single(c => c.Name == name);
    }

    /// <summary>A variable-length <c>Vector&lt;String&gt;</c> column <paramref name="name"/>, as <c>CopyColumns</c> makes it from one.</summary>
    public static SchemaShape.Column TextVariableVector(string name) => Renamed(name, nameof(VariableVectorsRow.Texts));

    /// <summary>A variable-length <c>Vector&lt;Single&gt;</c> column <paramref name="name"/>, as <c>CopyColumns</c> makes it from one.</summary>
    public static SchemaShape.Column SingleVariableVector(string name) => Renamed(name, nameof(VariableVectorsRow.Singles));

    private static SchemaShape.Column Renamed(string name, string source)
    {
        var input = new SchemaShape(Of<VariableVectorsRow>());
        return new MLContext().Transforms.CopyColumns(name, source).GetOutputSchema(input).Single(c => c.Name == name);
    }

    private sealed class NoColumns;

    private sealed class VariableVectorsRow
    {
        public string[] Texts { get; set; } = [];

        public float[] Singles { get; set; } = [];
    }

    private sealed class SingleRow
    {
        public float Value { get; set; }
    }

    private sealed class TextRow
    {
        public string Value { get; set; } = "";
    }
}
