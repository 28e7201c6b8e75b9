namespace Lstm.Training.Onnx;

/// <summary>
/// Keys of the <c>metadata_props</c> that <see cref="OnnxExporter"/> writes into every model (namespaced
/// <c>lstm_mlnet.</c>; values are invariant-culture text). ONNX Runtime shows them as
/// <c>InferenceSession.ModelMetadata.CustomMetadataMap</c>.
/// </summary>
/// <remarks>
/// A network of the seed's shape (Embedding → LSTM → Dense(1, sigmoid)) is written with format 1, the keys every
/// version reads. Any other network of the family is written with format 2: every format-1 key (those describing
/// "the LSTM" then describe the first recurrent layer), plus <see cref="Task"/>, <see cref="Network"/>,
/// <see cref="ClassNames"/> and, for regression, <see cref="ValueOutputName"/> instead of the logit and probability
/// outputs. A format-1 reader refuses format 2 with a message naming the format, rather than misreading it.
/// </remarks>
public static class OnnxMetadataKeys
{
    /// <summary>The <c>producer_name</c> of every model this library writes.</summary>
    public const string ProducerName = "Lstm.MLNet";

    /// <summary>Prefix of every key.</summary>
    public const string Prefix = "lstm_mlnet.";

    /// <summary>
    /// Version of this metadata layout, an integer: 1 for the seed's shape, 2 for any other network of the family, 3 for
    /// subword models, 4 for numeric-series (forecast) models (the <c>series.*</c> keys; read by <see cref="OnnxSeriesImporter"/>).
    /// </summary>
    public const string FormatVersion = Prefix + "format_version";

    /// <summary>Version of the library that wrote the model (also in <c>producer_version</c>).</summary>
    public const string ProducerVersion = Prefix + "producer_version";

    /// <summary><c>text</c> or <c>ids</c>: see <see cref="OnnxModelVariant"/>.</summary>
    public const string Variant = Prefix + "variant";

    /// <summary>Embedding rows (Keras <c>input_dim</c>).</summary>
    public const string VocabularySize = Prefix + "vocabulary_size";

    /// <summary>Embedding width (Keras <c>output_dim</c>).</summary>
    public const string EmbeddingDim = Prefix + "embedding_dim";

    /// <summary>LSTM units (format 2: the first recurrent layer's units per direction; see <see cref="Network"/>).</summary>
    public const string Units = Prefix + "units";

    /// <summary>LSTM input dropout used in training (inference ignores it); format 2: the first recurrent layer's.</summary>
    public const string Dropout = Prefix + "dropout";

    /// <summary>LSTM recurrent dropout used in training (inference ignores it); format 2: the first recurrent layer's.</summary>
    public const string RecurrentDropout = Prefix + "recurrent_dropout";

    /// <summary>Sequence length (Keras <c>maxlen</c>), counting the start id.</summary>
    public const string MaxLength = Prefix + "max_len";

    /// <summary><c>pre</c> or <c>post</c>: where padding zeros go.</summary>
    public const string Padding = Prefix + "padding";

    /// <summary><c>pre</c> or <c>post</c>: which end of a long sequence is dropped.</summary>
    public const string Truncating = Prefix + "truncating";

    /// <summary>Id of the padding value (0).</summary>
    public const string PaddingId = Prefix + "padding_id";

    /// <summary>Id prepended to every sequence (1).</summary>
    public const string StartId = Prefix + "start_id";

    /// <summary>Id of words outside the vocabulary (2).</summary>
    public const string OovId = Prefix + "oov_id";

    /// <summary>Keras <c>index_from</c> (3): the word of frequency rank r has id r + index_from.</summary>
    public const string IndexFrom = Prefix + "index_from";

    /// <summary>Keras <c>num_words</c>: only ids below it are used; rarer words map to the OOV id.</summary>
    public const string NumWords = Prefix + "num_words";

    /// <summary>Number of vocabulary words the model maps (ranks 1..this).</summary>
    public const string VocabularyWordCount = Prefix + "vocabulary_word_count";

    /// <summary>Ids variant only: the vocabulary words in rank order, one per line (the text variant holds them in its LabelEncoder).</summary>
    public const string VocabularyWords = Prefix + "vocabulary_words";

    /// <summary>Name of the text normaliser whose output the text input expects.</summary>
    public const string NormalizerName = Prefix + "normalizer.name";

    /// <summary>Version of that normaliser.</summary>
    public const string NormalizerVersion = Prefix + "normalizer.version";

    /// <summary>Human-readable rule of that normaliser.</summary>
    public const string NormalizerRule = Prefix + "normalizer.rule";

    /// <summary>Name of the graph input (<c>text</c> or <c>input_ids</c>).</summary>
    public const string InputName = Prefix + "input";

    /// <summary>Name of the logit output (<c>logit</c>, float <c>[batch, 1]</c>; multi-class <c>[batch, classes]</c>); absent for regression.</summary>
    public const string LogitOutputName = Prefix + "output.logit";

    /// <summary>
    /// Name of the probability output (<c>probability</c>, float <c>[batch, 1]</c>, the positive class's; multi-class
    /// <c>[batch, classes]</c>, a softmax over the classes); absent for regression.
    /// </summary>
    public const string ProbabilityOutputName = Prefix + "output.probability";

