using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Scoring;

/// <summary>
/// A binary classifier's columns, as ML.NET's binary trainers add them: <c>Score</c> (Single, the logit),
/// <c>Probability</c> (Single, σ(logit)) and <c>PredictedLabel</c> (Boolean, Score &gt; 0), from the graph's
/// <c>logit</c> and <c>probability</c> outputs.
/// </summary>
internal sealed class BinaryOutputColumns : OutputColumns
{
    private static readonly Lazy<SchemaShape.Column[]> ShapeColumns = new(SchemaShapes.Of<ScoreRow>);

    public override TaskKind Task => TaskKind.BinaryClassification;

    public override IReadOnlyList<string> OnnxOutputs { get; } = [LstmOnnxModel.LogitOutput, LstmOnnxModel.ProbabilityOutput];

    public override int Width => 1;

    private protected override IReadOnlyList<SchemaShape.Column> Shapes => ShapeColumns.Value;

    /// <summary>PredictedLabel from a logit: ML.NET's binary classifiers threshold the score at 0.</summary>
    public static bool PredictLabel(float score) => score > 0f;

    private protected override void AddColumns(DataViewSchema.Builder builder)
    {
        builder.AddColumn(Score, NumberDataViewType.Single);
        builder.AddColumn(Probability, NumberDataViewType.Single);
        builder.AddColumn(PredictedLabel, BooleanDataViewType.Instance);
    }

    private protected override Delegate MakeGetter(string name, float[][] outputs, Func<int> row) => name switch
    {
        Score => (ValueGetter<float>)((ref float value) => value = outputs[0][row()]),
        Probability => (ValueGetter<float>)((ref float value) => value = outputs[1][row()]),
        _ => (ValueGetter<bool>)((ref bool value) => value = PredictLabel(outputs[0][row()])),
    };

    private sealed class ScoreRow
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
