using System.CommandLine;
using Lstm.Cli.Runs;
using Lstm.Training;
using Lstm.Training.Models;
using Lstm.Training.Text;

namespace Lstm.Cli.Commands;

/// <summary>
/// <c>lstm train</c>: trains a model of the family (by default the seed program's Embedding → LSTM → Dense(1, sigmoid))
/// on IMDB or a labelled file, for a binary, multi-class or regression label, and writes the run folder. Options
/// default to the seed's hyperparameters.
/// </summary>
internal sealed class TrainCommand
{
    private static readonly TrainSettings Defaults = new();

    private readonly Option<string?> _data = new("--data")
    {
        Description = "IMDB archive (.tar.gz) or aclImdb folder, or a .tsv/.txt/.csv file of label and text (see --label-column, --text-column). Default: the IMDB cache, downloaded when missing",
        HelpName = "path",
    };
    private readonly Option<string?> _validation = new("--validation")
    {
        Description = "Validation reviews (same kinds as --data). Default: IMDB's test split, or --validation-split of a labelled file",
        HelpName = "path",
    };
    private readonly ColumnOptions _columns = new("a labelled --data or --validation file", index => $"Default: {index}");
    private readonly Option<double> _validationSplit = new Option<double>("--validation-split")
    {
        Description = "Fraction of a labelled --data file held out for validation (stratified, seeded)",
        DefaultValueFactory = _ => Defaults.ValidationSplit,
    }.InRange(0, 1);
    private readonly Option<bool> _selectOnTest = new("--select-on-test")
    {
        Description = "Let early stopping and --reduce-lr-patience select on IMDB's test split, as the seed's validation data; the test accuracy is then NOT an unbiased estimate. "
            + "Without it, a run that selects validates on a --validation-split of IMDB's training reviews and evaluates the test split once, after training",
    };
    private readonly Option<int> _epochs = new Option<int>("--epochs")
    {
        Description = "Passes over the training data",
        DefaultValueFactory = _ => Defaults.Epochs,
    }.AtLeast(1);
    private readonly Option<int> _batchSize = new Option<int>("--batch-size")
    {
        Description = "Reviews per gradient step",
        DefaultValueFactory = _ => Defaults.BatchSize,
    }.Between(1, Lstm.Training.Training.FitOptions.MaxBatchSize);
    private readonly Option<int> _maxLen = new Option<int>("--max-len")
    {
        Description = "Ids per review after padding/truncating at the front (Keras pad_sequences maxlen)",
        DefaultValueFactory = _ => Defaults.MaxLen,
    }.Between(1, TextVectorizer.MaxMaxLength);
    private readonly Option<int> _numWords = new Option<int>("--num-words")
    {
        Description = "Vocabulary size including the 4 reserved ids (Keras num_words)",
        DefaultValueFactory = _ => Defaults.NumWords,
    }.Between(SeedDefaults.MinimumNumWords, NetworkSpec.MaxVocabularySize);
    private readonly Option<int> _embeddingDim = new Option<int>("--embedding-dim")
    {
        Description = "Width of the word embeddings",
        DefaultValueFactory = _ => Defaults.EmbeddingDim,
    }.Between(1, NetworkSpec.MaxEmbeddingDim);
    private readonly Option<int> _units = new Option<int>("--units")
    {
        Description = "Units of each recurrent layer (per direction)",
        DefaultValueFactory = _ => Defaults.Units,
    }.Between(1, NetworkSpec.MaxUnits);
    private readonly Option<float> _dropout = new Option<float>("--dropout")
    {
        Description = "Input dropout of each recurrent layer, in [0, 1)",
        DefaultValueFactory = _ => Defaults.Dropout,
    }.InRange(0, 1);
    private readonly Option<float> _recurrentDropout = new Option<float>("--recurrent-dropout")
    {
        Description = "Recurrent dropout of each recurrent layer, in [0, 1)",
        DefaultValueFactory = _ => Defaults.RecurrentDropout,
    }.InRange(0, 1);
    private readonly Option<float> _learningRate = new Option<float>("--learning-rate")
    {
        Description = "Adam's learning rate",
        DefaultValueFactory = _ => Defaults.LearningRate,
    }.Positive();
    private readonly Option<ulong> _seed = new("--seed")
    {
        Description = "Seed of the weights, shuffling, dropout masks, subsets and split; a seed reproduces a run exactly",
        DefaultValueFactory = _ => Defaults.Seed,
    };
    private readonly Option<int?> _limit = new Option<int?>("--limit")
    {
        Description = "Train on a class-balanced, seeded subset of this many reviews",
        HelpName = "n",
    }.AtLeast(1);
    private readonly Option<int?> _validationLimit = new Option<int?>("--validation-limit")
    {
        Description = "Validate on a class-balanced, seeded subset of this many reviews",
        HelpName = "n",
    }.AtLeast(1);
    private readonly Option<int?> _threads = new Option<int?>("--threads")
    {
        Description = "Threads to train with (results do not depend on it). Default: all cores",
        HelpName = "n",
    }.AtLeast(1);
    private readonly Option<int> _patience = new Option<int>("--early-stopping-patience")
    {
        Description = "Stop after this many epochs without val_loss improvement and keep the best epoch's weights; 0 = off",
        DefaultValueFactory = _ => Defaults.EarlyStoppingPatience,
        HelpName = "n",
    }.AtLeast(0);
    private readonly Option<int> _reduceLrPatience = new Option<int>("--reduce-lr-patience")
    {
        Description = "Multiply the learning rate by --reduce-lr-factor after this many epochs without val_loss improvement (Keras ReduceLROnPlateau); 0 = off",
        DefaultValueFactory = _ => 0,
        HelpName = "n",
    }.AtLeast(0);
    private readonly Option<float> _reduceLrFactor = new Option<float>("--reduce-lr-factor")
    {
        Description = "Factor for --reduce-lr-patience, in (0, 1), as Keras's ReduceLROnPlateau",
        DefaultValueFactory = _ => 0.1f,
        HelpName = "x",
    }.Must(f => f is > 0 and < 1, "must be in (0, 1)");
    private readonly Option<float?> _clipNorm = new Option<float?>("--clip-norm")
    {
        Description = "Scale gradients so that their global L2 norm is at most this",
        HelpName = "x",
    }.Positive();
    private readonly Option<string?> _resume = new("--resume")
    {
        Description = "Continue the run whose checkpoint this is (settings, vocabulary and data come from its folder; --epochs, --threads, --data and --out may change)",
        HelpName = "checkpoint",
    };
    private readonly Option<string?> _initFrom = new("--init-from")
    {
        Description = "Start a new run from a trained model's weights and vocabulary (a run folder, its model.lstm, or an .onnx written by lstm); the network's shape comes from it",
        HelpName = "model",
    };
    private readonly Option<string?> _out = new("--out")
    {
        Description = "Output folder. Default: ./runs/<imdb or data file name>-<yyyyMMdd-HHmmss>, or the checkpoint's folder with --resume",
        HelpName = "dir",
    };
    private readonly Option<string?> _task = new Option<string?>("--task")
    {
        Description = "binary, multiclass or regression. Default: inferred from the labels (and said so): binary for sentiment labels, regression for numbers that are not whole, multiclass otherwise",
        HelpName = "binary|multiclass|regression",
    }.AcceptOnlyFromAmong("binary", "multiclass", "regression");
    private readonly Option<string> _label = new Option<string>("--label")
    {
        Description = "What IMDB data is labelled with: sentiment (positive/negative) or rating (1-4 and 7-10, from the file names; with --task multiclass or regression)",
        DefaultValueFactory = _ => TrainSettings.SentimentLabel,
        HelpName = "sentiment|rating",
    }.AcceptOnlyFromAmong(TrainSettings.SentimentLabel, TrainSettings.RatingLabel);
    private readonly Option<string> _tokenizer = new Option<string>("--tokenizer")
    {
        Description = "Tokens of the vocabulary: words (the normalised text split on spaces), o200k (subword pieces of OpenAI's o200k_base byte-pair encoding, through Microsoft.ML.Tokenizers; for languages that spaces do not split into words, e.g. Korean, Chinese, Japanese, Thai) or auto (o200k when most letters of the training texts are in such scripts, and said so; else words)",
        DefaultValueFactory = _ => "auto",
        HelpName = "auto|words|o200k",
    }.AcceptOnlyFromAmong("auto", "words", "o200k", "o200k_base");
    private readonly Option<string> _cell = new Option<string>("--cell")
    {
        Description = "Recurrent layer, as Keras names it: lstm (LSTM), gru (GRU, reset_after) or simple-rnn (SimpleRNN)",
        DefaultValueFactory = _ => "lstm",
        HelpName = "lstm|gru|simple-rnn",
    }.AcceptOnlyFromAmong("lstm", "gru", "simple-rnn");
    private readonly Option<int> _layers = new Option<int>("--layers")
    {
        Description = "Recurrent layers stacked (all but the last return sequences)",
        DefaultValueFactory = _ => 1,
        HelpName = "n",
    }.Between(1, NetworkSpec.MaxLayers);
    private readonly Option<bool> _bidirectional = new("--bidirectional")
    {
        Description = "Wrap each recurrent layer in Keras's Bidirectional (outputs concatenated)",
    };
    private readonly Option<string> _pooling = new Option<string>("--pooling")
    {
        Description = "What the head reads: the last state, or GlobalMaxPooling1D / GlobalAveragePooling1D over time",
        DefaultValueFactory = _ => "last",
        HelpName = "last|max|mean",
    }.AcceptOnlyFromAmong("last", "max", "mean");
    private readonly Option<bool> _maskPadding = new("--mask-padding")
    {
        Description = "Keras mask_zero: padding steps neither update the recurrent state nor count in pooling (trains short texts faster)",
    };
    private readonly Option<bool> _pretrainEmbedding = new("--pretrain-embedding")
    {
        Description = "Learn the embedding's starting vectors from the training texts with word2vec (skip-gram, negative sampling) before training, then fine-tune them",
    };
    private readonly Option<int> _word2vecEpochs = new Option<int>("--word2vec-epochs")
    {
        Description = "Passes of word2vec over the training texts, with --pretrain-embedding",
        DefaultValueFactory = _ => Defaults.Word2VecEpochs,
        HelpName = "n",
    }.Between(1, 100);
    private readonly Option<int> _word2vecThreads = new Option<int>("--word2vec-threads")
    {
        Description = "Threads of word2vec, with --pretrain-embedding. 1 (the default) reproduces a run from its seed; more are faster but update shared vectors without locks, so runs differ",
        DefaultValueFactory = _ => 1,
        HelpName = "n",
    }.Between(1, 256);
    private readonly Option<string?> _pretrainTexts = new("--pretrain-texts")
    {
        Description = "With --pretrain-embedding: unlabelled texts, one per line (UTF-8, optionally .gz), that word2vec also learns from (never test texts)",
        HelpName = "file",
    };
    private readonly Option<string?> _embeddingVectors = new("--embedding-vectors")
    {
        Description = "Start the embedding from your word vectors: a word2vec or GloVe text file (.txt, .vec, optionally .gz) with --embedding-dim values per word",
        HelpName = "file",
    };
    private readonly Option<bool> _overwrite = new("--overwrite")
    {
        Description = "Replace a run already in --out (its files are removed before the new run starts). Without it such a folder is refused",
    };
    private readonly Option<bool> _noDownload = new("--no-download")
    {
        Description = "Fail instead of downloading IMDB when it is not in the cache folder",
    };

