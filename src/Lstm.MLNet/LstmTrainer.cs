using Lstm.MLNet.Training;
using Lstm.Training.Kernels;
using Lstm.Training.Layers;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet;

/// <summary>
/// Trains the Keras IMDB LSTM sentiment model on a text column and a Boolean label column: made by
/// <c>mlContext.BinaryClassification.Trainers.Lstm(…)</c>.
/// </summary>
/// <remarks>
/// <see cref="Fit"/> normalises the texts (<see cref="TextNormalizer"/>), builds the vocabulary from the training
/// rows, encodes and pads them, trains with Lstm.Training's <see cref="Trainer"/>, exports the network to ONNX in
/// memory and returns an <see cref="LstmTransformer"/> that scores with ONNX Runtime.
/// </remarks>
public sealed partial class LstmTrainer : IEstimator<LstmTransformer>
{
    private readonly Options _options;

    internal LstmTrainer(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Trains on <paramref name="input"/> and returns the scoring transformer (dispose it when done).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text or label column is missing or has the wrong type.</exception>
    /// <exception cref="InvalidOperationException">The input has no rows.</exception>
    /// <exception cref="OperationCanceledException"><see cref="Options.CancellationToken"/> was cancelled.</exception>
    public LstmTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = _options;
        var token = o.CancellationToken;
        using var channel = o.Log?.Start(nameof(LstmTrainer));
        var log = new TrainingLog(channel);

        var train = LabelledTexts.Read(input, o.TextColumnName, o.LabelColumnName, source: null, token);
        if (train.Count == 0) throw new InvalidOperationException("The training data has no rows.");
        var validation = o.ValidationSet is { } v ? LabelledTexts.Read(v, o.TextColumnName, o.LabelColumnName, "validation set", token) : null;
        if (validation is { Count: 0 }) throw new InvalidOperationException("The validation set has no rows.");

        var vocabulary = Vocabulary.BuildFromTexts(train.Texts, o.NumWords);
        log.Info($"Training on {train.Count} reviews{(validation is null ? "" : $", validating on {validation.Count}")}; vocabulary of {vocabulary.Words.Count} words, max length {o.MaxLength}.");
        log.Info($"Kernels: {CpuKernels.Description}.");
        if (CpuKernels.IsScalarFallback || !CpuKernels.HardwareFusedMultiplyAdd)
            log.Warning($"The trainer's kernels run as {CpuKernels.Description}; expect training tens of times slower than with SIMD and FMA.");
        var trainSet = Encode(train, vocabulary, o.MaxLength);
        var validationSet = validation is null ? null : Encode(validation, vocabulary, o.MaxLength);

        ulong seed = unchecked((ulong)o.Seed);
        var model = new LstmClassifier(new LstmClassifierConfig
        {
            VocabularySize = o.NumWords,
            EmbeddingDim = o.EmbeddingDim,
            Units = o.Units,
            Dropout = o.Dropout,
            RecurrentDropout = o.RecurrentDropout,
        }, seed);
        var trainer = new Trainer(model, new FitOptions
        {
            Epochs = o.Epochs,
            BatchSize = o.BatchSize,
            LearningRate = o.LearningRate,
            Seed = seed,
            MaxDegreeOfParallelism = o.NumberOfThreads,
            EarlyStopping = o.EarlyStoppingPatience is { } patience
                ? new EarlyStopping(o.EarlyStoppingMetric, patience, o.EarlyStoppingMinDelta, o.RestoreBestWeights)
                : null,
            Progress = log.Report,
        });
        var history = trainer.Fit(trainSet, validationSet, token);
        if (history.StoppedEarly)
            log.Info($"Early stopping after epoch {history.Epochs.Count}{(history.RestoredEpoch is { } best ? $"; restored the weights of epoch {best}" : "")}.");

        var onnx = OnnxExporter.ExportToBytes(model, vocabulary, new OnnxExportOptions { MaxLength = o.MaxLength });
        return new LstmTransformer(LstmOnnxModel.FromBytes(onnx, "The trained model"), o.TextColumnName, history, o.NumberOfThreads);
    }

    /// <summary>The input columns plus Score, Probability and PredictedLabel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The text or label column is missing or has the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        InputColumns.Require(inputSchema, "text", _options.TextColumnName, TextDataViewType.Instance);
        InputColumns.Require(inputSchema, "label", _options.LabelColumnName, BooleanDataViewType.Instance);
        return ScoreColumns.AppendTo(inputSchema);
    }

    private static SequenceDataset Encode(LabelledTexts data, Vocabulary vocabulary, int maxLength) =>
        new(vocabulary.EncodePadded(data.Texts, maxLength), data.Labels);
}
