using System.Text;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Onnx.Proto;
using Lstm.Training.Text;

namespace Lstm.Training.Onnx;

/// <summary>
/// Reads an ONNX model written by <see cref="OnnxExporter"/> back into a trainable <see cref="SequenceNetwork"/>
/// (weights returned to Keras layout and gate order; an <see cref="LstmClassifier"/> too for the seed's shape), its
/// vocabulary and its preprocessing settings, so that a shipped model can be evaluated, fine-tuned or resumed.
/// </summary>
/// <remarks>
/// Only files this library wrote are accepted: the producer, metadata, opsets, initializer names and shapes, the
/// recurrent nodes and (text variant) the LabelEncoder are checked, and an <see cref="InvalidDataException"/> says what
/// was expected and what was found.
/// </remarks>
public static partial class OnnxImporter
{
    /// <summary>Reads the model at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable ONNX model written by Lstm.MLNet.</exception>
    public static OnnxImportedModel ImportFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Import(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a serialized model from <paramref name="stream"/> (to its end); <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a readable ONNX model written by Lstm.MLNet.</exception>
    public static OnnxImportedModel Import(Stream stream, string source = "ONNX model")
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Import(buffer.ToArray(), source);
    }

    /// <summary>Reads a serialized model; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a readable ONNX model written by Lstm.MLNet.</exception>
    public static OnnxImportedModel Import(byte[] model, string source = "ONNX model")
    {
        ArgumentNullException.ThrowIfNull(model);
        var proto = OnnxModelParser.Parse(model, source);
        var metadata = OnnxModelMetadata.FromModel(proto, source);
        CheckSpecialIds(metadata, source);
        CheckOpsets(proto, metadata.Variant, source);
        var graph = proto.Graph;
        CheckInput(graph, metadata, source);
        if (metadata.PaddingFree && (!PaddingFreeGraph.Supports(metadata.Network) || metadata.Padding != PaddingSide.Pre))
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.Layout}' says padding-free, which Lstm.MLNet writes only for one forward LSTM without mask, last-state pooling and pre-padding.");
        SequenceNetwork network;
        if (metadata.Network.IsClassifierShape)
        {
            var parameters = ReadParameters(graph, metadata.Config, source);
            CheckLstmNode(graph, metadata, source);
            network = SequenceNetwork.FromClassifier(new LstmClassifier(parameters));
        }
        else network = ReadNetwork(graph, metadata, source);
        var words = metadata.Variant == OnnxModelVariant.Text ? ReadLabelEncoderWords(graph, metadata, source) : ReadMetadataWords(proto, metadata, source);
        Vocabulary vocabulary;
        try
        {
            vocabulary = metadata.Tokenizer == SubwordTokenizer.Words
                ? Vocabulary.FromWords(words, metadata.NumWords)
                : Vocabulary.FromPieces([.. words.Select(ParsePieceId)], metadata.NumWords, metadata.Tokenizer, metadata.TokenizerVersion);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: the stored vocabulary is invalid: {e.Message}", e);
        }
        if (vocabulary.Words.Count != words.Length)
            throw new InvalidDataException($"{source}: holds {words.Length} vocabulary words, more than num_words {metadata.NumWords} leaves room for ({vocabulary.Words.Count}).");
        return new OnnxImportedModel { Network = network, Vocabulary = vocabulary, Metadata = metadata };
    }

    private static int ParsePieceId(string word) =>
        int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int id)
            ? id
            : throw new ArgumentException($"'{word}' is not a piece id (a non-negative integer).");

    private static void CheckSpecialIds(OnnxModelMetadata metadata, string source)
    {
        var found = (metadata.PaddingId, metadata.StartId, metadata.OovId, metadata.IndexFrom);
        var expected = (Vocabulary.PaddingId, Vocabulary.StartId, Vocabulary.OovId, Vocabulary.IndexFrom);
        if (found != expected)
            throw new InvalidDataException($"{source}: uses special ids (padding, start, oov, index_from) = {found}; Lstm.MLNet's vocabulary uses {expected}.");
    }

    private static void CheckOpsets(ModelProto model, OnnxModelVariant variant, string source)
    {
        long Version(string domain) =>
            model.OpsetImport.FirstOrDefault(o => o.Domain == domain || (domain == "" && o.Domain == "ai.onnx"))?.Version ?? 0;
        string name = OnnxModelMetadata.FormatVariant(variant);
        long expected = variant == OnnxModelVariant.Text ? OnnxExporter.TextVariantOpset : OnnxExporter.IdsVariantOpset;
        long found = Version("");
        if (found != expected)
            throw new InvalidDataException($"{source}: imports ai.onnx opset {found}; Lstm.MLNet writes the {name} variant with opset {expected}.");
        if (variant == OnnxModelVariant.Text && Version(OnnxGraphBuilder.MlDomain) is var ml && ml != OnnxExporter.TextVariantMlOpset)
            throw new InvalidDataException($"{source}: imports ai.onnx.ml opset {ml}; Lstm.MLNet writes the text variant with opset {OnnxExporter.TextVariantMlOpset}.");
    }

    private static void CheckInput(GraphProto graph, OnnxModelMetadata metadata, string source)
    {
        if (graph.Input.Count != 1 || graph.Input[0].Name != metadata.InputName)
            throw new InvalidDataException($"{source}: the graph's inputs are [{string.Join(", ", graph.Input.Select(i => i.Name))}]; expected the single input '{metadata.InputName}'.");
    }

    private static LstmClassifierParameters ReadParameters(GraphProto graph, LstmClassifierConfig config, string source)
    {
        var values = ReadInitializers(graph, LstmNetworkGraph.InitializerShapes(config),
            $"vocabulary_size {config.VocabularySize}, embedding_dim {config.EmbeddingDim}, units {config.Units}", source);
        var parameters = new LstmClassifierParameters(config);
        int e = config.EmbeddingDim, h = config.Units;
        values[LstmNetworkGraph.Embedding].CopyTo(parameters.Embedding, 0);
        LstmGateOrder.FromOnnxWeights(values[LstmNetworkGraph.LstmW], e, h, parameters.Kernel);
        LstmGateOrder.FromOnnxWeights(values[LstmNetworkGraph.LstmR], h, h, parameters.RecurrentKernel);
        LstmGateOrder.FromOnnxBias(values[LstmNetworkGraph.LstmB], h, parameters.Bias);
        values[LstmNetworkGraph.DenseKernel].CopyTo(parameters.DenseKernel, 0);
        values[LstmNetworkGraph.DenseBias].CopyTo(parameters.DenseBias, 0);
        return parameters;
    }

    /// <summary>The float values of the initializers <paramref name="shapes"/> names, each checked to have its shape; <paramref name="expectedFor"/> says what the shapes follow from.</summary>
    internal static Dictionary<string, float[]> ReadInitializers(GraphProto graph, IReadOnlyList<(string Name, long[] Shape)> shapes, string expectedFor, string source)
    {
        var initializers = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (var tensor in graph.Initializer) initializers.TryAdd(tensor.Name, tensor);
        var values = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (name, shape) in shapes)
        {
            if (!initializers.TryGetValue(name, out var tensor))
                throw new InvalidDataException($"{source}: initializer '{name}' is missing; expected a float tensor of shape [{string.Join(", ", shape)}].");
            if (!tensor.Dims.SequenceEqual(shape))
                throw new InvalidDataException(
                    $"{source}: initializer '{name}' has shape [{string.Join(", ", tensor.Dims)}]; expected [{string.Join(", ", shape)}] for {expectedFor} (from the metadata).");
            values[name] = OnnxTensors.ReadFloats(tensor, source);
        }
        return values;
    }

    private static void CheckLstmNode(GraphProto graph, OnnxModelMetadata metadata, string source)
    {
        var config = metadata.Config;
        var lstm = SingleNode(graph, "LSTM", "", source);
        string[] weights = [LstmNetworkGraph.LstmW, LstmNetworkGraph.LstmR, LstmNetworkGraph.LstmB];
        if (metadata.PaddingFree)
        {
            if (lstm.Input.Count != 7 || !lstm.Input.Skip(1).Take(3).SequenceEqual(weights) || lstm.Input.Skip(4).Any(string.IsNullOrEmpty))
                throw new InvalidDataException(
                    $"{source}: the LSTM node's inputs are [{string.Join(", ", lstm.Input)}]; a padding-free graph (metadata '{OnnxMetadataKeys.Layout}') has [X, {string.Join(", ", weights)}, sequence_lens, initial_h, initial_c].");
            CheckPaddingTables(graph, metadata, source);
        }
        else if (lstm.Input.Count != 4 || !lstm.Input.Skip(1).SequenceEqual(weights))
            throw new InvalidDataException($"{source}: the LSTM node's inputs are [{string.Join(", ", lstm.Input)}]; expected [X, {string.Join(", ", weights)}] without sequence_lens or initial states.");
        foreach (var attribute in lstm.Attribute)
        {
            bool expected = attribute.Name switch
            {
                "hidden_size" => attribute.I == config.Units,
                "layout" => attribute.I == 0,
                "direction" => attribute.S.ToStringUtf8() == "forward",
                _ => false,
            };
            if (!expected)
                throw new InvalidDataException($"{source}: the LSTM node's attribute '{attribute.Name}' is not what Lstm.MLNet writes (hidden_size {config.Units}, layout 0, forward, default activations).");
        }
    }

    /// <summary>A padding-free graph's two tables of the LSTM's state after 0..max_len padding steps.</summary>
    private static void CheckPaddingTables(GraphProto graph, OnnxModelMetadata metadata, string source)
    {
        var tables = PaddingFreeGraph.TableShape(metadata.MaxLength, metadata.Config.Units);
        ReadInitializers(graph, [(PaddingFreeGraph.PaddingHidden, tables), (PaddingFreeGraph.PaddingCells, tables)],
            $"max_len {metadata.MaxLength}, units {metadata.Config.Units} (the states after 0..max_len padding steps)", source);
    }

    private static string[] ReadLabelEncoderWords(GraphProto graph, OnnxModelMetadata metadata, string source)
    {
        var encoder = SingleNode(graph, "LabelEncoder", OnnxGraphBuilder.MlDomain, source);
        var attributes = encoder.Attribute.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (!attributes.TryGetValue("keys_strings", out var keys) || !attributes.TryGetValue("values_int64s", out var values))
            throw new InvalidDataException($"{source}: the LabelEncoder has no keys_strings/values_int64s; expected the vocabulary words mapped to ids.");
        if (keys.Strings.Count != metadata.VocabularyWordCount || values.Ints.Count != keys.Strings.Count)
            throw new InvalidDataException($"{source}: the LabelEncoder maps {keys.Strings.Count} words to {values.Ints.Count} ids; the metadata says {metadata.VocabularyWordCount} words.");
        for (int i = 0; i < values.Ints.Count; i++)
        {
            long expected = i + metadata.IndexFrom + 1;
            if (values.Ints[i] != expected)
                throw new InvalidDataException($"{source}: LabelEncoder word {i} maps to id {values.Ints[i]}; expected {expected} (words in rank order, index_from {metadata.IndexFrom}).");
        }
        long oov = attributes.TryGetValue("default_int64", out var fallback) ? fallback.I : -1;
        if (oov != metadata.OovId)
            throw new InvalidDataException($"{source}: the LabelEncoder's default_int64 is {oov}; expected the OOV id {metadata.OovId}.");
        try
        {
            var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
            return [.. keys.Strings.Select(s => strict.GetString(s.Span))];
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{source}: a LabelEncoder key is not valid UTF-8.", e);
        }
    }

    private static string[] ReadMetadataWords(ModelProto model, OnnxModelMetadata metadata, string source)
    {
        var entry = model.MetadataProps.FirstOrDefault(p => p.Key == OnnxMetadataKeys.VocabularyWords)
            ?? throw new InvalidDataException($"{source} was not written by Lstm.MLNet: metadata key '{OnnxMetadataKeys.VocabularyWords}' is missing.");
        string[] words = entry.Value.Length == 0 ? [] : entry.Value.Split('\n');
        if (words.Length != metadata.VocabularyWordCount)
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.VocabularyWords}' holds {words.Length} words; '{OnnxMetadataKeys.VocabularyWordCount}' says {metadata.VocabularyWordCount}.");
        return words;
    }

    private static NodeProto SingleNode(GraphProto graph, string opType, string domain, string source)
    {
        var nodes = graph.Node.Where(n => n.OpType == opType && n.Domain == domain).ToList();
        if (nodes.Count != 1)
            throw new InvalidDataException($"{source}: the graph has {nodes.Count} {opType} nodes; expected exactly one.");
        return nodes[0];
    }
}
