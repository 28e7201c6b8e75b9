using System.Text.Json;
using System.Text.Json.Serialization;
using Lstm.Cli.Data;
using Lstm.Training;
using Lstm.Training.Data;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Cli.Runs;

/// <summary>
/// <c>training.json</c>: how a run was made, so that <c>lstm evaluate</c>, <c>lstm predict</c> and
/// <c>lstm train --resume</c> can rebuild its preprocessing and data, plus its timings and final metrics.
/// Written when training starts (status "running") and again when it ends ("completed" or "interrupted").
/// </summary>
internal sealed record TrainingManifest
{
    /// <summary>Value of <see cref="Format"/>.</summary>
    public const string FormatName = "lstm-mlnet-training";

    /// <summary>Value of <see cref="Version"/> this code writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Always "lstm-mlnet-training".</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>Layout version.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>"running", "completed" or "interrupted".</summary>
    public string Status { get; init; } = "running";

    /// <summary>The process that wrote this file while training, so that a "running" status whose process is gone can be told apart; null in older files.</summary>
    public int? ProcessId { get; init; } = Environment.ProcessId;

    /// <summary>
    /// <see cref="Status"/>, except that a "running" run whose process has ended (killed before it could write its final
    /// status) is "killed".
    /// </summary>
    [JsonIgnore]
    public string EffectiveStatus => Status == "running" && ProcessId is int pid && pid != Environment.ProcessId && !ProcessState.IsRunning(pid) ? "killed" : Status;

    /// <summary>Why the run failed, when <see cref="Status"/> is "failed" (e.g. "Training diverged at epoch 1, batch 3 (loss NaN); ..."); else null.</summary>
    public string? FailureReason { get; init; }

    /// <summary>When this run (or its latest resume) started.</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>When it ended; null while running.</summary>
    public DateTimeOffset? Finished { get; init; }

    /// <summary>Checkpoint this run continued from, if any, relative to the run folder (<see cref="RunRelativePath"/>).</summary>
    public string? ResumedFrom { get; init; }

    /// <summary>The model (<c>--init-from</c>) whose weights and vocabulary this run started from, if any, relative to the run folder.</summary>
    public string? InitializedFrom { get; init; }

    /// <summary>The network's shape.</summary>
    public required LstmClassifierConfig Model { get; init; }

    /// <summary>
    /// The network of the model family (layers, pooling, task, outputs, class names); null in manifests written before
    /// the family, whose network is <see cref="Model"/>'s Embedding -> LSTM -> Dense(1, sigmoid). For such a network
    /// <see cref="Model"/> holds the same shape; for others it holds the embedding and the first layer's units and dropout.
    /// </summary>
    public NetworkSpec? Network { get; init; }

    /// <summary>Text → padded ids.</summary>
    public required PreprocessingSection Preprocessing { get; init; }

    /// <summary>Trainer settings.</summary>
    public required FitSection Training { get; init; }

    /// <summary>Where the reviews came from and how many were used.</summary>
    public required DataSection Data { get; init; }

    /// <summary>Wall times in seconds.</summary>
    public TimingSection Timings { get; init; } = new();

    /// <summary>Final metrics; null until an epoch has completed.</summary>
    public ResultSection? Result { get; init; }

    /// <summary>Where the embedding's starting vectors came from (<c>--pretrain-embedding</c>, <c>--embedding-vectors</c>); null for Keras's random initialisation.</summary>
    public string? PretrainedEmbedding { get; init; }

    /// <summary>
    /// The one evaluation on test data kept apart from selection (IMDB's test split when validation was carved from its
    /// training split), after training; null when there was none.
    /// </summary>
    public TestSection? Test { get; init; }

    /// <summary>The test evaluation after selection.</summary>
    /// <param name="Data">Which reviews, e.g. "IMDB test split".</param>
    /// <param name="Count">How many.</param>
    /// <param name="Loss">The loss.</param>
    /// <param name="Accuracy">Accuracy (classification).</param>
    /// <param name="Mae">Mean absolute error (regression).</param>
    /// <param name="Rmse">Root mean squared error (regression).</param>
    /// <param name="Note">What the figure means.</param>
    public sealed record TestSection(string Data, int Count, double Loss, double? Accuracy, double? Mae, double? Rmse, string Note);

    /// <summary>The files of the run folder, by role.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>Preprocessing settings: normaliser, vocabulary and padding.</summary>
    /// <param name="Normalizer">Text normaliser name (<see cref="TextNormalizer.Name"/>).</param>
    /// <param name="NormalizerVersion">Its version.</param>
    /// <param name="NumWords">Keras <c>num_words</c>.</param>
    /// <param name="VocabularyWords">Words actually in the vocabulary (ids 4 and up).</param>
    /// <param name="MaxLen">Padded length.</param>
    /// <param name="Padding">"pre" or "post".</param>
    /// <param name="Truncating">"pre" or "post".</param>
    /// <param name="PaddingValue">The padding id.</param>
    public sealed record PreprocessingSection(string Normalizer, int NormalizerVersion, int NumWords, int VocabularyWords, int MaxLen,
        string Padding, string Truncating, int PaddingValue)
    {
        /// <summary>The subword tokenizer (e.g. <c>o200k_base</c>) when the vocabulary holds pieces; absent (null) for words, so words runs keep their bytes.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Tokenizer { get; init; }

        /// <summary>With <see cref="Tokenizer"/>: the library and version that implements it, e.g. <c>Microsoft.ML.Tokenizers 2.0.1</c>.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? TokenizerLibrary { get; init; }
    }

