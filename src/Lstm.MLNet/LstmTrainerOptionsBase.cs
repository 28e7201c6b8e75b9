using Lstm.Training;
using Lstm.Training.Embeddings;
using Lstm.Training.Models;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Lstm.MLNet;

/// <summary>
/// Settings every Lstm.MLNet trainer shares: the columns, how text becomes ids, the network's layers (in Keras's
/// names) and Keras's <c>fit</c> settings. Each maps onto Lstm.Training's <see cref="TextModelOptions"/>, which
/// declares the defaults and checks them once for the CLI and ML.NET: every default here is the seed program's,
/// <c>Embedding(10000, 128)</c> → <c>LSTM(128, dropout=0.2, recurrent_dropout=0.2)</c> → the task's <c>Dense</c>,
/// <c>pad_sequences(maxlen=500)</c>, Adam(0.001), batch 32, 10 epochs.
/// </summary>
/// <remarks>The derived classes are <see cref="LstmTrainer.Options"/>, <see cref="LstmMulticlassTrainer.Options"/> and <see cref="LstmRegressionTrainer.Options"/>.</remarks>
public abstract class LstmTrainerOptionsBase
{
    private protected LstmTrainerOptionsBase()
    {
    }

    /// <summary>The label column; its type depends on the task (see the derived class). Default "Label".</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>The String column holding the text. Default "Text".</summary>
    public string TextColumnName { get; set; } = "Text";

    /// <summary>
    /// A Single column weighting each row's loss (Keras <c>sample_weight</c>); null weighs every row 1. Rows whose
    /// weight is negative or not a number are skipped, as ML.NET's trainers skip them. Default null.
    /// </summary>
    public string? ExampleWeightColumnName { get; set; }

    /// <summary>Ids per text after padding or truncation, counting the start id (Keras <c>maxlen</c>; long texts keep their end). Default 500.</summary>
    public int MaxLength { get; set; } = SeedDefaults.MaxLength;

    /// <summary>Vocabulary size: ids are below this, so the <c>NumWords − 4</c> most frequent training words get their own id (Keras <c>num_words</c>); also the embedding's rows. Default 10,000.</summary>
    public int NumWords { get; set; } = SeedDefaults.NumWords;

    /// <summary>
    /// The vocabulary's tokens: words, subword pieces of o200k_base (Microsoft.ML.Tokenizers), or <see cref="TokenizerKind.Auto"/>:
    /// pieces when most letters of the training texts are in scripts spaces do not split into words (Hangul, Han, Kana,
    /// Thai, ...), reported through <see cref="Log"/>; else words. A subword model scores through its ONNX ids variant,
    /// tokenizing in .NET. Default <see cref="TokenizerKind.Auto"/>.
    /// </summary>
    public TokenizerKind Tokenizer { get; set; } = TokenizerKind.Auto;

    /// <summary>Width of each word vector (Keras <c>Embedding</c> <c>output_dim</c>). Default 128.</summary>
    public int EmbeddingDim { get; set; } = SeedDefaults.EmbeddingDim;

    /// <summary>
    /// Initialise the embedding with word2vec skip-gram vectors learned on the training rows (as encoded: the vocabulary's
    /// words or pieces; never the validation rows) before training, instead of Keras's random initialisation; the network
    /// then fine-tunes them. Progress goes to <see cref="Log"/> as Trace messages, and the coverage as an Info message
    /// (<c>Embedding initialised from word2vec …</c>). Word2vec runs on one thread, so that <see cref="Seed"/> reproduces the model. Not with <see cref="EmbeddingVectorsPath"/>. Default false.
    /// </summary>
    public bool PretrainEmbedding { get; set; }

    /// <summary>Passes of word2vec over the training rows when <see cref="PretrainEmbedding"/> is true (word2vec <c>-iter</c>). Default 5.</summary>
    public int Word2VecEpochs { get; set; } = 5;

    /// <summary>
    /// A word2vec or GloVe text file (one word and its numbers per line; word2vec's "count dimensions" header line
    /// optional) whose vectors initialise the embedding rows of the vocabulary's words found in it (the rest keep Keras's
    /// random initialisation); the network then fine-tunes them. Its vectors must have <see cref="EmbeddingDim"/>
    /// dimensions. Read when <c>Fit</c> starts; the coverage goes to <see cref="Log"/>. Not with
    /// <see cref="PretrainEmbedding"/>. Default null (none).
    /// </summary>
    public string? EmbeddingVectorsPath { get; set; }

