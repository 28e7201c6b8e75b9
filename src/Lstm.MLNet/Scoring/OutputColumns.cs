using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// The columns a model adds for its task, named and typed as ML.NET's own trainers of that task name them, so that the
/// catalog's <c>Evaluate</c> reads them with its default arguments: their schema, their schema shape, the ONNX graph
/// outputs they come from, and getters over scored rows. Input columns of the same names are hidden.
/// </summary>
internal abstract class OutputColumns
{
    /// <summary>ML.NET's name of the score column.</summary>
    public const string Score = "Score";

    /// <summary>ML.NET's name of the probability column (binary classification).</summary>
    public const string Probability = "Probability";

    /// <summary>ML.NET's name of the predicted label column (classification).</summary>
    public const string PredictedLabel = "PredictedLabel";

    /// <summary>The binary classifier's columns.</summary>
    public static OutputColumns Binary { get; } = new BinaryOutputColumns();

    /// <summary>The task this set of columns belongs to.</summary>
    public abstract TaskKind Task { get; }

    /// <summary>The ONNX graph outputs read, in order; each gives <see cref="Width"/> floats per row.</summary>
    public abstract IReadOnlyList<string> OnnxOutputs { get; }

    /// <summary>Floats per row of each ONNX output: 1, or the number of classes or regression outputs.</summary>
    public abstract int Width { get; }

    /// <summary>The columns of <paramref name="model"/>'s task.</summary>
    public static OutputColumns For(LstmOnnxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Task switch
        {
            TaskKind.MulticlassClassification => new MulticlassOutputColumns(model.ClassNames!),
            TaskKind.Regression => new RegressionOutputColumns(model.Outputs),
            _ => Binary,
        };
    }

    /// <summary>
    /// The name of the added Single column holding the share of each text's tokens outside the model's vocabulary
    /// (<see cref="UnknownTokenShare"/>), or null when it is not added (the default).
    /// </summary>
    public virtual string? UnknownTokenShareColumn => null;

    /// <summary>Buffers per batch that <see cref="OnnxTextScorer"/> fills: the ONNX outputs, then the unknown-token shares when that column is added.</summary>
    public int Buffers => OnnxOutputs.Count + (UnknownTokenShareColumn is null ? 0 : 1);

    /// <summary>These columns, followed by the unknown-token share column <paramref name="name"/>; these columns themselves when <paramref name="name"/> is null.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or one of the columns the model adds.</exception>
    public OutputColumns WithUnknownTokenShare(string? name)
    {
        if (name is null) return this;
        CheckUnknownTokenShareName(name);
        return new UnknownTokenShareColumns(this, name);
    }

    /// <summary>
    /// The unknown-token share of a text already normalised by the trainer's normaliser: the tokens (words or subword
    /// pieces, all of them, before truncation) outside the vocabulary over all its tokens; 0 for a text without tokens.
    /// The same value as <c>TextVectorizer.UnknownShare</c>, as a Single.
    /// </summary>
    public static float UnknownTokenShare(int unknown, int tokens) => tokens == 0 ? 0f : (float)((double)unknown / tokens);

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="name"/> cannot name the unknown-token share column.</summary>
    public static void CheckUnknownTokenShareName(string name, string parameterName = "unknownTokenShareColumnName")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameterName);
        if (name is Score or Probability or PredictedLabel)
            throw new ArgumentException($"The unknown-token share column cannot be named '{name}': the model adds a column of that name. Choose another name, e.g. \"UnknownTokenShare\".", parameterName);
    }

    /// <summary><paramref name="input"/> with a Single column <paramref name="name"/> added or replaced; <paramref name="input"/> when <paramref name="name"/> is null.</summary>
    public static SchemaShape AppendUnknownTokenShareShape(SchemaShape input, string? name)
    {
        if (name is null) return input;
        return AppendShapes(input, [SchemaShapes.Single(name)]);
    }

    /// <summary><paramref name="input"/> followed by the added columns (hiding input columns of the same names).</summary>
    public DataViewSchema AppendTo(DataViewSchema input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        AddColumns(builder);
        return builder.ToSchema();
    }

    /// <summary><paramref name="input"/>'s columns with the added ones added or replaced.</summary>
    public SchemaShape AppendTo(SchemaShape input) => AppendUnknownTokenShareShape(AppendShapes(input, Shapes), UnknownTokenShareColumn);

    /// <summary><paramref name="input"/>'s columns with <paramref name="added"/> added or replaced.</summary>
    private protected static SchemaShape AppendShapes(SchemaShape input, IReadOnlyList<SchemaShape.Column> added)
    {
        ArgumentNullException.ThrowIfNull(input);
        var columns = input.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var column in added) columns[column.Name] = column;
        return new SchemaShape(columns.Values);
    }

    /// <summary>
    /// A getter of the added column <paramref name="column"/> over scored rows: <paramref name="outputs"/> holds each
    /// ONNX output's values for a batch (<see cref="Width"/> per row) and <paramref name="row"/> gives the current row's
    /// index in it, scoring first when needed.
    /// </summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="TValue"/> is not the column's type.</exception>
    public ValueGetter<TValue> MakeGetter<TValue>(DataViewSchema.Column column, float[][] outputs, Func<int> row) =>
        MakeGetter(column.Name, outputs, row) as ValueGetter<TValue>
        ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; it cannot be read as {typeof(TValue).Name}.");

    /// <summary>Adds the columns to a schema under construction.</summary>
    private protected abstract void AddColumns(DataViewSchema.Builder builder);

    /// <summary>The added columns' shapes.</summary>
    private protected abstract IReadOnlyList<SchemaShape.Column> Shapes { get; }

    /// <summary>The getter of the column <paramref name="name"/> (a ValueGetter of its type).</summary>
    private protected abstract Delegate MakeGetter(string name, float[][] outputs, Func<int> row);

    /// <summary>A task's columns followed by the Single unknown-token share column, computed in .NET from the normalised text.</summary>
    private sealed class UnknownTokenShareColumns(OutputColumns inner, string name) : OutputColumns
    {
        public override TaskKind Task => inner.Task;

        public override IReadOnlyList<string> OnnxOutputs => inner.OnnxOutputs;

        public override int Width => inner.Width;

        public override string? UnknownTokenShareColumn => name;

        private protected override IReadOnlyList<SchemaShape.Column> Shapes => inner.Shapes;

        private protected override void AddColumns(DataViewSchema.Builder builder)
        {
            inner.AddColumns(builder);
            builder.AddColumn(name, NumberDataViewType.Single);
        }

        private protected override Delegate MakeGetter(string column, float[][] outputs, Func<int> row)
        {
            if (column != name) return inner.MakeGetter(column, outputs, row);
            int buffer = inner.OnnxOutputs.Count;
            return (ValueGetter<float>)((ref float value) => value = outputs[buffer][row()]);
        }
    }
}