    /// <summary>Trainer settings.</summary>
    /// <param name="Epochs">Planned epochs.</param>
    /// <param name="BatchSize">Batch size.</param>
    /// <param name="LearningRate">Adam learning rate.</param>
    /// <param name="Seed">Seed of everything random.</param>
    /// <param name="EarlyStoppingPatience">0 when off.</param>
    /// <param name="ClipNorm">Global gradient norm clip, if any.</param>
    /// <param name="Threads">Threads, or null for all cores.</param>
    /// <param name="ReduceLearningRatePatience">ReduceLROnPlateau patience; 0 when off.</param>
    /// <param name="ReduceLearningRateFactor">ReduceLROnPlateau factor.</param>
    public sealed record FitSection(int Epochs, int BatchSize, float LearningRate, ulong Seed, int EarlyStoppingPatience, float? ClipNorm, int? Threads,
        int ReduceLearningRatePatience = 0, float ReduceLearningRateFactor = 0.1f);

    /// <summary>The reviews.</summary>
    /// <param name="Kind">What <paramref name="Path"/> holds.</param>
    /// <param name="Path">
    /// The training data, relative to the run folder (<see cref="RunRelativePath"/>; absolute only when no relative
    /// path exists); when <paramref name="Cached"/>, the archive's file name in the IMDB cache folder.
    /// </param>
    /// <param name="Cached">True when it came from the IMDB cache.</param>
    /// <param name="ValidationPath">Validation file, if one was given, relative to the run folder like <paramref name="Path"/>.</param>
    /// <param name="ValidationSplit">Held-out fraction of a labelled file (when no validation file).</param>
    /// <param name="Validation">Description of the validation data.</param>
    /// <param name="Limit">Training subset size, if limited.</param>
    /// <param name="ValidationLimit">Validation subset size, if limited.</param>
    /// <param name="TrainCount">Training reviews used.</param>
    /// <param name="ValidationCount">Validation reviews used.</param>
    /// <param name="LabelColumn">
    /// The label's column in labelled files (<c>--label-column</c>): a header name or a 1-based index; null (files
    /// written before it was recorded) means column 1.
    /// </param>
    /// <param name="TextColumn">The text's column (<c>--text-column</c>), likewise; null means column 2.</param>
    /// <param name="Label">Which IMDB label was learned (<c>--label</c>): "sentiment" or "rating"; null (older files) means sentiment.</param>
    /// <param name="TaskReason">How the task was chosen, e.g. "multi-class: 8 distinct labels (1, 2, 3, 4, 7, 8, 9, 10)".</param>
    /// <param name="ValidationFromTraining">True when IMDB's validation reviews were carved from its training split (the run selected); null or false otherwise.</param>
    /// <param name="SelectOnTest">True when <c>--select-on-test</c> let the run select on IMDB's test split; null or false otherwise.</param>
    public sealed record DataSection(DataKind Kind, string Path, bool Cached, string? ValidationPath, double ValidationSplit, string Validation,
        int? Limit, int? ValidationLimit, int TrainCount, int ValidationCount, string? LabelColumn = null, string? TextColumn = null,
        string? Label = null, string? TaskReason = null, bool? ValidationFromTraining = null, bool? SelectOnTest = null)
    {
        /// <summary>The columns labelled files were read with: <see cref="LabelColumn"/> and <see cref="TextColumn"/>, defaults where null.</summary>
        public LabelledTextFileOptions ToColumns() => new()
        {
            LabelColumn = LabelColumn ?? LabelledTextFileOptions.DefaultLabelColumn,
            TextColumn = TextColumn ?? LabelledTextFileOptions.DefaultTextColumn,
        };
    }

    /// <summary>Wall times in seconds.</summary>
    public sealed record TimingSection
    {
        /// <summary>Reading the reviews.</summary>
        public double DataLoadSeconds { get; init; }

        /// <summary>Tokenising, building the vocabulary, encoding and padding.</summary>
        public double PreprocessingSeconds { get; init; }

        /// <summary>Learning or reading the embedding's starting vectors (<c>--pretrain-embedding</c>, <c>--embedding-vectors</c>); null without them.</summary>
        public double? EmbeddingPretrainingSeconds { get; init; }

        /// <summary>Training and validation over all epochs so far, including before a resume.</summary>
        public double TrainingSeconds { get; init; }

        /// <summary>This invocation, start to end.</summary>
        public double TotalSeconds { get; init; }

        /// <summary>Mean training throughput over all epochs, reviews per second.</summary>
        public double ReviewsPerSecond { get; init; }
    }