    /// <summary>
    /// Format 2, regression only: name of the values output (<c>value</c>, float <c>[batch, outputs]</c>). Format 4: the
    /// forecast in the target's own scale (<c>value_scaled · target_std + target_mean</c>, float <c>[batch, horizon]</c>).
    /// </summary>
    public const string ValueOutputName = Prefix + "output.value";

    /// <summary>
    /// Format 2: <c>binary_classification</c>, <c>multiclass_classification</c> or <c>regression</c> (format 1 is always
    /// binary); format 4: <c>forecast</c> (<see cref="OnnxModelMetadata.ForecastTask"/>).
    /// </summary>
    public const string Task = Prefix + "task";

    /// <summary>
    /// Format 2: the whole network as JSON (<c>SequenceNetwork.SpecToJson</c>: embedding, masking, every recurrent
    /// layer, pooling, task, outputs, class names), from which the importer rebuilds it.
    /// </summary>
    public const string Network = Prefix + "network";

    /// <summary>Format 2, multi-class models with named classes only: the class names in output order, a JSON array of strings.</summary>
    public const string ClassNames = Prefix + "class_names";

    /// <summary>
    /// Format 3 (subword models) only: the subword tokenizer whose pieces the vocabulary maps, e.g. <c>o200k_base</c>.
    /// Absent: the tokenizer is <c>words</c>. A subword model is always the ids variant, and its
    /// <see cref="VocabularyWords"/> holds the tokenizer's piece ids in rank order (decimal, one per line): piece id on
    /// line k gets id k + 4 + … as words do; every other piece maps to the OOV id.
    /// </summary>
    public const string TokenizerName = Prefix + "tokenizer.name";

    /// <summary>Format 3: the library implementing <see cref="TokenizerName"/>, <c>Microsoft.ML.Tokenizers</c>.</summary>
    public const string TokenizerLibrary = Prefix + "tokenizer.library";

    /// <summary>Format 3: the version of that library the vocabulary was built with, e.g. <c>2.0.1</c>.</summary>
    public const string TokenizerVersion = Prefix + "tokenizer.version";

    /// <summary>
    /// How the graph runs the recurrent layer: <c>padded</c> (every one of the <see cref="MaxLength"/> steps, padding
    /// included; the key is then absent) or <c>padding-free</c> (one forward LSTM, no mask, last state, pre-padding: each row's real
    /// ids, left-aligned, from a stored table of the LSTM's state after k padding steps, k = 0..max_len; the same
    /// results). Readers that do not know the key see a padding-free graph's LSTM node with sequence_lens and initial
    /// states, and refuse it.
    /// </summary>
    public const string Layout = Prefix + "layout";

    /// <summary>Name of the optional padded-ids output (<c>token_ids</c>), present only when exported with it.</summary>
    public const string TokenIdsOutputName = Prefix + "output.token_ids";
    /// <summary>Format 4: name of the head's own output in the standardised target scale (<c>value_scaled</c>, float <c>[batch, horizon]</c>).</summary>
    public const string SeriesScaledValueOutputName = Prefix + "output.value_scaled";

    /// <summary>
    /// Format 4: the input features in the order of the input's last axis, a JSON array of strings (the columns after
    /// the caller's one-hot encoding and missing-value filling; see <see cref="SeriesPreprocessing"/>).
    /// </summary>
    public const string SeriesFeatures = Prefix + "series.features";

    /// <summary>Format 4: name of the forecast target (the series the <c>horizon</c> outputs continue).</summary>
    public const string SeriesTarget = Prefix + "series.target";

    /// <summary>
    /// Format 4: the window length (time steps) the model was trained on, an integer. The graph's time axis is
    /// symbolic and accepts any length ≥ 1; other lengths run but were not trained for.
    /// </summary>
    public const string SeriesWindowLength = Prefix + "series.window_length";

    /// <summary>Format 4: the forecast horizon H, an integer: output k (0-based) is the target k + 1 steps after the window's last step.</summary>
    public const string SeriesHorizon = Prefix + "series.horizon";

    /// <summary>Format 4, optional: the time between steps as an ISO 8601 duration, e.g. <c>PT1H</c>, <c>P1D</c>, <c>PT15M</c>.</summary>
    public const string SeriesSamplingInterval = Prefix + "series.sampling_interval";

    /// <summary>
    /// Format 4: per-feature means subtracted in the graph (initializer <c>input_mean</c>, float <c>[features]</c>), a
    /// JSON array of numbers in feature order. Both the graph and this key hold them; the importer checks they agree.
    /// </summary>
    public const string SeriesInputMean = Prefix + "series.input_mean";

    /// <summary>Format 4: per-feature standard deviations the centred input is divided by (initializer <c>input_std</c>), a JSON array of positive numbers.</summary>
    public const string SeriesInputStd = Prefix + "series.input_std";

    /// <summary>Format 4: the target mean added back to the head's output (initializer <c>target_mean</c>, a float scalar), a number.</summary>
    public const string SeriesTargetMean = Prefix + "series.target_mean";

    /// <summary>Format 4: the target standard deviation the head's output is multiplied by (initializer <c>target_std</c>), a positive number.</summary>
    public const string SeriesTargetStd = Prefix + "series.target_std";

    /// <summary>
    /// Format 4, optional: the caller's preprocessing before the graph, free-form JSON stored verbatim (e.g. the
    /// categories of one-hot features, the missing-value policy). The graph does none of it.
    /// </summary>
    public const string SeriesPreprocessing = Prefix + "series.preprocessing";
}
