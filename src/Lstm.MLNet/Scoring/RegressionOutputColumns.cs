using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// A regression model's column, as ML.NET's regression trainers add it: <c>Score</c>, Single for one output (so that
/// <c>Regression.Evaluate</c> works), Vector&lt;Single, K&gt; for K outputs; from the graph's <c>value</c> output.
/// </summary>
internal sealed class RegressionOutputColumns : OutputColumns
{
    private static readonly Lazy<SchemaShape.Column[]> ScalarShape = new(SchemaShapes.Of<ScalarRow>);
    private static readonly Lazy<SchemaShape.Column[]> VectorShape = new(SchemaShapes.Of<VectorRow>);

    public RegressionOutputColumns(int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        Width = outputs;
    }

    public override TaskKind Task => TaskKind.Regression;

    public override IReadOnlyList<string> OnnxOutputs { get; } = [LstmOnnxModel.ValueOutput];

    public override int Width { get; }

    private protected override IReadOnlyList<SchemaShape.Column> Shapes => (Width == 1 ? ScalarShape : VectorShape).Value;

    /// <summary>The input shape with Score, Single or (<paramref name="vector"/>) a vector.</summary>
    public static SchemaShape AppendShapesTo(SchemaShape input, bool vector) => AppendShapes(input, (vector ? VectorShape : ScalarShape).Value);

    private protected override void AddColumns(DataViewSchema.Builder builder) =>
        builder.AddColumn(Score, Width == 1 ? NumberDataViewType.Single : new VectorDataViewType(NumberDataViewType.Single, Width));

    private protected override Delegate MakeGetter(string name, float[][] outputs, Func<int> row)
    {
        int width = Width;
        if (width == 1) return (ValueGetter<float>)((ref float value) => value = outputs[0][row()]);
        return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
        {
            int start = row() * width;
            var editor = VBufferEditor.Create(ref value, width);
            outputs[0].AsSpan(start, width).CopyTo(editor.Values);
            value = editor.Commit();
        });
    }

    private sealed class ScalarRow
    {
        public float Score { get; set; }
    }

    private sealed class VectorRow
    {
        [VectorType(2)]
        public float[] Score { get; set; } = [];
    }
}