    /// <summary>Final metrics.</summary>
    /// <param name="EpochsCompleted">Epochs in the history.</param>
    /// <param name="StoppedEarly">True when early stopping ended the run.</param>
    /// <param name="RestoredEpoch">Epoch whose weights the model holds after early stopping, if restored.</param>
    /// <param name="Loss">Training loss of the epoch whose weights the model holds (the restored epoch, else the last).</param>
    /// <param name="Accuracy">Training accuracy of that epoch.</param>
    /// <param name="ValLoss">Validation loss of that epoch.</param>
    /// <param name="ValAccuracy">Validation accuracy of that epoch.</param>
    /// <param name="Mae">Training mean absolute error of that epoch (regression).</param>
    /// <param name="ValMae">Validation mean absolute error of that epoch (regression).</param>
    public sealed record ResultSection(int EpochsCompleted, bool StoppedEarly, int? RestoredEpoch, double Loss, double? Accuracy, double? ValLoss, double? ValAccuracy,
        double? Mae = null, double? ValMae = null)
    {
        /// <summary>
        /// The metrics of the epoch whose weights the model holds: the epoch early stopping restored, else the last;
        /// null when <paramref name="history"/> has no epoch.
        /// </summary>
        public static ResultSection? From(History history)
        {
            if (history.Epochs.Count == 0) return null;
            var last = history.Epochs[(history.RestoredEpoch ?? history.Epochs.Count) - 1];
            bool regression = last.MeanAbsoluteError is not null;
            return new ResultSection(history.Epochs.Count, history.StoppedEarly, history.RestoredEpoch, last.Loss, regression ? null : last.Accuracy, last.ValLoss,
                regression ? null : last.ValAccuracy, last.MeanAbsoluteError, last.ValMeanAbsoluteError);
        }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// The settings of the run, for <c>--resume</c>: the data paths resolved against <paramref name="runDirectory"/>
    /// (the folder this manifest is in; see <see cref="RunRelativePath.Resolve"/>), null for cached IMDB data; output
    /// folder and resume path unset.
    /// </summary>
    public TrainSettings ToSettings(string runDirectory) => new()
    {
        DataPath = Data.Cached ? null : RunRelativePath.Resolve(Data.Path, runDirectory),
        ValidationPath = Data.ValidationPath is { } validation ? RunRelativePath.Resolve(validation, runDirectory) : null,
        ValidationSplit = Data.ValidationSplit,
        ValidationFromTraining = Data.ValidationFromTraining ?? false,
        SelectOnTest = Data.SelectOnTest ?? false,
        Limit = Data.Limit,
        ValidationLimit = Data.ValidationLimit,
        LabelColumn = Data.ToColumns().LabelColumn,
        TextColumn = Data.ToColumns().TextColumn,
        NumWords = Preprocessing.NumWords,
        MaxLen = Preprocessing.MaxLen,
        Task = Network?.Task,
        ImdbLabel = Data.Label ?? TrainSettings.SentimentLabel,
        Cell = Network?.Recurrent[0].Kind ?? RecurrentKind.Lstm,
        Layers = Network?.Recurrent.Count ?? 1,
        Bidirectional = Network?.Recurrent[0].Bidirectional ?? false,
        Pooling = Network?.Pooling ?? PoolingKind.Last,
        MaskPadding = Network?.MaskZero ?? false,
        EmbeddingDim = Model.EmbeddingDim,
        Units = Model.Units,
        Dropout = Model.Dropout,
        RecurrentDropout = Model.RecurrentDropout,
        Epochs = Training.Epochs,
        BatchSize = Training.BatchSize,
        LearningRate = Training.LearningRate,
        Seed = Training.Seed,
        Threads = Training.Threads,
        EarlyStoppingPatience = Training.EarlyStoppingPatience,
        ReduceLearningRatePatience = Training.ReduceLearningRatePatience,
        ReduceLearningRateFactor = Training.ReduceLearningRateFactor,
        ClipNorm = Training.ClipNorm,
    };

    /// <summary>The JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes the JSON atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a training manifest of a supported version; the message names the file.</exception>
    public static TrainingManifest Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: not found; it is written by 'lstm train' next to model.lstm.", path);
        string json = File.ReadAllText(path);
        try
        {
            using (var document = JsonDocument.Parse(json))
            {
                var root = document.RootElement;
                string? format = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                if (format != FormatName)
                    throw new InvalidDataException($"{path}: expected \"format\": \"{FormatName}\", found {(format is null ? "none" : $"\"{format}\"")}; this is not a training.json written by 'lstm train'.");
                if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int version) || version != CurrentVersion)
                    throw new InvalidDataException($"{path}: training manifest version {(root.TryGetProperty("version", out var raw) ? raw.GetRawText() : "missing")} is not supported; this lstm reads version {CurrentVersion}.");
            }
            return JsonSerializer.Deserialize<TrainingManifest>(json, Json) ?? throw new InvalidDataException($"{path}: the training manifest is null.");
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $":{line + 1}:{e.BytePositionInLine + 1}" : "";
            string message = e.Message;
            int position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (position > 0) message = message[..position].TrimEnd(' ', '|');
            throw new InvalidDataException($"{path}{where}: not a valid training manifest: {message}", e);
        }
    }
}
