using System.Globalization;
using System.Text.Json;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Onnx.Proto;
using Lstm.Training.Text;

namespace Lstm.Training.Onnx;

/// <summary>
/// What a reader needs to use an ONNX model written by <see cref="OnnxExporter"/>: the network's shape, how text
/// becomes ids, and the graph's input and output names, read from the model's <c>metadata_props</c>
/// (keys in <see cref="OnnxMetadataKeys"/>).
/// </summary>
public sealed record OnnxModelMetadata
{
    /// <summary>The newest metadata layout this library writes and reads: 2, used for every network but the seed's shape.</summary>
    public const int CurrentFormatVersion = 2;

    /// <summary>The layout of a network of the seed's shape (Embedding → LSTM → Dense(1, sigmoid)), kept so that every version reads those files.</summary>
    public const int SeedFormatVersion = 1;

    /// <summary>The layout of a subword model (any network): format 2's keys plus the tokenizer's (<see cref="OnnxMetadataKeys.TokenizerName"/>); always the ids variant.</summary>
    public const int SubwordFormatVersion = 3;

    /// <summary>
    /// The layout of a numeric-series (forecast) model written by <see cref="OnnxExporter.ExportSeries"/>: task
    /// <see cref="ForecastTask"/>, the <c>lstm_mlnet.series.*</c> keys, no vocabulary. This record does not describe
    /// such files and refuses them naming <see cref="OnnxSeriesImporter"/>, which reads them.
    /// </summary>
    public const int SeriesFormatVersion = 4;

    /// <summary>The value of <see cref="OnnxMetadataKeys.Task"/> in a numeric-series model (format <see cref="SeriesFormatVersion"/>).</summary>
    public const string ForecastTask = "forecast";

    /// <summary>The value of <see cref="OnnxMetadataKeys.Layout"/> for a graph that reads every padding step (written as the key's absence).</summary>
    public const string PaddedLayout = "padded";

    /// <summary>The value of <see cref="OnnxMetadataKeys.Layout"/> for a padding-free graph.</summary>
    public const string PaddingFreeLayout = "padding-free";

    private readonly NetworkSpec? _network;

    /// <summary>Version of Lstm.MLNet that wrote the model.</summary>
    public required string ProducerVersion { get; init; }

    /// <summary>Text or ids input.</summary>
    public required OnnxModelVariant Variant { get; init; }

    /// <summary>
    /// The values of the format-1 keys: for the seed's shape the whole network and its training-time dropout rates;
    /// for any other network only the embedding and the first recurrent layer's units and dropout rates (see <see cref="Network"/>).
    /// </summary>
    public required LstmClassifierConfig Config { get; init; }

    /// <summary>The whole network (layers, pooling, task, class names); for a format-1 file, the seed's shape built from <see cref="Config"/>.</summary>
    public NetworkSpec Network
    {
        get => _network ?? NetworkSpec.FromClassifierConfig(Config);
        init => _network = value;
    }

    /// <summary>The metadata layout the file has (or is written with): <see cref="SeedFormatVersion"/> for the seed's shape, else <see cref="CurrentFormatVersion"/>.</summary>
    public int FormatVersion => Tokenizer != SubwordTokenizer.Words ? SubwordFormatVersion : Network.IsClassifierShape ? SeedFormatVersion : CurrentFormatVersion;

    /// <summary><c>words</c>, or the subword tokenizer whose piece ids the vocabulary maps (e.g. <c>o200k_base</c>; format 3).</summary>
    public string Tokenizer { get; init; } = SubwordTokenizer.Words;

    /// <summary>Subword models: the library of <see cref="Tokenizer"/> (<c>Microsoft.ML.Tokenizers</c>); null for words.</summary>
    public string? TokenizerLibrary { get; init; }

    /// <summary>Subword models: the version of that library the vocabulary was built with; null for words.</summary>
    public string? TokenizerVersion { get; init; }

    /// <summary>Sequence length (Keras <c>maxlen</c>), counting the start id.</summary>
    public required int MaxLength { get; init; }

    /// <summary>Where padding zeros go.</summary>
    public required PaddingSide Padding { get; init; }

    /// <summary>Which end of a long sequence is dropped.</summary>
    public required PaddingSide Truncating { get; init; }

