using Lstm.Training.Layers;
using Lstm.Training.Text;

namespace Lstm.Training.Onnx;

/// <summary>What <see cref="OnnxImporter"/> reads back from an exported model: a trainable network, its vocabulary and its preprocessing.</summary>
public sealed record OnnxImportedModel
{
    /// <summary>The network, weights in Keras layout and gate order; ready to evaluate, fine-tune or export again.</summary>
    public required LstmClassifier Model { get; init; }

    /// <summary>The vocabulary the model maps words with (the same ids; its <see cref="Vocabulary.NumWords"/> is the file's num_words).</summary>
    public required Vocabulary Vocabulary { get; init; }

    /// <summary>Everything else the file records: preprocessing, special ids, normaliser, producer.</summary>
    public required OnnxModelMetadata Metadata { get; init; }

    /// <summary>Options that export <see cref="Model"/> and <see cref="Vocabulary"/> the way the file was exported.</summary>
    public OnnxExportOptions ExportOptions => new()
    {
        Variant = Metadata.Variant,
        MaxLength = Metadata.MaxLength,
        Padding = Metadata.Padding,
        Truncating = Metadata.Truncating,
        IncludeTokenIdsOutput = Metadata.TokenIdsOutputName is not null,
        NormalizerName = Metadata.NormalizerName,
        NormalizerVersion = Metadata.NormalizerVersion,
        NormalizerRule = Metadata.NormalizerRule,
    };
}
