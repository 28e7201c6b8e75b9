using System.Globalization;
using System.Text.Json.Serialization;
using Lstm.Training.Layers;

namespace Lstm.Training.Models;

/// <summary>
/// A network of the family, as Keras would write it: <c>Embedding(input_dim, output_dim, mask_zero)</c> → one or more
/// recurrent layers (<see cref="RecurrentLayerSpec"/>, stacked with <c>return_sequences=True</c>) → the last state or a
/// global pooling over time → <c>Dense</c> with the task's activation. Every default is the seed's
/// <c>Embedding(10000, 128) → LSTM(128, dropout=0.2, recurrent_dropout=0.2) → Dense(1, sigmoid)</c>.
/// </summary>
public sealed record NetworkSpec
{
    /// <summary>Largest hidden size a layer may have (larger ones cannot be trained on 24 GB).</summary>
    public const int MaxUnits = 8192;

    /// <summary>Largest embedding width.</summary>
    public const int MaxEmbeddingDim = 8192;

    /// <summary>Most recurrent layers a network may stack.</summary>
    public const int MaxLayers = 16;

    /// <summary>Largest vocabulary (embedding rows).</summary>
    public const int MaxVocabularySize = 10_000_000;

    /// <summary>Largest number of outputs (classes or regression targets).</summary>
    public const int MaxOutputs = 100_000;

    /// <summary>
    /// Numbers per step of a numeric sequence (Keras <c>Input(shape=(steps, features))</c>, e.g. a window of a time
    /// series); the first recurrent layer reads them directly, without an embedding, and
    /// <see cref="VocabularySize"/> and <see cref="EmbeddingDim"/> must be 0 (see <see cref="ForFeatures"/>).
    /// Default 0: the input is token ids read through the embedding.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int InputFeatures { get; init; }

    /// <summary>True when the network reads numeric sequences (<see cref="InputFeatures"/> &gt; 0) rather than token ids.</summary>
    [JsonIgnore]
    public bool IsNumeric => InputFeatures > 0;

    /// <summary>Numbers per step the first recurrent layer reads: <see cref="InputFeatures"/>, or <see cref="EmbeddingDim"/> for token ids.</summary>
    [JsonIgnore]
    public int InputWidth => IsNumeric ? InputFeatures : EmbeddingDim;

    /// <summary>
    /// A network reading <paramref name="features"/> numbers per step, with a regression head of
    /// <paramref name="outputs"/> values (e.g. a forecast horizon); the recurrent layers are the seed's unless changed with <c>with</c>.
    /// </summary>
    public static NetworkSpec ForFeatures(int features, int outputs = 1) => new()
    {
        InputFeatures = features,
        VocabularySize = 0,
        EmbeddingDim = 0,
        Task = TaskKind.Regression,
        Outputs = outputs,
    };

    /// <summary>Rows of the embedding matrix (Keras <c>input_dim</c>); ids must be below it. Default 10,000.</summary>
    public int VocabularySize { get; init; } = SeedDefaults.NumWords;

    /// <summary>Width of each embedding vector (Keras <c>output_dim</c>). Default 128.</summary>
    public int EmbeddingDim { get; init; } = SeedDefaults.EmbeddingDim;

    /// <summary>
    /// Keras <c>mask_zero</c>: steps whose id is 0 (padding) neither update any recurrent state nor count in pooling.
    /// Default false (the seed's network reads its padding).
    /// </summary>
    public bool MaskZero { get; init; }

    /// <summary>The recurrent layers, input side first. Default: one seed LSTM.</summary>
    public IReadOnlyList<RecurrentLayerSpec> Recurrent { get; init; } = [new RecurrentLayerSpec()];

    /// <summary>What the head reads over time. Default <see cref="PoolingKind.Last"/>.</summary>
    public PoolingKind Pooling { get; init; } = PoolingKind.Last;

    /// <summary>The head's task. Default <see cref="TaskKind.BinaryClassification"/>.</summary>
    public TaskKind Task { get; init; } = TaskKind.BinaryClassification;

    /// <summary>Units of the Dense head: 1 for binary, the number of classes for multi-class, the number of targets for regression. Default 1.</summary>
    public int Outputs { get; init; } = 1;

    /// <summary>Names of the classes, one per output, for multi-class models (e.g. "1", "2", … "10"); null otherwise.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Width of the pooled features the head reads: the last layer's units × directions.</summary>
    [JsonIgnore]
    public int FeatureWidth => Recurrent[^1].OutputWidth;