    /// <summary>
    /// When set, the transformer <c>Fit</c> returns adds a Single column of this name with the share of each text's
    /// tokens outside the vocabulary (0 to 1; 0 for a text without tokens; see
    /// <see cref="LstmTransformer.UnknownTokenShareColumnName"/>). That transformer cannot be saved with
    /// <c>MLContext.Model.Save</c>. Default null (no column).
    /// </summary>
    public string? UnknownTokenShareColumnName { get; set; }

    /// <summary>Keras <c>Embedding(mask_zero=True)</c>: padding steps neither update the recurrent state nor count in pooling. Default false.</summary>
    public bool MaskZero { get; set; }

    /// <summary>The recurrent layer: Keras's <c>LSTM</c>, <c>GRU</c> or <c>SimpleRNN</c>. Default <see cref="RecurrentKind.Lstm"/>.</summary>
    public RecurrentKind RecurrentKind { get; set; } = RecurrentKind.Lstm;

    /// <summary>Recurrent layers stacked (all but the last with Keras's <c>return_sequences=True</c>), each with the settings below. Default 1.</summary>
    public int Layers { get; set; } = 1;

    /// <summary>Hidden units of each recurrent layer, per direction (Keras <c>units</c>). Default 128.</summary>
    public int Units { get; set; } = SeedDefaults.Units;

    /// <summary>Fraction of each recurrent layer's inputs dropped while training (Keras <c>dropout</c>). Default 0.2.</summary>
    public float Dropout { get; set; } = SeedDefaults.Dropout;

    /// <summary>Fraction of each recurrent layer's state dropped while training (Keras <c>recurrent_dropout</c>). Default 0.2.</summary>
    public float RecurrentDropout { get; set; } = SeedDefaults.RecurrentDropout;

    /// <summary>Wrap each recurrent layer in Keras's <c>Bidirectional(…, merge_mode="concat")</c>. Default false.</summary>
    public bool Bidirectional { get; set; }

    /// <summary>What the head reads: the last state, or Keras's <c>GlobalMaxPooling1D</c>/<c>GlobalAveragePooling1D</c> over the steps. Default <see cref="PoolingKind.Last"/>.</summary>
    public PoolingKind Pooling { get; set; } = PoolingKind.Last;

    /// <summary>Passes over the training data. Default 10.</summary>
    public int Epochs { get; set; } = SeedDefaults.Epochs;

    /// <summary>Texts per gradient step. Default 32.</summary>
    public int BatchSize { get; set; } = SeedDefaults.BatchSize;

    /// <summary>Adam's learning rate. Default 0.001.</summary>
    public float LearningRate { get; set; } = SeedDefaults.LearningRate;

    /// <summary>
    /// Rows with the same text, label (and weight) columns, evaluated after every epoch (Keras <c>validation_data</c>:
    /// <c>val_loss</c> and <c>val_accuracy</c>, or <c>val_mae</c> for regression). Keep your test data out of it: early
    /// stopping selects on it. Without it, early stopping on a validation metric holds out <see cref="ValidationFraction"/>
    /// of the training rows instead. Default null (none).
    /// </summary>
    public IDataView? ValidationSet { get; set; }

    /// <summary>
    /// When early stopping watches a validation metric and no <see cref="ValidationSet"/> is given, the fraction of the
    /// training rows held out as validation data (stratified by label, class, or regression-target decile; seeded by
    /// <see cref="Seed"/>), in (0, 1). Those rows are not trained on, so the model is selected on data that is neither
    /// trained on nor your test set (Keras's <c>validation_split</c>, but stratified). Default 0.2.
    /// </summary>
    public double ValidationFraction { get; set; } = 0.2;

    /// <summary>Epochs without improvement of <see cref="EarlyStoppingMetric"/> before training stops; null turns early stopping off. Default null.</summary>
    public int? EarlyStoppingPatience { get; set; }