    /// <summary>Padding id (Keras: 0).</summary>
    public required int PaddingId { get; init; }

    /// <summary>Start-of-sequence id (Keras: 1).</summary>
    public required int StartId { get; init; }

    /// <summary>Out-of-vocabulary id (Keras: 2).</summary>
    public required int OovId { get; init; }

    /// <summary>Keras <c>index_from</c> (3): rank r has id r + IndexFrom.</summary>
    public required int IndexFrom { get; init; }

    /// <summary>Keras <c>num_words</c>: ids are below it.</summary>
    public required int NumWords { get; init; }

    /// <summary>Number of vocabulary words the model maps.</summary>
    public required int VocabularyWordCount { get; init; }

    /// <summary>Name of the normaliser whose output the text input expects.</summary>
    public required string NormalizerName { get; init; }

    /// <summary>Version of that normaliser.</summary>
    public required int NormalizerVersion { get; init; }

    /// <summary>Human-readable rule of that normaliser.</summary>
    public required string NormalizerRule { get; init; }

    /// <summary>Graph input name: <c>text</c> (string <c>[batch, 1]</c>) or <c>input_ids</c> (int64 <c>[batch, sequence]</c>).</summary>
    public required string InputName { get; init; }

    /// <summary>Graph output holding the logit, float <c>[batch, 1]</c> (multi-class: <c>[batch, classes]</c>); null for regression.</summary>
    public required string? LogitOutputName { get; init; }

    /// <summary>Graph output holding the probability of the positive class, float <c>[batch, 1]</c> (multi-class: each class's, <c>[batch, classes]</c>); null for regression.</summary>
    public required string? ProbabilityOutputName { get; init; }

    /// <summary>Regression only: graph output holding the values, float <c>[batch, outputs]</c>; null otherwise.</summary>
    public string? ValueOutputName { get; init; }

    /// <summary>Graph output holding the padded ids (int64 <c>[batch, MaxLength]</c>), or null when not exported.</summary>
    public string? TokenIdsOutputName { get; init; }

    /// <summary>
    /// True when the graph is padding-free (<see cref="OnnxMetadataKeys.Layout"/> <c>padding-free</c>): it reads each
    /// row's real ids only and starts the LSTM from the stored state after the row's padding. False (the key absent or
    /// <c>padded</c>): every step is read. Either gives the same results.
    /// </summary>
    public bool PaddingFree { get; init; }

    /// <summary>Reads the metadata of the ONNX model at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an ONNX model written by Lstm.MLNet; the message says why.</exception>
    public static OnnxModelMetadata ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads the metadata of a serialized ONNX model; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model written by Lstm.MLNet; the message says why.</exception>
    public static OnnxModelMetadata Read(byte[] model, string source = "ONNX model")
    {
        ArgumentNullException.ThrowIfNull(model);
        return FromModel(OnnxModelParser.Parse(model, source), source);
    }

