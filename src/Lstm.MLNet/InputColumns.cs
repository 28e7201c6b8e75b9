using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet;

/// <summary>
/// Checks that an input column exists with the type a component reads, throwing as ML.NET's own components do:
/// <see cref="ArgumentOutOfRangeException"/> for parameter <c>inputSchema</c> with a message naming the column, the
/// expected and the actual type, e.g. <c>Schema mismatch for text column 'Text': expected String, got Single</c>.
/// </summary>
internal static class InputColumns
{
    private const string ParameterName = "inputSchema";

    /// <summary>The column <paramref name="name"/> of <paramref name="schema"/>, which must have type <paramref name="expected"/>.</summary>
    /// <param name="schema">The input schema.</param>
    /// <param name="role">What the column is for, e.g. "text" or "label", used in messages.</param>
    /// <param name="name">The column's name.</param>
    /// <param name="expected">The only type accepted.</param>
    /// <param name="source">What the schema belongs to when it is not the main input, e.g. "validation set"; null for the input.</param>
    public static DataViewSchema.Column Require(DataViewSchema schema, string role, string name, DataViewType expected, string? source = null) =>
        Require(schema, role, name, expected.Equals, $"{expected}", source);

    /// <summary>The column <paramref name="name"/> of <paramref name="schema"/>, whose type <paramref name="accepts"/> must accept.</summary>
    /// <param name="schema">The input schema.</param>
    /// <param name="role">What the column is for, used in messages.</param>
    /// <param name="name">The column's name.</param>
    /// <param name="accepts">True for the types accepted.</param>
    /// <param name="expected">Those types in words, e.g. <c>Single or a known-size Vector&lt;Single&gt;</c>.</param>
    /// <param name="source">What the schema belongs to when it is not the main input; null for the input.</param>
    public static DataViewSchema.Column Require(DataViewSchema schema, string role, string name, Func<DataViewType, bool> accepts, string expected, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var column = schema.GetColumnOrNull(name)
            ?? throw Missing(role, name, expected, source, schema.Where(c => !c.IsHidden).Select(c => $"{c.Name} ({c.Type})"));
        if (!accepts(column.Type)) throw Mismatch(role, name, expected, $"{column.Type}", source);
        return column;
    }

    /// <summary>Checks <paramref name="shape"/> the way <see cref="Require(DataViewSchema, string, string, DataViewType, string?)"/> checks a schema.</summary>
    public static void Require(SchemaShape shape, string role, string name, DataViewType expected) =>
        Require(shape, role, name, c => c.Kind == SchemaShape.Column.VectorKind.Scalar && !c.IsKey && c.ItemType.Equals(expected), $"{expected}");

    /// <summary>Checks <paramref name="shape"/> for a column <paramref name="name"/> that <paramref name="accepts"/> accepts.</summary>
    public static void Require(SchemaShape shape, string role, string name, Func<SchemaShape.Column, bool> accepts, string expected)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var found = shape.Where(c => c.Name == name).ToArray();
        if (found.Length == 0)
            throw Missing(role, name, expected, null, shape.Select(c => $"{c.Name} ({Describe(c)})"));
        if (!accepts(found[0])) throw Mismatch(role, name, expected, Describe(found[0]), null);
    }

    /// <summary>How ML.NET prints a column shape's type: <c>Single</c>, <c>Vector&lt;Single&gt;</c>, <c>Key&lt;UInt32&gt;</c>.</summary>
    internal static string Describe(SchemaShape.Column column)
    {
        string item = column.IsKey ? $"Key<{column.ItemType}>" : $"{column.ItemType}";
        return column.Kind == SchemaShape.Column.VectorKind.Scalar ? item : $"Vector<{item}>";
    }

    private static ArgumentOutOfRangeException Missing(string role, string name, string expected, string? source, IEnumerable<string> available)
    {
        string columns = string.Join(", ", available);
        return new ArgumentOutOfRangeException(ParameterName,
            $"Could not find {role} column '{name}'{In(source)}: expected a column of type {expected}. Columns present: {(columns.Length == 0 ? "none" : columns)}.");
    }

    private static ArgumentOutOfRangeException Mismatch(string role, string name, string expected, string actual, string? source) =>
        new(ParameterName, $"Schema mismatch for {role} column '{name}'{In(source)}: expected {expected}, got {actual}.");

    private static string In(string? source) => source is null ? "" : $" in the {source}";
}
