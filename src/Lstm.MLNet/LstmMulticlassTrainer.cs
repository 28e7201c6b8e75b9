using Lstm.MLNet.Scoring;
using Lstm.MLNet.Training;
using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet;

/// <summary>
/// Trains a Keras-style text classifier of K classes (<c>Dense(K, softmax)</c>, sparse categorical cross-entropy) on a
/// text column and a key-typed label column, as ML.NET's multi-class trainers expect it after <c>MapValueToKey</c>:
/// made by <c>mlContext.MulticlassClassification.Trainers.Lstm(…)</c>.
/// </summary>
/// <remarks>
/// The classes are the label key's K values (its <c>KeyValues</c> annotation as text, else the key indices "0" … "K−1"),
/// in key order, whether or not each occurs in the training rows; rows with a missing key are skipped. <see cref="Fit"/>
/// trains with Lstm.Training's <see cref="TextModelTrainer"/> and returns an <see cref="LstmTransformer"/> that adds
/// <c>Score</c> (Vector&lt;Single, K&gt;, the class probabilities) and <c>PredictedLabel</c> (the label's key type, whose
/// key values are the class names), so that <c>MulticlassClassification.Evaluate</c> and <c>MapKeyToValue</c> work.
/// </remarks>
public sealed partial class LstmMulticlassTrainer : IEstimator<LstmTransformer>
{
    private readonly Options _options;
    private readonly KeyLabelColumn _label;

    internal LstmMulticlassTrainer(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _label = new KeyLabelColumn(options.LabelColumnName);
    }

    /// <summary>Trains on <paramref name="input"/> and returns the scoring transformer (dispose it when done).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text, label or weight column is missing or has the wrong type.</exception>
    /// <exception cref="ArgumentException"><see cref="Options.ClassWeight"/> names a class the label does not have, or the label has fewer than 2 classes.</exception>
    /// <exception cref="InvalidOperationException">The input has no rows with a label.</exception>
    /// <exception cref="OperationCanceledException"><see cref="LstmTrainerOptionsBase.CancellationToken"/> was cancelled.</exception>
    public LstmTransformer Fit(IDataView input) =>
        TextModelFit.Run(input, _options, _label, nameof(LstmMulticlassTrainer), train => _options.ClassWeightByIndex(KeyLabelColumn.ClassNames(train.Label)));

    /// <summary>The input columns plus Score (a vector) and PredictedLabel (a key).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text, label or weight column is missing or has the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        TrainerColumns.Require(inputSchema, _options, _label);
        return OutputColumns.AppendUnknownTokenShareShape(MulticlassOutputColumns.AppendShapesTo(inputSchema), _options.UnknownTokenShareColumnName);
    }
}
