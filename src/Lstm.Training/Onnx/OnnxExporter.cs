using System.Reflection;
using Google.Protobuf;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Onnx.Proto;
using Lstm.Training.Text;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Onnx;

/// <summary>
/// Writes an <see cref="LstmClassifier"/>, or any network of the model family (<see cref="SequenceNetwork"/>), as a
/// self-describing ONNX model of standard operators, run by ONNX Runtime and checked by <c>onnx.checker</c>. See
/// <see cref="OnnxModelVariant"/> for the two inputs. Classifiers output <c>logit</c> and <c>probability</c>, float
/// <c>[batch, 1]</c> (multi-class: <c>[batch, classes]</c>, a softmax), regression networks <c>value</c>
/// (<c>[batch, outputs]</c>); every model carries <see cref="OnnxModelMetadata"/> in <c>metadata_props</c>.
/// </summary>
/// <remarks>
/// <para>A network of the seed's shape (Embedding → LSTM → Dense(1, sigmoid)) is written with metadata format 1, byte
/// for byte as before the family existed, whichever overload is used; any other network with format 2 (see
/// <see cref="OnnxMetadataKeys"/>).</para>
/// <para>By default (<see cref="OnnxExportOptions.Layout"/> <see cref="OnnxGraphLayout.Auto"/>) a network with one
/// forward LSTM, no mask and last-state pooling, pre-padded, is written as a padding-free graph (see
/// <c>PaddingFreeGraph</c>; metadata key <see cref="OnnxMetadataKeys.Layout"/>), which gives the padded graph's results
/// but reads no padding; <see cref="OnnxGraphLayout.Padded"/> writes the padded graph, byte for byte as before.</para>
/// <para>Text preprocessing is split at the normaliser: lower-casing and stripping HTML tags and punctuation need regular
/// expressions, which standard ONNX lacks, so callers normalise in .NET and the text variant's graph does the rest
/// (whitespace split, vocabulary lookup, start id, padding and truncation) with standard operators.
/// Exporting the same model, vocabulary and options twice gives identical bytes.</para>
/// </remarks>
public static partial class OnnxExporter
{
    /// <summary>ai.onnx opset of the text variant (StringSplit needs 20).</summary>
    public const int TextVariantOpset = 20;

    /// <summary>ai.onnx.ml opset of the text variant (LabelEncoder 2, string keys to int64 values).</summary>
    public const int TextVariantMlOpset = 3;

    /// <summary>ai.onnx opset of the ids variant; 17 so that onnx 1.12's checker reads it.</summary>
    public const int IdsVariantOpset = 17;

    /// <summary>Writes the model to <paramref name="destination"/>.</summary>
    /// <param name="model">The trained network.</param>
    /// <param name="vocabulary">The vocabulary the network was trained with; its <see cref="Vocabulary.NumWords"/> must not exceed the embedding's rows.</param>
    /// <param name="options">Variant and preprocessing; null for the defaults (text variant, max length 500, pre/pre).</param>
    /// <param name="destination">A writable stream; left open.</param>
    /// <exception cref="ArgumentException">The vocabulary does not fit the network, or the options are invalid.</exception>
    public static void Export(LstmClassifier model, Vocabulary vocabulary, OnnxExportOptions? options, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Build(model, vocabulary, options ?? new OnnxExportOptions()).WriteTo(destination);
    }

    /// <summary>Writes the model to <paramref name="path"/> atomically (temp file, then move).</summary>
    /// <param name="model">The trained network.</param>
    /// <param name="vocabulary">The vocabulary the network was trained with.</param>
    /// <param name="options">Variant and preprocessing; null for the defaults.</param>
    /// <param name="path">The .onnx file to create or replace.</param>
    public static void ExportToFile(LstmClassifier model, Vocabulary vocabulary, OnnxExportOptions? options, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var built = Build(model, vocabulary, options ?? new OnnxExportOptions());
        AtomicFile.Write(path, built.WriteTo);
    }

    /// <summary>Returns the serialized model.</summary>
    /// <param name="model">The trained network.</param>
    /// <param name="vocabulary">The vocabulary the network was trained with.</param>
    /// <param name="options">Variant and preprocessing; null for the defaults.</param>
    public static byte[] ExportToBytes(LstmClassifier model, Vocabulary vocabulary, OnnxExportOptions? options = null) =>
        Build(model, vocabulary, options ?? new OnnxExportOptions()).ToByteArray();

    /// <summary>The library version written as <c>producer_version</c>, without build metadata.</summary>
    public static string ProducerVersion { get; } = ReadProducerVersion();

    internal static ModelProto Build(LstmClassifier model, Vocabulary vocabulary, OnnxExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        var config = model.Config;
        var words = CheckArguments(vocabulary, options, config.VocabularySize);
        var graph = new OnnxGraphBuilder(options.Variant == OnnxModelVariant.Text ? "lstm_mlnet_text_classifier" : "lstm_mlnet_ids_classifier");
        var (input, padded) = AddInput(graph, words, options,
            $"Ids padded as Keras pad_sequences does (start id {Vocabulary.StartId}, padding {Vocabulary.PaddingId}, out of vocabulary {Vocabulary.OovId}); each below {config.VocabularySize}.");
        bool paddingFree = options.WritesPaddingFreeFor(null);
        if (paddingFree) PaddingFreeGraph.Add(graph, model, padded, options.MaxLength);
        else LstmNetworkGraph.Add(graph, model, padded);
        var metadata = Metadata(vocabulary, options, input, config) with
        {
            PaddingFree = paddingFree,
            LogitOutputName = LstmNetworkGraph.LogitOutput,
            ProbabilityOutputName = LstmNetworkGraph.ProbabilityOutput,
        };
        return Wrap(graph, metadata, words,
            "Keras-style Embedding → LSTM → Dense(1, sigmoid) sentiment classifier exported by Lstm.MLNet. " +
            "Outputs: logit and probability of the positive class, float [batch, 1].");
    }