    /// <summary>The seed's network (every default).</summary>
    public static NetworkSpec Seed { get; } = new();

    /// <summary>A network of the seed's shape from an <see cref="LstmClassifierConfig"/>.</summary>
    public static NetworkSpec FromClassifierConfig(LstmClassifierConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new NetworkSpec
        {
            VocabularySize = config.VocabularySize,
            EmbeddingDim = config.EmbeddingDim,
            Recurrent = [new RecurrentLayerSpec { Units = config.Units, Dropout = config.Dropout, RecurrentDropout = config.RecurrentDropout }],
        };
    }

    /// <summary>
    /// True when this is Embedding → one forward LSTM → Dense(1, sigmoid) without masking: the shape
    /// <see cref="LstmClassifier"/> implements with its own kernels (and which trains bit for bit as before).
    /// </summary>
    [JsonIgnore]
    public bool IsClassifierShape =>
        !IsNumeric && !MaskZero && Pooling == PoolingKind.Last && Task == TaskKind.BinaryClassification && Outputs == 1
        && Recurrent.Count == 1 && Recurrent[0] is { Kind: RecurrentKind.Lstm, Bidirectional: false };

    /// <summary>The <see cref="LstmClassifierConfig"/> of a network of <see cref="IsClassifierShape"/>.</summary>
    /// <exception cref="InvalidOperationException">The network has another shape.</exception>
    public LstmClassifierConfig ToClassifierConfig()
    {
        if (!IsClassifierShape) throw new InvalidOperationException($"{Describe()} is not Embedding -> LSTM -> Dense(1, sigmoid).");
        return FirstLayerConfig();
    }

    /// <summary>
    /// The embedding and the first recurrent layer's units and dropout rates as an <see cref="LstmClassifierConfig"/>:
    /// what files written before the family (format-1 ONNX metadata, <c>training.json</c>'s "model") record, and
    /// exactly the network for one of <see cref="IsClassifierShape"/>.
    /// </summary>
    public LstmClassifierConfig FirstLayerConfig()
    {
        var first = Recurrent[0];
        return new LstmClassifierConfig { VocabularySize = VocabularySize, EmbeddingDim = EmbeddingDim, Units = first.Units, Dropout = first.Dropout, RecurrentDropout = first.RecurrentDropout };
    }

