using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// A multi-class classifier's columns, as ML.NET's multi-class trainers add them: <c>Score</c> (Vector&lt;Single, K&gt;,
/// the K class probabilities, from the graph's <c>probability</c> output, with the class names as <c>SlotNames</c>) and
/// <c>PredictedLabel</c> (<c>Key&lt;UInt32, K&gt;</c>, the most probable class, whose <c>KeyValues</c> are the class
/// names), so that <c>MulticlassClassification.Evaluate</c> (its confusion table names the classes) and
/// <c>MapKeyToValue</c> work.
/// </summary>
internal sealed class MulticlassOutputColumns : OutputColumns
{
    private static readonly Lazy<SchemaShape.Column[]> ShapeColumns = new(() =>
        [SchemaShapes.Of<ScoreRow>()[0], SchemaShapes.KeyWithTextValues(PredictedLabel)]);

    // ML.NET's annotation kinds of a key's values and of a vector's slot names (AnnotationUtils.Kinds).
    private const string KeyValuesKind = "KeyValues";
    private const string SlotNamesKind = "SlotNames";

    private readonly ReadOnlyMemory<char>[] _classNames;

    public MulticlassOutputColumns(IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        _classNames = [.. classNames.Select(n => n.AsMemory())];
    }

    public override TaskKind Task => TaskKind.MulticlassClassification;

    public override IReadOnlyList<string> OnnxOutputs { get; } = [LstmOnnxModel.ProbabilityOutput];

    public override int Width => _classNames.Length;

    /// <summary>The type of PredictedLabel: a key of the K classes.</summary>
    public KeyDataViewType LabelType => new(typeof(uint), _classNames.Length);

    private protected override IReadOnlyList<SchemaShape.Column> Shapes => ShapeColumns.Value;

    /// <summary>The input shape with Score and PredictedLabel, for any number of classes (a shape carries no sizes).</summary>
    public static SchemaShape AppendShapesTo(SchemaShape input) => AppendShapes(input, ShapeColumns.Value);

    /// <summary>The index of the most probable class (the first of equal ones), as PredictedLabel − 1 and the saved model's class index.</summary>
    public static int PredictClass(ReadOnlySpan<float> probabilities)
    {
        int best = 0;
        for (int k = 1; k < probabilities.Length; k++)
            if (probabilities[k] > probabilities[best]) best = k;
        return best;
    }

    private protected override void AddColumns(DataViewSchema.Builder builder)
    {
        builder.AddColumn(Score, new VectorDataViewType(NumberDataViewType.Single, _classNames.Length), ClassNamesAs(SlotNamesKind));
        builder.AddColumn(PredictedLabel, LabelType, ClassNamesAs(KeyValuesKind));
    }

    /// <summary>The class names as the annotation <paramref name="kind"/>.</summary>
    private DataViewSchema.Annotations ClassNamesAs(string kind)
    {
        int count = _classNames.Length;
        var annotations = new DataViewSchema.Annotations.Builder();
        annotations.Add(kind, new VectorDataViewType(TextDataViewType.Instance, count),
            (ref VBuffer<ReadOnlyMemory<char>> names) =>
            {
                var editor = VBufferEditor.Create(ref names, count);
                _classNames.CopyTo(editor.Values);
                names = editor.Commit();
            });
        return annotations.ToAnnotations();
    }

    private protected override Delegate MakeGetter(string name, float[][] outputs, Func<int> row)
    {
        int count = _classNames.Length;
        if (name == Score)
        {
            return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
            {
                int start = row() * count;
                var editor = VBufferEditor.Create(ref value, count);
                outputs[0].AsSpan(start, count).CopyTo(editor.Values);
                value = editor.Commit();
            });
        }
        return (ValueGetter<uint>)((ref uint value) => value = (uint)PredictClass(outputs[0].AsSpan(row() * count, count)) + 1);
    }

    private sealed class ScoreRow
    {
        [VectorType(2)]
        public float[] Score { get; set; } = [];
    }
}
