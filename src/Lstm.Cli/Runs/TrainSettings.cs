using Lstm.Training;
using Lstm.Training.Data;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Cli.Runs;

/// <summary>Everything <c>lstm train</c> was asked to do; defaults are the seed program's.</summary>
internal sealed record TrainSettings
{
    /// <summary>IMDB archive or folder, or a labelled .tsv/.txt/.csv file; null means the IMDB cache.</summary>
    public string? DataPath { get; init; }

    /// <summary>Validation reviews (same kinds as <see cref="DataPath"/>); null means IMDB's test split or <see cref="ValidationSplit"/>.</summary>
    public string? ValidationPath { get; init; }

    /// <summary>Fraction of a labelled file held out for validation when no <see cref="ValidationPath"/> is given. Default 0.2.</summary>
    public double ValidationSplit { get; init; } = 0.2;

    /// <summary>
    /// Let early stopping and the learning-rate schedule select on IMDB's test split (the seed's validation data), as
    /// <c>--select-on-test</c> asks; the test accuracy is then not an unbiased estimate. Default false: selection uses a
    /// <see cref="ValidationSplit"/> of the training reviews.
    /// </summary>
    public bool SelectOnTest { get; init; }

    /// <summary>
    /// IMDB only: validate on a stratified <see cref="ValidationSplit"/> of the training split and keep the test split
    /// for one evaluation after training. Set by <c>lstm train</c> when the run selects (<see cref="Selects"/>) or
    /// <c>--validation-split</c> is given; false is the seed program (validation on the test split).
    /// </summary>
    public bool ValidationFromTraining { get; init; }

    /// <summary>True when something chooses by validation results: early stopping (which restores the best epoch) or ReduceLROnPlateau.</summary>
    public bool Selects => EarlyStoppingPatience > 0 || ReduceLearningRatePatience > 0;

    /// <summary>Class-balanced subset size of the training reviews; null keeps all.</summary>
    public int? Limit { get; init; }

    /// <summary>Class-balanced subset size of the validation reviews; null keeps all.</summary>
    public int? ValidationLimit { get; init; }

    /// <summary>The label's column in labelled files (<see cref="DataPath"/>, <see cref="ValidationPath"/>): a header name or a 1-based index. Default "1".</summary>
    public string LabelColumn { get; init; } = LabelledTextFileOptions.DefaultLabelColumn;

    /// <summary>The text's column in labelled files: a header name or a 1-based index. Default "2".</summary>
    public string TextColumn { get; init; } = LabelledTextFileOptions.DefaultTextColumn;

    /// <summary><see cref="LabelColumn"/> and <see cref="TextColumn"/>, for <see cref="LabelledTextFile"/>.</summary>
    public LabelledTextFileOptions Columns => new() { LabelColumn = LabelColumn, TextColumn = TextColumn };

    /// <summary>The IMDB label <c>--label</c> names for the sentiment (positive/negative, the default).</summary>
    public const string SentimentLabel = "sentiment";

    /// <summary>The IMDB label <c>--label</c> names for the review's rating (1-4 and 7-10, from the file names).</summary>
    public const string RatingLabel = "rating";

    /// <summary>What IMDB data is labelled with: <see cref="SentimentLabel"/> or <see cref="RatingLabel"/>. Default sentiment.</summary>
    public string ImdbLabel { get; init; } = SentimentLabel;

    /// <summary>The task; null infers it from the labels (and says so).</summary>
    public TaskKind? Task { get; init; }

    /// <summary>The recurrent cell (Keras LSTM, GRU or SimpleRNN). Default LSTM.</summary>
    public RecurrentKind Cell { get; init; } = RecurrentKind.Lstm;

    /// <summary>Recurrent layers stacked (every one but the last returns sequences). Default 1.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Wrap each recurrent layer in Keras's Bidirectional (merge concat). Default false.</summary>
    public bool Bidirectional { get; init; }

    /// <summary>What the head reads: the last state, or the max or mean over time. Default last.</summary>
    public PoolingKind Pooling { get; init; } = PoolingKind.Last;

    /// <summary>Keras <c>mask_zero</c>: padding steps are skipped by the recurrent layers and pooling. Default false.</summary>
    public bool MaskPadding { get; init; }

    /// <summary>When the IMDB archive is not cached, fail instead of downloading it.</summary>
    public bool NoDownload { get; init; }

    /// <summary>The tokenizer of the vocabulary (<c>--tokenizer</c>): auto, words or o200k pieces. Default auto.</summary>
    public TokenizerKind Tokenizer { get; init; } = TokenizerKind.Auto;

    /// <summary>Keras <c>num_words</c>: ids are below this; also the embedding's input size. Default 10,000.</summary>
    public int NumWords { get; init; } = SeedDefaults.NumWords;

    /// <summary>Keras <c>pad_sequences(maxlen=…)</c>. Default 500.</summary>
    public int MaxLen { get; init; } = SeedDefaults.MaxLength;

    /// <summary>Embedding width. Default 128.</summary>
    public int EmbeddingDim { get; init; } = SeedDefaults.EmbeddingDim;

