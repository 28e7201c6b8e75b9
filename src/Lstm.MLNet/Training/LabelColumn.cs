using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Training;

/// <summary>
/// A trainer's label column: which types it accepts (checked with the messages of <see cref="InputColumns"/>) and how
/// its values become Lstm.Training's <see cref="TextLabels"/>. One subclass per task.
/// </summary>
internal abstract class LabelColumn
{
    private protected LabelColumn(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The accepted types in words, e.g. <c>Boolean</c>.</summary>
    public abstract string Expected { get; }

    /// <summary>True when a column of <paramref name="type"/> can be the label.</summary>
    public abstract bool Accepts(DataViewType type);

    /// <summary>True when a column of shape <paramref name="column"/> can be the label.</summary>
    public abstract bool Accepts(SchemaShape.Column column);

    /// <summary>The label of another data set (the validation set) read with these labels: the same type as <paramref name="training"/>'s.</summary>
    public abstract LabelColumn SameTypeAs(DataViewSchema.Column training);

    /// <summary>Starts reading the labels of <paramref name="column"/> from <paramref name="cursor"/>.</summary>
    public abstract LabelReader Open(DataViewRowCursor cursor, DataViewSchema.Column column);

    /// <summary>The column in <paramref name="schema"/>, checked; <paramref name="source"/> names a schema other than the input.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or has a type not accepted.</exception>
    public DataViewSchema.Column Require(DataViewSchema schema, string? source = null) =>
        InputColumns.Require(schema, "label", Name, Accepts, Expected, source);

    /// <summary>Checks the column in a schema shape.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or has a type not accepted.</exception>
    public void Require(SchemaShape shape) => InputColumns.Require(shape, "label", Name, Accepts, Expected);
}

/// <summary>Reads one label per row from a cursor and collects them.</summary>
internal abstract class LabelReader
{
    /// <summary>Reads the cursor's current label; false when it is missing, and the row is then skipped.</summary>
    public abstract bool Add();

    /// <summary>The labels read so far.</summary>
    public abstract TextLabels ToLabels();
}
