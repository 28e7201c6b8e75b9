using Lstm.MLNet.Scoring;
using Lstm.MLNet.Training;
using Lstm.Training.Models;
using Lstm.Training.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet;

/// <summary>
/// Trains a Keras-style text classifier (by default the IMDB LSTM sentiment model) on a text column and a Boolean
/// label column: made by <c>mlContext.BinaryClassification.Trainers.Lstm(…)</c>.
/// </summary>
/// <remarks>
/// <see cref="Fit"/> reads the columns and trains with Lstm.Training's <see cref="TextModelTrainer"/>, the path the CLI
/// takes: it normalises the texts (<see cref="TextNormalizer"/>), builds the vocabulary from the training rows, encodes
/// and pads them and trains the network. It then exports the network to ONNX in memory and returns an
/// <see cref="LstmTransformer"/> that scores with ONNX Runtime and adds <c>Score</c> (the logit), <c>Probability</c> and
/// <c>PredictedLabel</c>.
/// </remarks>
public sealed partial class LstmTrainer : IEstimator<LstmTransformer>
{
    private readonly Options _options;
    private readonly BooleanLabelColumn _label;

    internal LstmTrainer(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _label = new BooleanLabelColumn(options.LabelColumnName);
    }

    /// <summary>Trains on <paramref name="input"/> and returns the scoring transformer (dispose it when done).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text, label or weight column is missing or has the wrong type.</exception>
    /// <exception cref="InvalidOperationException">The input has no rows.</exception>
    /// <exception cref="OperationCanceledException"><see cref="LstmTrainerOptionsBase.CancellationToken"/> was cancelled.</exception>
    public LstmTransformer Fit(IDataView input) =>
        TextModelFit.Run(input, _options, _label, nameof(LstmTrainer), _ => _options.ClassWeightByIndex());

    /// <summary>The input columns plus Score, Probability and PredictedLabel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text, label or weight column is missing or has the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        TrainerColumns.Require(inputSchema, _options, _label);
        return OutputColumns.AppendUnknownTokenShareShape(OutputColumns.Binary.AppendTo(inputSchema), _options.UnknownTokenShareColumnName);
    }
}
