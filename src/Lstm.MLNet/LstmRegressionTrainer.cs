using Lstm.MLNet.Scoring;
using Lstm.MLNet.Training;
using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet;

/// <summary>
/// Trains a Keras-style text regression model (<c>Dense(K)</c>, linear, mean squared error) on a text column and a
/// Single label column, or a known-size Vector&lt;Single&gt; label for K outputs: made by
/// <c>mlContext.Regression.Trainers.Lstm(…)</c>.
/// </summary>
/// <remarks>
/// Rows whose label is missing (NaN) are skipped. <see cref="Fit"/> trains with Lstm.Training's
/// <see cref="TextModelTrainer"/> and returns an <see cref="LstmTransformer"/> that adds <c>Score</c>: Single for a
/// Single label, so that <c>Regression.Evaluate</c> works, else Vector&lt;Single, K&gt;.
/// </remarks>
public sealed partial class LstmRegressionTrainer : IEstimator<LstmTransformer>
{
    private readonly Options _options;
    private readonly ValueLabelColumn _label;

    internal LstmRegressionTrainer(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _label = new ValueLabelColumn(options.LabelColumnName);
    }

    /// <summary>Trains on <paramref name="input"/> and returns the scoring transformer (dispose it when done).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text, label or weight column is missing or has the wrong type.</exception>
    /// <exception cref="InvalidOperationException">The input has no rows with a label.</exception>
    /// <exception cref="OperationCanceledException"><see cref="LstmTrainerOptionsBase.CancellationToken"/> was cancelled.</exception>
    public LstmTransformer Fit(IDataView input) =>
        TextModelFit.Run(input, _options, _label, nameof(LstmRegressionTrainer), _ => null);

    /// <summary>The input columns plus Score (Single, or a vector for a vector label).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text, label or weight column is missing or has the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        TrainerColumns.Require(inputSchema, _options, _label);
        bool vector = inputSchema.First(c => c.Name == _options.LabelColumnName).Kind != SchemaShape.Column.VectorKind.Scalar;
        return OutputColumns.AppendUnknownTokenShareShape(RegressionOutputColumns.AppendShapesTo(inputSchema, vector), _options.UnknownTokenShareColumnName);
    }
}