    /// <summary>LSTM units. Default 128.</summary>
    public int Units { get; init; } = SeedDefaults.Units;

    /// <summary>LSTM input dropout. Default 0.2.</summary>
    public float Dropout { get; init; } = SeedDefaults.Dropout;

    /// <summary>LSTM recurrent dropout. Default 0.2.</summary>
    public float RecurrentDropout { get; init; } = SeedDefaults.RecurrentDropout;

    /// <summary>Epochs. Default 10.</summary>
    public int Epochs { get; init; } = SeedDefaults.Epochs;

    /// <summary>Batch size. Default 32.</summary>
    public int BatchSize { get; init; } = SeedDefaults.BatchSize;

    /// <summary>Adam's learning rate. Default 0.001.</summary>
    public float LearningRate { get; init; } = SeedDefaults.LearningRate;

    /// <summary>Seed of the weights, shuffling, dropout, subsets and split. Default 42.</summary>
    public ulong Seed { get; init; } = SeedDefaults.Seed;

    /// <summary>Training threads; null means all cores.</summary>
    public int? Threads { get; init; }

    /// <summary>Epochs without val_loss improvement before stopping; 0 turns early stopping off (the default).</summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>Epochs without val_loss improvement before the learning rate is lowered; 0 turns it off (the default).</summary>
    public int ReduceLearningRatePatience { get; init; }

    /// <summary>Factor applied to the learning rate on a plateau. Default 0.1, as Keras's ReduceLROnPlateau.</summary>
    public float ReduceLearningRateFactor { get; init; } = 0.1f;

    /// <summary>Global gradient norm clip; null means none.</summary>
    public float? ClipNorm { get; init; }

    /// <summary>Learn the embedding's starting vectors from the training texts with word2vec (<c>--pretrain-embedding</c>). Default false.</summary>
    public bool PretrainEmbedding { get; init; }

    /// <summary>word2vec's passes over the training texts with <see cref="PretrainEmbedding"/>. Default 5.</summary>
    public int Word2VecEpochs { get; init; } = 5;

    /// <summary>word2vec's threads with <see cref="PretrainEmbedding"/>; 1 (the default) keeps the run reproducible from its seed.</summary>
    public int Word2VecThreads { get; init; } = 1;

    /// <summary>Unlabelled texts, one per line, that word2vec learns from besides the training texts (<c>--pretrain-texts</c>); null for none.</summary>
    public string? PretrainTextsPath { get; init; }

    /// <summary>A word2vec/GloVe text file of starting vectors for the embedding (<c>--embedding-vectors</c>); null for none.</summary>
    public string? EmbeddingVectorsPath { get; init; }

    /// <summary>Checkpoint to continue from; null starts a new run.</summary>
    public string? Resume { get; init; }

    /// <summary>A trained model (run folder, model.lstm or .onnx) whose weights and vocabulary a new run starts from; null starts from Keras's initialisation.</summary>
    public string? InitFrom { get; init; }

    /// <summary>Replace a run already in <see cref="OutDirectory"/> (its files are removed first). Default false: such a folder is refused.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Output folder; null means <see cref="RunDirectory.DefaultPath"/>.</summary>
    public string? OutDirectory { get; init; }

    /// <summary>The network's shape.</summary>
    public LstmClassifierConfig ModelConfig => new()
    {
        VocabularySize = NumWords,
        EmbeddingDim = EmbeddingDim,
        Units = Units,
        Dropout = Dropout,
        RecurrentDropout = RecurrentDropout,
    };

    /// <summary>The layers asked for (vocabulary size, task and outputs are set from the data by <see cref="TextModelOptions.NetworkFor"/>).</summary>
    public NetworkSpec Network => new()
    {
        VocabularySize = NumWords,
        EmbeddingDim = EmbeddingDim,
        MaskZero = MaskPadding,
        Recurrent = [.. Enumerable.Repeat(new RecurrentLayerSpec { Kind = Cell, Units = Units, Dropout = Dropout, RecurrentDropout = RecurrentDropout, Bidirectional = Bidirectional }, Layers)],
        Pooling = Pooling,
    };

    /// <summary>Everything <see cref="TextModelTrainer"/> needs, with one set of checks (progress, checkpoint path and warnings unset).</summary>
    public TextModelOptions ModelOptions => new()
    {
        NumWords = NumWords,
        MaxLength = MaxLen,
        Tokenizer = Tokenizer,
        Network = Network,
        Task = Task,
        Fit = FitOptions,
    };

    /// <summary>The trainer's options (without progress and checkpoint path).</summary>
    public FitOptions FitOptions => new()
    {
        Epochs = Epochs,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Seed = Seed,
        MaxDegreeOfParallelism = Threads,
        EarlyStopping = EarlyStoppingPatience > 0 ? new EarlyStopping("val_loss", EarlyStoppingPatience) : null,
        ReduceLearningRateOnPlateau = ReduceLearningRatePatience > 0
            ? new ReduceLearningRateOnPlateau("val_loss", ReduceLearningRateFactor, ReduceLearningRatePatience)
            : null,
        ClipNorm = ClipNorm,
    };
}