    /// <summary>
    /// What early stopping watches: "val_loss", "loss", and "val_accuracy" or "accuracy" for classifiers, "val_mae" or
    /// "mae" for regression. Default "val_loss".
    /// </summary>
    public string EarlyStoppingMetric { get; set; } = "val_loss";

    /// <summary>Smallest change of the metric that counts as an improvement. Default 0.</summary>
    public double EarlyStoppingMinDelta { get; set; }

    /// <summary>When early stopping ends the run, go back to the weights of the best epoch. Default true.</summary>
    public bool RestoreBestWeights { get; set; } = true;

    /// <summary>Seed of the initial weights, shuffling and dropout masks; the same seed and data give the same model. Default 42.</summary>
    public int Seed { get; set; } = SeedDefaults.Seed;

    /// <summary>Threads used by training (results do not depend on it) and by ONNX Runtime when scoring; null for one per core. Default null.</summary>
    public int? NumberOfThreads { get; set; }

    /// <summary>
    /// Where progress goes: pass the <see cref="MLContext"/> and its <see cref="MLContext.Log"/> event receives one
    /// Info message per epoch and Trace messages during it. ML.NET 5.0.1 gives a component no public way to reach
    /// the MLContext behind a catalog, so this is explicit. Default null (no messages).
    /// </summary>
    public IChannelProvider? Log { get; set; }

    /// <summary>
    /// Stops training between batches; <c>Fit</c> then throws <see cref="OperationCanceledException"/>. (ML.NET 5.0.1's
    /// <c>MLContext.CancelExecution</c> is internal, so this token is the public way.) Default none.
    /// </summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>True when training holds out <see cref="ValidationFraction"/> of its rows: early stopping on a validation metric without a <see cref="ValidationSet"/>.</summary>
    internal bool HoldsOutValidation => EarlyStoppingPatience is not null && ValidationSet is null && EarlyStoppingMetric.StartsWith("val_", StringComparison.Ordinal);

