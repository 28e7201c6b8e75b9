using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Training;

/// <summary>The text and Boolean label of every row of a data view, read with one cursor.</summary>
internal sealed class LabelledTexts
{
    private LabelledTexts(string[] texts, bool[] labels)
    {
        Texts = texts;
        Labels = labels;
    }

    /// <summary>The raw texts, in row order.</summary>
    public string[] Texts { get; }

    /// <summary>The labels, in row order (true = positive).</summary>
    public bool[] Labels { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Texts.Length;

    /// <summary>Reads <paramref name="data"/>'s text and label columns after checking their types.</summary>
    /// <param name="data">The rows.</param>
    /// <param name="textColumnName">A String column.</param>
    /// <param name="labelColumnName">A Boolean column.</param>
    /// <param name="source">What <paramref name="data"/> is in error messages, e.g. "validation set"; null for the training input.</param>
    /// <param name="cancellationToken">Checked every 1,024 rows.</param>
    public static LabelledTexts Read(IDataView data, string textColumnName, string labelColumnName, string? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = InputColumns.Require(data.Schema, "text", textColumnName, TextDataViewType.Instance, source);
        var label = InputColumns.Require(data.Schema, "label", labelColumnName, BooleanDataViewType.Instance, source);
        var texts = new List<string>();
        var labels = new List<bool>();
        using var cursor = data.GetRowCursor([text, label]);
        var getText = cursor.GetGetter<ReadOnlyMemory<char>>(text);
        var getLabel = cursor.GetGetter<bool>(label);
        ReadOnlyMemory<char> value = default;
        bool positive = false;
        while (cursor.MoveNext())
        {
            if ((texts.Count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            getText(ref value);
            getLabel(ref positive);
            texts.Add(value.ToString());
            labels.Add(positive);
        }
        return new LabelledTexts([.. texts], [.. labels]);
    }
}