    /// <summary>Builds the command; its action runs <see cref="TrainingRun"/> in <paramref name="environment"/>.</summary>
    public TrainCommand(CommandEnvironment environment)
    {
        Command = new Command("train", "Train a text model (by default the seed's Embedding -> LSTM -> Dense(1, sigmoid) on IMDB sentiment, Keras defaults) and write a run folder")
        {
            _data, _validation, _columns.Label, _columns.Text, _label, _task, _validationSplit, _selectOnTest, _epochs, _batchSize, _maxLen, _numWords, _tokenizer, _embeddingDim, _cell, _units, _layers,
            _bidirectional, _pooling, _maskPadding, _dropout, _recurrentDropout, _learningRate, _seed, _limit, _validationLimit, _threads, _patience, _reduceLrPatience,
            _reduceLrFactor, _clipNorm, _pretrainEmbedding, _word2vecEpochs, _word2vecThreads, _pretrainTexts, _embeddingVectors, _resume, _initFrom, _out, _overwrite, _noDownload,
        };
        Command.SetAction(parseResult => ErrorReporter.Run(environment.Error,
            () => TrainingRun.Execute(ReadSettings(parseResult), ExplicitOptions(parseResult), environment)));
    }

    /// <summary>The <c>train</c> command.</summary>
    public Command Command { get; }

