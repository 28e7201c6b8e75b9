using Google.Protobuf;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Onnx.Proto;
using Lstm.Training.Text;

namespace Lstm.Training.Onnx;

// Export of any network of the model family. A network of the seed's shape (SequenceNetwork.Classifier not null) is
// written exactly as the LstmClassifier overloads write it (metadata format 1, byte for byte in either layout); any other with ONNX's
// LSTM, GRU and RNN operators (SequenceNetworkGraph) and metadata format 2, which adds the task, the class names and
// the whole network's description.
public static partial class OnnxExporter
{
    /// <summary>Writes the network to <paramref name="destination"/>.</summary>
    /// <param name="network">The trained network.</param>
    /// <param name="vocabulary">The vocabulary the network was trained with; its <see cref="Vocabulary.NumWords"/> must not exceed the embedding's rows.</param>
    /// <param name="options">Variant and preprocessing; null for the defaults (text variant, max length 500, pre/pre).</param>
    /// <param name="destination">A writable stream; left open.</param>
    /// <exception cref="ArgumentException">The vocabulary does not fit the network, or the options are invalid.</exception>
    public static void Export(SequenceNetwork network, Vocabulary vocabulary, OnnxExportOptions? options, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Build(network, vocabulary, options ?? new OnnxExportOptions()).WriteTo(destination);
    }

    /// <summary>Writes the network to <paramref name="path"/> atomically (temp file, then move).</summary>
    /// <param name="network">The trained network.</param>
    /// <param name="vocabulary">The vocabulary the network was trained with.</param>
    /// <param name="options">Variant and preprocessing; null for the defaults.</param>
    /// <param name="path">The .onnx file to create or replace.</param>
    public static void ExportToFile(SequenceNetwork network, Vocabulary vocabulary, OnnxExportOptions? options, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var built = Build(network, vocabulary, options ?? new OnnxExportOptions());
        AtomicFile.Write(path, built.WriteTo);
    }

    /// <summary>Returns the serialized network.</summary>
    /// <param name="network">The trained network.</param>
    /// <param name="vocabulary">The vocabulary the network was trained with.</param>
    /// <param name="options">Variant and preprocessing; null for the defaults.</param>
    public static byte[] ExportToBytes(SequenceNetwork network, Vocabulary vocabulary, OnnxExportOptions? options = null) =>
        Build(network, vocabulary, options ?? new OnnxExportOptions()).ToByteArray();

    internal static ModelProto Build(SequenceNetwork network, Vocabulary vocabulary, OnnxExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.Spec.IsNumeric)
            throw new ArgumentException(
                $"{network.Spec.Describe()} reads numeric sequences, not token ids: export it with OnnxExporter.ExportSeries (SeriesExportOptions), which takes no vocabulary.", nameof(network));
        // The seed's shape keeps its own graph and format 1, so that files exported before the family existed, and
        // every reader of them, stay valid.
        if (network.Classifier is not null) return Build(network.Classifier, vocabulary, options);

        var spec = network.Spec;
        bool paddingFree = options.WritesPaddingFreeFor(spec);
        var words = CheckArguments(vocabulary, options, spec.VocabularySize);
        string variant = OnnxModelMetadata.FormatVariant(options.Variant);
        var graph = new OnnxGraphBuilder($"lstm_mlnet_{variant}_{OnnxModelMetadata.FormatTask(spec.Task)}");
        string masking = spec.MaskZero
            ? $" Id {Vocabulary.PaddingId} is masked (Keras mask_zero) wherever it stands."
            : " Padding ids are read as any other (no mask).";
        var (input, padded) = AddInput(graph, words, options,
            $"Ids padded as Keras pad_sequences does (start id {Vocabulary.StartId}, padding {Vocabulary.PaddingId}, out of vocabulary {Vocabulary.OovId}); each below {spec.VocabularySize}.{masking}");
        if (paddingFree) PaddingFreeGraph.Add(graph, network.Parameters, padded, options.MaxLength);
        else SequenceNetworkGraph.Add(graph, network.Parameters, padded, Opset(options.Variant));

        var config = spec.FirstLayerConfig();
        bool regression = spec.Task == TaskKind.Regression;
        var metadata = Metadata(vocabulary, options, input, config) with
        {
            Network = spec,
            PaddingFree = paddingFree,
            LogitOutputName = regression ? null : LstmNetworkGraph.LogitOutput,
            ProbabilityOutputName = regression ? null : LstmNetworkGraph.ProbabilityOutput,
            ValueOutputName = regression ? HeadGraph.ValueOutput : null,
        };
        string outputs = spec.Task switch
        {
            TaskKind.BinaryClassification => "logit and probability of the positive class, float [batch, 1]",
            TaskKind.MulticlassClassification => $"logit and probability (softmax) of each of the {spec.Outputs} classes, float [batch, {spec.Outputs}]",
            _ => $"value, float [batch, {spec.Outputs}]",
        };
        return Wrap(graph, metadata, words, $"Keras-style {spec.Describe()} network exported by Lstm.MLNet. Outputs: {outputs}.");
    }
}
