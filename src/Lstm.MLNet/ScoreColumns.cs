using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet;

/// <summary>
/// The columns every Lstm.MLNet model adds, named and typed as ML.NET's binary classifiers name them, so that
/// <c>BinaryClassification.Evaluate</c> and <c>CrossValidate</c> read them with their default arguments.
/// </summary>
internal static class ScoreColumns
{
    /// <summary>The logit (before the sigmoid), Single.</summary>
    public const string Score = "Score";

    /// <summary>σ(logit), the probability of the positive class, Single.</summary>
    public const string Probability = "Probability";

    /// <summary>Score &gt; 0 (probability above 0.5), Boolean.</summary>
    public const string PredictedLabel = "PredictedLabel";

    /// <summary>Number of columns added.</summary>
    public const int Count = 3;

    // SchemaShape.Column has no public constructor in ML.NET 5.0.1; a CustomMapping estimator with no inputs
    // yields the three shapes through public API.
    private static readonly Lazy<SchemaShape.Column[]> Shapes = new(() =>
    {
        var estimator = new MLContext().Transforms.CustomMapping<NoColumns, ScoreRow>(static (_, _) => { }, contractName: null);
        return [.. estimator.GetOutputSchema(new SchemaShape([]))];
    });

    /// <summary><paramref name="input"/> followed by Score, Probability and PredictedLabel (hiding input columns of those names).</summary>
    public static DataViewSchema AppendTo(DataViewSchema input)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        builder.AddColumn(Score, NumberDataViewType.Single);
        builder.AddColumn(Probability, NumberDataViewType.Single);
        builder.AddColumn(PredictedLabel, BooleanDataViewType.Instance);
        return builder.ToSchema();
    }

    /// <summary><paramref name="input"/>'s columns with Score, Probability and PredictedLabel added or replaced.</summary>
    public static SchemaShape AppendTo(SchemaShape input)
    {
        var columns = input.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var column in Shapes.Value) columns[column.Name] = column;
        return new SchemaShape(columns.Values);
    }

    /// <summary>PredictedLabel from a logit: ML.NET's binary classifiers threshold the score at 0.</summary>
    public static bool PredictLabel(float score) => score > 0f;

    private sealed class NoColumns;

    private sealed class ScoreRow
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
