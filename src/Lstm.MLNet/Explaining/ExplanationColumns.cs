using Lstm.MLNet.Scoring;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Explaining;

/// <summary>
/// The columns <see cref="LstmExplainTransformer"/> adds: tokens (variable-length <c>Vector&lt;String&gt;</c>),
/// attributions (variable-length <c>Vector&lt;Single&gt;</c>) and optionally the completeness error (Single), and their getters.
/// </summary>
internal sealed class ExplanationColumns
{
    public ExplanationColumns(string tokens, string attributions, string? completeness)
    {
        Tokens = tokens;
        Attributions = attributions;
        Completeness = completeness;
    }

    /// <summary>The tokens column's name.</summary>
    public string Tokens { get; }

    /// <summary>The attributions column's name.</summary>
    public string Attributions { get; }

    /// <summary>The completeness column's name, or null when it is not added.</summary>
    public string? Completeness { get; }

    /// <summary><paramref name="input"/> followed by the added columns (hiding input columns of the same names).</summary>
    public DataViewSchema AppendTo(DataViewSchema input)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        builder.AddColumn(Tokens, new VectorDataViewType(TextDataViewType.Instance));
        builder.AddColumn(Attributions, new VectorDataViewType(NumberDataViewType.Single));
        if (Completeness is not null) builder.AddColumn(Completeness, NumberDataViewType.Single);
        return builder.ToSchema();
    }

    /// <summary><paramref name="input"/>'s columns with the added ones added or replaced.</summary>
    public SchemaShape AppendTo(SchemaShape input)
    {
        var columns = input.ToDictionary(c => c.Name, StringComparer.Ordinal);
        columns[Tokens] = SchemaShapes.TextVariableVector(Tokens);
        columns[Attributions] = SchemaShapes.SingleVariableVector(Attributions);
        if (Completeness is not null) columns[Completeness] = SchemaShapes.Single(Completeness);
        return new SchemaShape(columns.Values);
    }

    /// <summary>The getter of the added column <paramref name="column"/>, reading <paramref name="row"/>'s current explanation.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="TValue"/> is not the column's type.</exception>
    public ValueGetter<TValue> MakeGetter<TValue>(DataViewSchema.Column column, RowExplanation row)
    {
        Delegate getter = column.Name == Tokens ? TokensGetter(row)
            : column.Name == Attributions ? AttributionsGetter(row)
            : CompletenessGetter(row);
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; it cannot be read as {typeof(TValue).Name}.");
    }

    private static ValueGetter<VBuffer<ReadOnlyMemory<char>>> TokensGetter(RowExplanation row) =>
        (ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            var tokens = row.Current().Tokens;
            var editor = VBufferEditor.Create(ref value, tokens.Length);
            for (int i = 0; i < tokens.Length; i++) editor.Values[i] = tokens[i].AsMemory();
            value = editor.Commit();
        };

    private static ValueGetter<VBuffer<float>> AttributionsGetter(RowExplanation row) =>
        (ref VBuffer<float> value) =>
        {
            var attributions = row.Current().Attributions;
            var editor = VBufferEditor.Create(ref value, attributions.Length);
            attributions.CopyTo(editor.Values);
            value = editor.Commit();
        };

    private static ValueGetter<float> CompletenessGetter(RowExplanation row) =>
        (ref float value) => value = row.Current().Completeness;
}