    /// <summary>Throws <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (InputFeatures < 0) throw new ArgumentOutOfRangeException(nameof(InputFeatures), InputFeatures, "InputFeatures must be 0 (token ids) or the number of values per step.");
        if (IsNumeric)
        {
            if (InputFeatures > MaxEmbeddingDim) throw new ArgumentOutOfRangeException(nameof(InputFeatures), InputFeatures, $"InputFeatures must be at most {MaxEmbeddingDim}.");
            if (VocabularySize != 0 || EmbeddingDim != 0)
                throw new ArgumentException($"A numeric network (InputFeatures {InputFeatures}) has no embedding: VocabularySize and EmbeddingDim must be 0, not {VocabularySize} and {EmbeddingDim} (NetworkSpec.ForFeatures sets them).", nameof(InputFeatures));
            if (MaskZero) throw new ArgumentException("MaskZero masks token id 0; a numeric network has no ids (mark missing values with an indicator feature instead).", nameof(MaskZero));
        }
        else ValidateEmbedding();
        ValidateLayersAndHead();
    }

    private void ValidateEmbedding()
    {
        if (VocabularySize < SeedDefaults.MinimumNumWords) throw new ArgumentOutOfRangeException(nameof(VocabularySize), VocabularySize, $"VocabularySize must be at least {SeedDefaults.MinimumNumWords} (ids 0-3 are reserved).");
        if (VocabularySize > MaxVocabularySize) throw new ArgumentOutOfRangeException(nameof(VocabularySize), VocabularySize, $"VocabularySize must be at most {MaxVocabularySize:N0}.");
        if (EmbeddingDim is < 1 or > MaxEmbeddingDim) throw new ArgumentOutOfRangeException(nameof(EmbeddingDim), EmbeddingDim, $"EmbeddingDim must be in [1, {MaxEmbeddingDim}].");
        if ((long)VocabularySize * EmbeddingDim > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(VocabularySize), VocabularySize, $"VocabularySize x EmbeddingDim ({(long)VocabularySize * EmbeddingDim:N0}) is more values than one array holds.");
    }

    private void ValidateLayersAndHead()
    {
        if (Recurrent is null || Recurrent.Count == 0) throw new ArgumentException("A network needs at least one recurrent layer.", nameof(Recurrent));
        if (Recurrent.Count > MaxLayers) throw new ArgumentOutOfRangeException(nameof(Recurrent), Recurrent.Count, $"At most {MaxLayers} recurrent layers can be stacked.");
        for (int i = 0; i < Recurrent.Count; i++)
        {
            if (Recurrent[i] is null) throw new ArgumentException($"Recurrent[{i}] is null.", nameof(Recurrent));
            Recurrent[i].Validate(i);
        }
        if (!Enum.IsDefined(Pooling)) throw new ArgumentOutOfRangeException(nameof(Pooling), Pooling, "Pooling must be Last, Max or Mean.");
        switch (Task)
        {
            case TaskKind.BinaryClassification when Outputs != 1:
                throw new ArgumentOutOfRangeException(nameof(Outputs), Outputs, "A binary classifier has 1 output.");
            case TaskKind.MulticlassClassification when Outputs < 2:
                throw new ArgumentOutOfRangeException(nameof(Outputs), Outputs, "A multi-class classifier needs at least 2 classes.");
            case TaskKind.Regression when Outputs < 1:
                throw new ArgumentOutOfRangeException(nameof(Outputs), Outputs, "A regression head needs at least 1 output.");
            case TaskKind.BinaryClassification or TaskKind.MulticlassClassification or TaskKind.Regression:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(Task), Task, "Task must be BinaryClassification, MulticlassClassification or Regression.");
        }
        if (Outputs > MaxOutputs) throw new ArgumentOutOfRangeException(nameof(Outputs), Outputs, $"Outputs must be at most {MaxOutputs}.");
        if (ClassNames is not null)
        {
            if (Task != TaskKind.MulticlassClassification) throw new ArgumentException("ClassNames are for multi-class models only.", nameof(ClassNames));
            if (ClassNames.Count != Outputs) throw new ArgumentException($"{ClassNames.Count} class names for {Outputs} outputs.", nameof(ClassNames));
            if (ClassNames.Any(string.IsNullOrEmpty)) throw new ArgumentException("Class names must not be empty.", nameof(ClassNames));
            if (ClassNames.Distinct(StringComparer.Ordinal).Count() != ClassNames.Count) throw new ArgumentException("Class names must be distinct.", nameof(ClassNames));
        }
    }

    /// <summary>Keras's layers in one line, e.g. <c>Embedding(10000, 128) -> LSTM(128, dropout=0.2, recurrent_dropout=0.2) -> Dense(1, sigmoid)</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>
        {
            IsNumeric
                ? string.Create(CultureInfo.InvariantCulture, $"Input(features={InputFeatures})")
                : string.Create(CultureInfo.InvariantCulture, $"Embedding({VocabularySize}, {EmbeddingDim}{(MaskZero ? ", mask_zero=True" : "")})"),
        };
        for (int i = 0; i < Recurrent.Count; i++)
            parts.Add(Recurrent[i].Describe(returnSequences: i < Recurrent.Count - 1 || Pooling != PoolingKind.Last));
        if (Pooling == PoolingKind.Max) parts.Add("GlobalMaxPooling1D()");
        if (Pooling == PoolingKind.Mean) parts.Add("GlobalAveragePooling1D()");
        parts.Add(Task switch
        {
            TaskKind.BinaryClassification => "Dense(1, sigmoid)",
            TaskKind.MulticlassClassification => string.Create(CultureInfo.InvariantCulture, $"Dense({Outputs}, softmax)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"Dense({Outputs})"),
        });
        return string.Join(" -> ", parts);
    }

    /// <inheritdoc/>
    public bool Equals(NetworkSpec? other) =>
        other is not null && InputFeatures == other.InputFeatures && VocabularySize == other.VocabularySize && EmbeddingDim == other.EmbeddingDim && MaskZero == other.MaskZero
        && Pooling == other.Pooling && Task == other.Task && Outputs == other.Outputs
        && Recurrent.SequenceEqual(other.Recurrent)
        && (ClassNames ?? []).SequenceEqual(other.ClassNames ?? [], StringComparer.Ordinal) && (ClassNames is null) == (other.ClassNames is null);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(InputFeatures, VocabularySize, EmbeddingDim, MaskZero, Pooling, Task, Outputs, Recurrent.Count);

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