    /// <summary>The options that can change when resuming; any other option given with <c>--resume</c> is ignored with a warning.</summary>
    public static IReadOnlySet<string> ResumableOptions { get; } =
        new HashSet<string> { "--resume", "--epochs", "--threads", "--data", "--out", "--no-download" };

    /// <summary>The settings a parsed command line asks for.</summary>
    public TrainSettings ReadSettings(ParseResult parseResult) => new()
    {
        DataPath = parseResult.GetValue(_data),
        ValidationPath = parseResult.GetValue(_validation),
        ValidationSplit = parseResult.GetValue(_validationSplit),
        SelectOnTest = parseResult.GetValue(_selectOnTest),
        LabelColumn = parseResult.GetValue(_columns.Label) ?? Defaults.LabelColumn,
        TextColumn = parseResult.GetValue(_columns.Text) ?? Defaults.TextColumn,
        Limit = parseResult.GetValue(_limit),
        ValidationLimit = parseResult.GetValue(_validationLimit),
        NoDownload = parseResult.GetValue(_noDownload),
        ImdbLabel = parseResult.GetValue(_label)!,
        Task = parseResult.GetValue(_task) switch
        {
            "binary" => TaskKind.BinaryClassification,
            "multiclass" => TaskKind.MulticlassClassification,
            "regression" => TaskKind.Regression,
            _ => null,
        },
        Cell = parseResult.GetValue(_cell) switch
        {
            "gru" => RecurrentKind.Gru,
            "simple-rnn" => RecurrentKind.SimpleRnn,
            _ => RecurrentKind.Lstm,
        },
        Layers = parseResult.GetValue(_layers),
        Bidirectional = parseResult.GetValue(_bidirectional),
        Pooling = Enum.Parse<PoolingKind>(parseResult.GetValue(_pooling)!, ignoreCase: true),
        MaskPadding = parseResult.GetValue(_maskPadding),
        NumWords = parseResult.GetValue(_numWords),
        Tokenizer = parseResult.GetValue(_tokenizer) switch
        {
            "words" => TokenizerKind.Words,
            "o200k" or "o200k_base" => TokenizerKind.O200kBase,
            _ => TokenizerKind.Auto,
        },
        MaxLen = parseResult.GetValue(_maxLen),
        EmbeddingDim = parseResult.GetValue(_embeddingDim),
        Units = parseResult.GetValue(_units),
        Dropout = parseResult.GetValue(_dropout),
        RecurrentDropout = parseResult.GetValue(_recurrentDropout),
        Epochs = parseResult.GetValue(_epochs),
        BatchSize = parseResult.GetValue(_batchSize),
        LearningRate = parseResult.GetValue(_learningRate),
        Seed = parseResult.GetValue(_seed),
        Threads = parseResult.GetValue(_threads),
        EarlyStoppingPatience = parseResult.GetValue(_patience),
        ReduceLearningRatePatience = parseResult.GetValue(_reduceLrPatience),
        ReduceLearningRateFactor = parseResult.GetValue(_reduceLrFactor),
        ClipNorm = parseResult.GetValue(_clipNorm),
        PretrainEmbedding = parseResult.GetValue(_pretrainEmbedding),
        Word2VecEpochs = parseResult.GetValue(_word2vecEpochs),
        Word2VecThreads = parseResult.GetValue(_word2vecThreads),
        EmbeddingVectorsPath = parseResult.GetValue(_embeddingVectors),
        PretrainTextsPath = parseResult.GetValue(_pretrainTexts),
        Resume = parseResult.GetValue(_resume),
        InitFrom = parseResult.GetValue(_initFrom),
        OutDirectory = parseResult.GetValue(_out),
        Overwrite = parseResult.GetValue(_overwrite),
    };

    /// <summary>Names of the options written on the command line (not defaulted).</summary>
    public IReadOnlySet<string> ExplicitOptions(ParseResult parseResult) =>
        Command.Options.Where(o => parseResult.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToHashSet();
}