    /// <summary>Validates the arguments every export shares and returns the vocabulary's words.</summary>
    private static IReadOnlyList<string> CheckArguments(Vocabulary vocabulary, OnnxExportOptions options, int vocabularySize)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        options.Validate();
        if (vocabulary.IsSubword && options.Variant == OnnxModelVariant.Text)
            throw new ArgumentException(
                $"This model's vocabulary holds subword pieces of the '{vocabulary.Tokenizer}' tokenizer ({SubwordTokenizer.Library}), a byte-pair encoding that standard ONNX operators cannot express, so it has no text variant. " +
                "Export the ids variant (OnnxModelVariant.Ids; CLI: --variant ids): its metadata names the tokenizer and holds the piece mapping, and callers tokenize in .NET.", nameof(options));
        if (vocabulary.NumWords > vocabularySize)
            throw new ArgumentException($"The vocabulary's ids run up to {vocabulary.NumWords - 1} (num_words {vocabulary.NumWords}); the embedding has only {vocabularySize} rows.", nameof(vocabulary));
        var words = vocabulary.Words;
        ValidateWords(words);
        return words;
    }

    /// <summary>Declares the variant's input and returns its name and that of the padded ids the network reads.</summary>
    private static (string Input, string Padded) AddInput(OnnxGraphBuilder graph, IReadOnlyList<string> words, OnnxExportOptions options, string idsDocString)
    {
        if (options.Variant == OnnxModelVariant.Text) return (TextPreprocessingGraph.TextInput, TextPreprocessingGraph.Add(graph, words, options));
        const string ids = "input_ids";
        graph.Input(ids, DataType.Int64, "batch", "sequence");
        graph.Graph.Input[^1].DocString = idsDocString;
        return (ids, ids);
    }

    /// <summary>The metadata every export shares; the caller adds the output names (and the network, for format 2).</summary>
    private static OnnxModelMetadata Metadata(Vocabulary vocabulary, OnnxExportOptions options, string input, LstmClassifierConfig config) => new()
    {
        ProducerVersion = ProducerVersion,
        Variant = options.Variant,
        Config = config,
        MaxLength = options.MaxLength,
        Padding = options.Padding,
        Truncating = options.Truncating,
        PaddingId = Vocabulary.PaddingId,
        StartId = Vocabulary.StartId,
        OovId = Vocabulary.OovId,
        IndexFrom = Vocabulary.IndexFrom,
        NumWords = vocabulary.NumWords,
        VocabularyWordCount = vocabulary.Words.Count,
        NormalizerName = options.NormalizerName,
        NormalizerVersion = options.NormalizerVersion,
        NormalizerRule = options.NormalizerRule,
        Tokenizer = vocabulary.Tokenizer,
        TokenizerLibrary = vocabulary.IsSubword ? SubwordTokenizer.Library : null,
        TokenizerVersion = vocabulary.TokenizerVersion,
        InputName = input,
        LogitOutputName = null,
        ProbabilityOutputName = null,
        TokenIdsOutputName = options.IncludeTokenIdsOutput ? TextPreprocessingGraph.TokenIdsOutput : null,
    };

    /// <summary>The model around <paramref name="graph"/>: IR version, producer, opsets and metadata (the ids variant also stores the words, which its graph lacks).</summary>
    private static ModelProto Wrap(OnnxGraphBuilder graph, OnnxModelMetadata metadata, IReadOnlyList<string> words, string docString)
    {
        bool text = metadata.Variant == OnnxModelVariant.Text;
        var onnx = new ModelProto
        {
            IrVersion = text ? 9 : 8, // the IR versions that came with opsets 20 and 17
            ProducerName = OnnxMetadataKeys.ProducerName,
            ProducerVersion = ProducerVersion,
            DocString = docString,
            Graph = graph.Graph,
        };
        onnx.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset(metadata.Variant) });
        if (text) onnx.OpsetImport.Add(new OperatorSetIdProto { Domain = OnnxGraphBuilder.MlDomain, Version = TextVariantMlOpset });
        foreach (var (key, value) in metadata.ToProperties())
            onnx.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        if (!text)
            onnx.MetadataProps.Add(new StringStringEntryProto { Key = OnnxMetadataKeys.VocabularyWords, Value = string.Join('\n', words) });
        return onnx;
    }

    /// <summary>The ai.onnx opset of <paramref name="variant"/>.</summary>
    internal static int Opset(OnnxModelVariant variant) => variant == OnnxModelVariant.Text ? TextVariantOpset : IdsVariantOpset;

    /// <summary>The graph splits on spaces and the ids variant stores words one per line: a word holding whitespace could never match.</summary>
    private static void ValidateWords(IReadOnlyList<string> words)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i].Any(char.IsWhiteSpace))
                throw new ArgumentException($"Vocabulary word {i} ('{words[i]}') contains whitespace; normalised words never do.", "vocabulary");
        }
    }

    private static string ReadProducerVersion()
    {
        var assembly = typeof(OnnxExporter).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