    /// <summary>The task the trainer learns; its head, loss and metrics.</summary>
    private protected abstract TaskKind Task { get; }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/> naming the first invalid
    /// setting. The columns and the ML.NET-only settings are checked here; the rest by
    /// <see cref="TextModelOptions.Validate"/>, the one check the CLI shares.
    /// </summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumnName, nameof(LabelColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(TextColumnName, nameof(TextColumnName));
        if (LabelColumnName == TextColumnName)
            throw new ArgumentException($"The label and text columns are both '{TextColumnName}'.", nameof(LabelColumnName));
        if (ExampleWeightColumnName is { } weight)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(weight, nameof(ExampleWeightColumnName));
            if (weight == TextColumnName || weight == LabelColumnName)
                throw new ArgumentException($"The example weight column '{weight}' is also the {(weight == TextColumnName ? "text" : "label")} column.", nameof(ExampleWeightColumnName));
        }
        if (Layers < 1) throw new ArgumentOutOfRangeException(nameof(Layers), Layers, "Layers must be at least 1.");
        if (UnknownTokenShareColumnName is { } unknown)
        {
            Scoring.OutputColumns.CheckUnknownTokenShareName(unknown, nameof(UnknownTokenShareColumnName));
            if (unknown == TextColumnName)
                throw new ArgumentException($"The unknown-token share column '{unknown}' is also the text column.", nameof(UnknownTokenShareColumnName));
        }
        ValidatePretrainedEmbedding();
        if (NumberOfThreads is < 1) throw new ArgumentOutOfRangeException(nameof(NumberOfThreads), NumberOfThreads, "NumberOfThreads must be at least 1.");
        ValidateEarlyStopping();
        ValidateTaskSettings();
        ToTextModelOptions(ClassWeightsForValidation(), progress: null).Validate();
    }

    private void ValidatePretrainedEmbedding()
    {
        if (PretrainEmbedding && EmbeddingVectorsPath is not null)
            throw new ArgumentException(
                $"PretrainEmbedding (learn word2vec vectors from the training rows) and EmbeddingVectorsPath ('{EmbeddingVectorsPath}') are both set; choose one source for the starting embedding.",
                nameof(EmbeddingVectorsPath));
        if (Word2VecEpochs < 1) throw new ArgumentOutOfRangeException(nameof(Word2VecEpochs), Word2VecEpochs, "Word2VecEpochs must be at least 1.");
        if (EmbeddingVectorsPath is { } path)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(path, nameof(EmbeddingVectorsPath));
            if (!File.Exists(path))
                throw new FileNotFoundException($"The word vectors file '{path}' (EmbeddingVectorsPath) does not exist.", path);
        }
    }

    /// <summary>Checks the settings a derived class adds (e.g. class weights) that the shared check cannot see.</summary>
    private protected virtual void ValidateTaskSettings()
    {
    }

    /// <summary>The class weights by class index as <see cref="Validate"/> checks them, before the classes are known.</summary>
    private protected virtual IReadOnlyDictionary<int, float>? ClassWeightsForValidation() => null;

    /// <summary>
    /// These settings as Lstm.Training's options, with class weights by index and a progress callback. With
    /// <see cref="PretrainEmbedding"/>, word2vec reports to <paramref name="word2VecProgress"/>; <paramref name="vectors"/>
    /// are <see cref="EmbeddingVectorsPath"/>'s, once read (left out until then).
    /// </summary>
    internal TextModelOptions ToTextModelOptions(IReadOnlyDictionary<int, float>? classWeight, Action<TrainingProgress>? progress,
        IProgress<Word2VecProgress>? word2VecProgress = null, PretrainedVectors? vectors = null)
    {
        ulong seed = unchecked((ulong)Seed);
        var layer = new RecurrentLayerSpec { Kind = RecurrentKind, Units = Units, Dropout = Dropout, RecurrentDropout = RecurrentDropout, Bidirectional = Bidirectional };
        return new TextModelOptions
        {
            NumWords = NumWords,
            MaxLength = MaxLength,
            Tokenizer = Tokenizer,
            Task = Task,
            PretrainedEmbedding = PretrainEmbedding
                ? new PretrainedEmbedding { Word2Vec = new Word2VecOptions { Epochs = Word2VecEpochs, Seed = seed, Progress = word2VecProgress } }
                : vectors is not null ? new PretrainedEmbedding { Vectors = vectors, VectorsSource = $"'{EmbeddingVectorsPath}'" } : null,
            Network = new NetworkSpec
            {
                EmbeddingDim = EmbeddingDim,
                MaskZero = MaskZero,
                Recurrent = [.. Enumerable.Repeat(layer, Math.Max(Layers, 1))],
                Pooling = Pooling,
            },
            Fit = new FitOptions
            {
                Epochs = Epochs,
                BatchSize = BatchSize,
                LearningRate = LearningRate,
                Seed = seed,
                MaxDegreeOfParallelism = NumberOfThreads,
                ClassWeight = classWeight,
                EarlyStopping = EarlyStoppingPatience is { } patience
                    ? new EarlyStopping(EarlyStoppingMetric, patience, EarlyStoppingMinDelta, RestoreBestWeights)
                    : null,
                Progress = progress,
            },
        };
    }

    private void ValidateEarlyStopping()
    {
        if (EarlyStoppingPatience is not { } patience) return;
        if (patience < 1) throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), patience, "EarlyStoppingPatience must be at least 1.");
        string[] metrics = Task == TaskKind.Regression ? ["val_loss", "val_mae", "loss", "mae"] : ["val_loss", "val_accuracy", "loss", "accuracy"];
        if (!metrics.Contains(EarlyStoppingMetric, StringComparer.Ordinal))
            throw new ArgumentException($"EarlyStoppingMetric is '{EarlyStoppingMetric}'; expected {string.Join(", ", metrics[..^1])} or {metrics[^1]}.", nameof(EarlyStoppingMetric));
        if (HoldsOutValidation && !(ValidationFraction is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction,
                $"Early stopping on '{EarlyStoppingMetric}' without a ValidationSet holds out ValidationFraction of the training rows; it must be in (0, 1).");
        if (!(EarlyStoppingMinDelta >= 0))
            throw new ArgumentOutOfRangeException(nameof(EarlyStoppingMinDelta), EarlyStoppingMinDelta, "EarlyStoppingMinDelta must be zero or positive.");
    }
}
