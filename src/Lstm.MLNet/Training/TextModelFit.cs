using System.Globalization;
using Lstm.Training.Embeddings;
using Lstm.Training.Kernels;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Microsoft.ML;

namespace Lstm.MLNet.Training;

/// <summary>
/// What every Lstm.MLNet trainer's <c>Fit</c> does: read the text, label and weight columns (and the validation set's),
/// map the ML.NET options onto <see cref="TextModelOptions"/>, train with Lstm.Training's <see cref="TextModelTrainer"/>
/// (the path the CLI takes too), export the model to ONNX in memory as <see cref="TextModelFile"/> saves it and wrap it
/// in an <see cref="LstmTransformer"/>.
/// </summary>
internal static class TextModelFit
{
    /// <summary>Trains on <paramref name="input"/>.</summary>
    /// <param name="input">The training rows.</param>
    /// <param name="options">The trainer's settings (already validated).</param>
    /// <param name="label">The task's label column.</param>
    /// <param name="trainerName">The log channel's name, e.g. "LstmTrainer".</param>
    /// <param name="classWeight">The class weights by index, given the training label column (null for none).</param>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    /// <exception cref="InvalidOperationException">The input or the validation set has no usable rows.</exception>
    /// <exception cref="OperationCanceledException">The options' token was cancelled.</exception>
    public static LstmTransformer Run(IDataView input, LstmTrainerOptionsBase options, LabelColumn label, string trainerName,
        Func<TrainingRows, IReadOnlyDictionary<int, float>?> classWeight)
    {
        ArgumentNullException.ThrowIfNull(input);
        var token = options.CancellationToken;
        using var channel = options.Log?.Start(trainerName);
        var log = new TrainingLog(channel);
        var vectors = ReadVectors(options, log, token);

        var train = TrainingRows.Read(input, options.TextColumnName, label, options.ExampleWeightColumnName, source: null, token);
        if (train.Data.Count == 0)
            throw new InvalidOperationException(train.Skipped == 0 ? "The training data has no rows." : $"The training data has no usable rows: all {train.Skipped} have a missing label or an invalid weight.");
        var validation = options.ValidationSet is { } v
            ? TrainingRows.Read(v, options.TextColumnName, label.SameTypeAs(train.Label), options.ExampleWeightColumnName, "validation set", token)
            : null;
        if (validation is { Data.Count: 0 }) throw new InvalidOperationException("The validation set has no rows.");
        WarnSkipped(log, train, "training data");
        if (validation is not null) WarnSkipped(log, validation, "validation set");

        var trainer = new TextModelTrainer(options.ToTextModelOptions(classWeight(train), log.Report, log.Word2Vec, vectors) with { Warning = log.Warning, Info = log.Info });
        var spec = trainer.Options.NetworkFor(train.Data.Labels);
        var trainData = train.Data;
        var validationData = validation?.Data;
        if (options.HoldsOutValidation)
        {
            (trainData, validationData) = ValidationHoldOut.Split(train.Data, options.ValidationFraction, unchecked((ulong)options.Seed));
            log.Info($"Early stopping selects on {validationData.Count} of the {train.Data.Count} training rows (ValidationFraction {options.ValidationFraction:0.###}, stratified, seed {options.Seed}), held out and not trained on.");
        }
        log.Info($"Training on {trainData.Count} reviews{(validationData is null ? "" : $", validating on {validationData.Count}")}; {spec.Describe()}, max length {options.MaxLength}.");
        log.Info($"Kernels: {CpuKernels.Description}.");
        if (CpuKernels.IsScalarFallback || !CpuKernels.HardwareFusedMultiplyAdd)
            log.Warning($"The trainer's kernels run as {CpuKernels.Description}; expect training tens of times slower than with SIMD and FMA.");

        var model = trainer.Fit(trainData, validationData, initial: null, token);
        var history = model.History!;
        log.Info($"Trained {history.Epochs.Count} epochs; vocabulary of {model.Vectorizer.Vocabulary.Words.Count} {(model.Vectorizer.Vocabulary.IsSubword ? "subword pieces" : "words")}.");
        if (history.StoppedEarly)
            log.Info($"Early stopping after epoch {history.Epochs.Count}{(history.RestoredEpoch is { } best ? $"; restored the weights of epoch {best}" : "")}.");
        var onnx = TextModelFile.ToBytes(model);
        return new LstmTransformer(LstmOnnxModel.FromBytes(onnx, "The trained model"), options.TextColumnName, history, options.NumberOfThreads, options.UnknownTokenShareColumnName);
    }

    /// <summary><see cref="LstmTrainerOptionsBase.EmbeddingVectorsPath"/>'s vectors, read and reported; null without it.</summary>
    private static PretrainedVectors? ReadVectors(LstmTrainerOptionsBase options, TrainingLog log, CancellationToken token)
    {
        if (options.EmbeddingVectorsPath is not { } path) return null;
        if (!File.Exists(path)) throw new FileNotFoundException($"The word vectors file '{path}' (EmbeddingVectorsPath) does not exist.", path);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var vectors = WordVectorsFile.Read(path, ct: token);
        if (vectors.Dimensions != options.EmbeddingDim)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The word vectors of '{path}' (EmbeddingVectorsPath) have {vectors.Dimensions} dimensions but the embedding has {options.EmbeddingDim} (EmbeddingDim); set EmbeddingDim to {vectors.Dimensions}."),
                nameof(LstmTrainerOptionsBase.EmbeddingVectorsPath));
        log.Info(string.Create(CultureInfo.InvariantCulture, $"Read {vectors.Count:N0} word vectors of {vectors.Dimensions} dimensions from '{path}' in {clock.Elapsed.TotalSeconds:0.0}s."));
        return vectors;
    }

    private static void WarnSkipped(TrainingLog log, TrainingRows rows, string what)
    {
        if (rows.Skipped > 0) log.Warning($"Skipped {rows.Skipped} rows of the {what} with a missing label or an invalid weight.");
    }
}
