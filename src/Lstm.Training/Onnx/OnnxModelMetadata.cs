using System.Globalization;
using Lstm.Training.Layers;
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
    /// <summary>The metadata layout this library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Version of Lstm.MLNet that wrote the model.</summary>
    public required string ProducerVersion { get; init; }

    /// <summary>Text or ids input.</summary>
    public required OnnxModelVariant Variant { get; init; }

    /// <summary>The network's shape and training-time dropout rates.</summary>
    public required LstmClassifierConfig Config { get; init; }

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

    /// <summary>Graph output holding the logit, float <c>[batch, 1]</c>.</summary>
    public required string LogitOutputName { get; init; }

    /// <summary>Graph output holding the probability of the positive class, float <c>[batch, 1]</c>.</summary>
    public required string ProbabilityOutputName { get; init; }

    /// <summary>Graph output holding the padded ids (int64 <c>[batch, MaxLength]</c>), or null when not exported.</summary>
    public string? TokenIdsOutputName { get; init; }

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
        if (format > CurrentFormatVersion)
            throw new InvalidDataException($"{source} was written by a newer Lstm.MLNet (metadata format {format}); this version reads format {CurrentFormatVersion}.");
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
        var metadata = new OnnxModelMetadata
        {
            ProducerVersion = reader.String(OnnxMetadataKeys.ProducerVersion),
            Variant = reader.Variant(OnnxMetadataKeys.Variant),
            Config = config,
            MaxLength = reader.Int(OnnxMetadataKeys.MaxLength, 1),
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
            LogitOutputName = reader.String(OnnxMetadataKeys.LogitOutputName),
            ProbabilityOutputName = reader.String(OnnxMetadataKeys.ProbabilityOutputName),
            TokenIdsOutputName = reader.OptionalString(OnnxMetadataKeys.TokenIdsOutputName),
        };
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
        AddInt(OnnxMetadataKeys.FormatVersion, CurrentFormatVersion);
        Add(OnnxMetadataKeys.ProducerVersion, ProducerVersion);
        Add(OnnxMetadataKeys.Variant, FormatVariant(Variant));
        AddInt(OnnxMetadataKeys.VocabularySize, Config.VocabularySize);
        AddInt(OnnxMetadataKeys.EmbeddingDim, Config.EmbeddingDim);
        AddInt(OnnxMetadataKeys.Units, Config.Units);
        Add(OnnxMetadataKeys.Dropout, Config.Dropout.ToString(CultureInfo.InvariantCulture));
        Add(OnnxMetadataKeys.RecurrentDropout, Config.RecurrentDropout.ToString(CultureInfo.InvariantCulture));
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
        Add(OnnxMetadataKeys.LogitOutputName, LogitOutputName);
        Add(OnnxMetadataKeys.ProbabilityOutputName, ProbabilityOutputName);
        if (TokenIdsOutputName is not null) Add(OnnxMetadataKeys.TokenIdsOutputName, TokenIdsOutputName);
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

        public int Int(string key, int min)
        {
            var text = String(key);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min)
                throw new InvalidDataException($"{source}: metadata key '{key}' is '{text}'; expected an integer ≥ {min}.");
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