    /// <summary>
    /// Reads the metadata from a model's producer name and <c>metadata_props</c>, e.g. ONNX Runtime's
    /// <c>ModelMetadata.ProducerName</c> and <c>CustomMetadataMap</c>; <paramref name="source"/> names the model in errors.
    /// </summary>
    /// <exception cref="InvalidDataException">A key is missing or malformed, or the producer is not Lstm.MLNet.</exception>
    public static OnnxModelMetadata FromProperties(string producerName, IReadOnlyDictionary<string, string> properties, string source = "ONNX model")
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (producerName != OnnxMetadataKeys.ProducerName)
            throw new InvalidDataException($"{source} was not written by Lstm.MLNet: its producer_name is '{producerName}', expected '{OnnxMetadataKeys.ProducerName}'.");
        var reader = new PropertyReader(properties, source);
        int format = reader.Int(OnnxMetadataKeys.FormatVersion, 1);
        if (format == SeriesFormatVersion)
            throw new InvalidDataException(
                $"{source} is a numeric-series forecast model (metadata format {SeriesFormatVersion}, task '{ForecastTask}'), not a text or token-id model (formats {SeedFormatVersion}-{SubwordFormatVersion}): read it with OnnxSeriesImporter.");
        if (format > SubwordFormatVersion)
            throw new InvalidDataException($"{source} was written by a newer Lstm.MLNet (metadata format {format}); this version reads format {SubwordFormatVersion} (and format {SeriesFormatVersion}, numeric-series models, with OnnxSeriesImporter).");
        LstmClassifierConfig config;
        try
        {
            config = new LstmClassifierConfig
            {
                VocabularySize = reader.Int(OnnxMetadataKeys.VocabularySize, 4),
                EmbeddingDim = reader.Int(OnnxMetadataKeys.EmbeddingDim, 1),
                Units = reader.Int(OnnxMetadataKeys.Units, 1),
                Dropout = reader.Float(OnnxMetadataKeys.Dropout),
                RecurrentDropout = reader.Float(OnnxMetadataKeys.RecurrentDropout),
            };
            config.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException($"{source}: invalid network configuration in metadata: {e.Message}", e);
        }
        var network = format >= CurrentFormatVersion ? ReadNetwork(reader, config, source, allowClassifierShape: format == SubwordFormatVersion) : null;
        var metadata = new OnnxModelMetadata
        {
            ProducerVersion = reader.String(OnnxMetadataKeys.ProducerVersion),
            Variant = reader.Variant(OnnxMetadataKeys.Variant),
            Config = config,
            MaxLength = reader.Int(OnnxMetadataKeys.MaxLength, 1, Models.TextVectorizer.MaxMaxLength),
            Padding = reader.Side(OnnxMetadataKeys.Padding),
            Truncating = reader.Side(OnnxMetadataKeys.Truncating),
            PaddingId = reader.Int(OnnxMetadataKeys.PaddingId, 0),
            StartId = reader.Int(OnnxMetadataKeys.StartId, 0),
            OovId = reader.Int(OnnxMetadataKeys.OovId, 0),
            IndexFrom = reader.Int(OnnxMetadataKeys.IndexFrom, 0),
            NumWords = reader.Int(OnnxMetadataKeys.NumWords, 0),
            VocabularyWordCount = reader.Int(OnnxMetadataKeys.VocabularyWordCount, 0),
            NormalizerName = reader.String(OnnxMetadataKeys.NormalizerName),
            NormalizerVersion = reader.Int(OnnxMetadataKeys.NormalizerVersion, 1),
            NormalizerRule = reader.String(OnnxMetadataKeys.NormalizerRule, allowEmpty: true),
            InputName = reader.String(OnnxMetadataKeys.InputName),
            LogitOutputName = network?.Task == TaskKind.Regression ? null : reader.String(OnnxMetadataKeys.LogitOutputName),
            ProbabilityOutputName = network?.Task == TaskKind.Regression ? null : reader.String(OnnxMetadataKeys.ProbabilityOutputName),
            ValueOutputName = network?.Task == TaskKind.Regression ? reader.String(OnnxMetadataKeys.ValueOutputName) : null,
            TokenIdsOutputName = reader.OptionalString(OnnxMetadataKeys.TokenIdsOutputName),
            PaddingFree = reader.OptionalString(OnnxMetadataKeys.Layout) switch
            {
                null or PaddedLayout => false,
                PaddingFreeLayout => true,
                var other => throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.Layout}' is '{other}'; expected '{PaddedLayout}' or '{PaddingFreeLayout}'."),
            },
        };
        if (network is not null) metadata = metadata with { Network = network };
        if (format == SubwordFormatVersion) metadata = ReadTokenizer(reader, metadata, source);
        else if (reader.OptionalString(OnnxMetadataKeys.TokenizerName) is { } stray)
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.TokenizerName}' is '{stray}' in a format-{format} file; subword models are format {SubwordFormatVersion}.");
        if (metadata.NumWords > config.VocabularySize)
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.NumWords}' is {metadata.NumWords}, more than the embedding's {config.VocabularySize} rows.");
        return metadata;
    }

    /// <summary>The <c>metadata_props</c> entries this record is written as, in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToProperties()
    {
        var list = new List<KeyValuePair<string, string>>();
        void Add(string key, string value) => list.Add(new(key, value));
        void AddInt(string key, int value) => Add(key, value.ToString(CultureInfo.InvariantCulture));
        AddInt(OnnxMetadataKeys.FormatVersion, FormatVersion);
        Add(OnnxMetadataKeys.ProducerVersion, ProducerVersion);
        Add(OnnxMetadataKeys.Variant, FormatVariant(Variant));
        AddInt(OnnxMetadataKeys.VocabularySize, Config.VocabularySize);
        AddInt(OnnxMetadataKeys.EmbeddingDim, Config.EmbeddingDim);
        AddInt(OnnxMetadataKeys.Units, Config.Units);
        Add(OnnxMetadataKeys.Dropout, Config.Dropout.ToString(CultureInfo.InvariantCulture));
        Add(OnnxMetadataKeys.RecurrentDropout, Config.RecurrentDropout.ToString(CultureInfo.InvariantCulture));
        if (FormatVersion != SeedFormatVersion)
        {
            Add(OnnxMetadataKeys.Task, FormatTask(Network.Task));
            Add(OnnxMetadataKeys.Network, SequenceNetwork.SpecToJson(Network));
            if (Network.ClassNames is { } names) Add(OnnxMetadataKeys.ClassNames, JsonSerializer.Serialize(names));
        }
        AddInt(OnnxMetadataKeys.MaxLength, MaxLength);
        Add(OnnxMetadataKeys.Padding, FormatSide(Padding));
        Add(OnnxMetadataKeys.Truncating, FormatSide(Truncating));
        AddInt(OnnxMetadataKeys.PaddingId, PaddingId);
        AddInt(OnnxMetadataKeys.StartId, StartId);
        AddInt(OnnxMetadataKeys.OovId, OovId);
        AddInt(OnnxMetadataKeys.IndexFrom, IndexFrom);
        AddInt(OnnxMetadataKeys.NumWords, NumWords);
        AddInt(OnnxMetadataKeys.VocabularyWordCount, VocabularyWordCount);
        Add(OnnxMetadataKeys.NormalizerName, NormalizerName);
        AddInt(OnnxMetadataKeys.NormalizerVersion, NormalizerVersion);
        Add(OnnxMetadataKeys.NormalizerRule, NormalizerRule);
        Add(OnnxMetadataKeys.InputName, InputName);
        if (LogitOutputName is not null) Add(OnnxMetadataKeys.LogitOutputName, LogitOutputName);
        if (ProbabilityOutputName is not null) Add(OnnxMetadataKeys.ProbabilityOutputName, ProbabilityOutputName);
        if (ValueOutputName is not null) Add(OnnxMetadataKeys.ValueOutputName, ValueOutputName);
        if (TokenIdsOutputName is not null) Add(OnnxMetadataKeys.TokenIdsOutputName, TokenIdsOutputName);
        if (PaddingFree) Add(OnnxMetadataKeys.Layout, PaddingFreeLayout);
        if (Tokenizer != SubwordTokenizer.Words)
        {
            Add(OnnxMetadataKeys.TokenizerName, Tokenizer);
            Add(OnnxMetadataKeys.TokenizerLibrary, TokenizerLibrary ?? SubwordTokenizer.Library);
            Add(OnnxMetadataKeys.TokenizerVersion, TokenizerVersion ?? SubwordTokenizer.LibraryVersion);
        }
        return list;
    }

    internal static OnnxModelMetadata FromModel(ModelProto model, string source)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in model.MetadataProps)
        {
            if (!properties.TryAdd(entry.Key, entry.Value))
                throw new InvalidDataException($"{source}: metadata key '{entry.Key}' appears more than once.");
        }
        return FromProperties(model.ProducerName, properties, source);
    }

    /// <summary>
    /// Format 2's network, checked against the keys that also describe it: a file whose keys disagree was edited by
    /// hand or not written by this library, and which of them the graph follows cannot be known.
    /// </summary>
    private static OnnxModelMetadata ReadTokenizer(PropertyReader reader, OnnxModelMetadata metadata, string source)
    {
        string name = reader.String(OnnxMetadataKeys.TokenizerName);
        if (!SubwordTokenizer.IsSubword(name))
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.TokenizerName}' is '{name}'; this library implements the subword tokenizer '{SubwordTokenizer.O200kBase}'.");
        string library = reader.String(OnnxMetadataKeys.TokenizerLibrary);
        if (library != SubwordTokenizer.Library)
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.TokenizerLibrary}' is '{library}'; this library uses {SubwordTokenizer.Library}.");
        if (metadata.Variant != OnnxModelVariant.Ids)
            throw new InvalidDataException($"{source}: a subword model must be the ids variant; its metadata says '{FormatVariant(metadata.Variant)}'.");
        return metadata with { Tokenizer = name, TokenizerLibrary = library, TokenizerVersion = reader.String(OnnxMetadataKeys.TokenizerVersion) };
    }

    private static NetworkSpec ReadNetwork(PropertyReader reader, LstmClassifierConfig config, string source, bool allowClassifierShape)
    {
        var network = SequenceNetwork.SpecFromJson(reader.String(OnnxMetadataKeys.Network), $"{source}: metadata key '{OnnxMetadataKeys.Network}'");
        string task = reader.String(OnnxMetadataKeys.Task);
        if (task != FormatTask(network.Task))
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.Task}' is '{task}'; the network is {network.Describe()} ({FormatTask(network.Task)}).");
        var first = network.Recurrent[0];
        var fromNetwork = (network.VocabularySize, network.EmbeddingDim, first.Units, first.Dropout, first.RecurrentDropout);
        var fromKeys = (config.VocabularySize, config.EmbeddingDim, config.Units, config.Dropout, config.RecurrentDropout);
        if (fromNetwork != fromKeys)
            throw new InvalidDataException($"{source}: metadata keys (vocabulary_size, embedding_dim, units, dropout, recurrent_dropout) = {fromKeys} disagree with the network's {fromNetwork}.");
        string? namesJson = reader.OptionalString(OnnxMetadataKeys.ClassNames);
        string[]? names;
        try
        {
            names = namesJson is null ? null : JsonSerializer.Deserialize<string[]>(namesJson);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.ClassNames}' is not a JSON array of strings: {e.Message}", e);
        }
        if ((names is null) != (network.ClassNames is null) || (names is not null && !names.SequenceEqual(network.ClassNames!, StringComparer.Ordinal)))
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.ClassNames}' ({namesJson ?? "absent"}) disagrees with the network's class names.");
        if (network.IsClassifierShape && !allowClassifierShape)
            throw new InvalidDataException($"{source}: is format {CurrentFormatVersion} but holds the seed's shape, which Lstm.MLNet writes as format {SeedFormatVersion}.");
        return network;
    }

    internal static string FormatTask(TaskKind task) => task switch
    {
        TaskKind.BinaryClassification => "binary_classification",
        TaskKind.MulticlassClassification => "multiclass_classification",
        _ => "regression",
    };

    internal static string FormatVariant(OnnxModelVariant variant) => variant == OnnxModelVariant.Text ? "text" : "ids";

    internal static string FormatSide(PaddingSide side) => side == PaddingSide.Pre ? "pre" : "post";

    private sealed class PropertyReader(IReadOnlyDictionary<string, string> properties, string source)
    {
        public string String(string key, bool allowEmpty = false)
        {
            if (!properties.TryGetValue(key, out var value))
                throw new InvalidDataException($"{source} was not written by Lstm.MLNet: metadata key '{key}' is missing.");
            if (!allowEmpty && string.IsNullOrEmpty(value))
                throw new InvalidDataException($"{source}: metadata key '{key}' is empty.");
            return value;
        }

        public string? OptionalString(string key) => properties.TryGetValue(key, out var value) ? value : null;

        public int Int(string key, int min, int max = int.MaxValue)
        {
            var text = String(key);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
                throw new InvalidDataException(max == int.MaxValue
                    ? $"{source}: metadata key '{key}' is '{text}'; expected an integer ≥ {min}."
                    : $"{source}: metadata key '{key}' is '{text}'; expected an integer from {min} to {max}.");
            return value;
        }

        public float Float(string key)
        {
            var text = String(key);
            if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
                throw new InvalidDataException($"{source}: metadata key '{key}' is '{text}'; expected a number.");
            return value;
        }

        public PaddingSide Side(string key) => String(key) switch
        {
            "pre" => PaddingSide.Pre,
            "post" => PaddingSide.Post,
            var other => throw new InvalidDataException($"{source}: metadata key '{key}' is '{other}'; expected 'pre' or 'post'."),
        };

        public OnnxModelVariant Variant(string key) => String(key) switch
        {
            "text" => OnnxModelVariant.Text,
            "ids" => OnnxModelVariant.Ids,
            var other => throw new InvalidDataException($"{source}: metadata key '{key}' is '{other}'; expected 'text' or 'ids'."),
        };
    }
}
