using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Training;

/// <summary>
/// The texts, labels and example weights of a data view, read with one cursor, as Lstm.Training's
/// <see cref="LabelledTexts"/>; rows whose label is missing or whose weight is negative, infinite or NaN are skipped, as ML.NET's
/// trainers skip them, and counted.
/// </summary>
/// <param name="Data">The rows kept.</param>
/// <param name="Skipped">Rows skipped.</param>
/// <param name="Label">The label column read (for its type and annotations).</param>
internal sealed record TrainingRows(LabelledTexts Data, int Skipped, DataViewSchema.Column Label)
{
    /// <summary>Reads <paramref name="data"/> after checking the columns' types.</summary>
    /// <param name="data">The rows.</param>
    /// <param name="textColumnName">A String column.</param>
    /// <param name="label">The label column and its task's types.</param>
    /// <param name="weightColumnName">A Single column, or null for weights of 1.</param>
    /// <param name="source">What <paramref name="data"/> is in error messages, e.g. "validation set"; null for the training input.</param>
    /// <param name="cancellationToken">Checked every 1,024 rows.</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    public static TrainingRows Read(IDataView data, string textColumnName, LabelColumn label, string? weightColumnName, string? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = InputColumns.Require(data.Schema, "text", textColumnName, TextDataViewType.Instance, source);
        var labelColumn = label.Require(data.Schema, source);
        var weight = weightColumnName is null ? (DataViewSchema.Column?)null
            : InputColumns.Require(data.Schema, "example weight", weightColumnName, NumberDataViewType.Single, source);
        using var cursor = data.GetRowCursor(weight is { } w ? [text, labelColumn, w] : [text, labelColumn]);
        var getText = cursor.GetGetter<ReadOnlyMemory<char>>(text);
        var getWeight = weight is { } wc ? cursor.GetGetter<float>(wc) : null;
        var labels = label.Open(cursor, labelColumn);
        var texts = new List<string>();
        var weights = getWeight is null ? null : new List<float>();
        ReadOnlyMemory<char> value = default;
        float rowWeight = 1;
        int skipped = 0;
        while (cursor.MoveNext())
        {
            if (((texts.Count + skipped) & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (getWeight is not null)
            {
                getWeight(ref rowWeight);
                if (!(rowWeight >= 0) || float.IsPositiveInfinity(rowWeight))
                {
                    skipped++;
                    continue;
                }
            }
            if (!labels.Add())
            {
                skipped++;
                continue;
            }
            getText(ref value);
            texts.Add(value.ToString());
            weights?.Add(rowWeight);
        }
        return new TrainingRows(new LabelledTexts(texts, labels.ToLabels(), weights), skipped, labelColumn);
    }
}
