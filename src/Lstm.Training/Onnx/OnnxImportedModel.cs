using System.Text;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Text;

namespace Lstm.Training.Onnx;

/// <summary>What <see cref="OnnxImporter"/> reads back from an exported model: a trainable network, its vocabulary and its preprocessing.</summary>
public sealed record OnnxImportedModel
{
    /// <summary>The network, weights in Keras layout and gate order; ready to evaluate, fine-tune or export again.</summary>
    public required SequenceNetwork Network { get; init; }

    /// <summary>
    /// The network as an <see cref="LstmClassifier"/> (the same tensors), for files of the seed's shape
    /// (Embedding → LSTM → Dense(1, sigmoid)), which every file of metadata format 1 is.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file holds another network of the family; use <see cref="Network"/>.</exception>
    public LstmClassifier Model => Network.Classifier
        ?? throw new InvalidOperationException($"The ONNX model is {Network.Spec.Describe()}, not Embedding -> LSTM -> Dense(1, sigmoid); read it through Network (a SequenceNetwork).");

    /// <summary>The vocabulary the model maps words with (the same ids; its <see cref="Vocabulary.NumWords"/> is the file's num_words).</summary>
    public required Vocabulary Vocabulary { get; init; }

    /// <summary>Everything else the file records: preprocessing, special ids, normaliser, producer.</summary>
    public required OnnxModelMetadata Metadata { get; init; }

    /// <summary>Options that export <see cref="Network"/> and <see cref="Vocabulary"/> the way the file was exported.</summary>
    public OnnxExportOptions ExportOptions => new()
    {
        Variant = Metadata.Variant,
        MaxLength = Metadata.MaxLength,
        Padding = Metadata.Padding,
        Truncating = Metadata.Truncating,
        IncludeTokenIdsOutput = Metadata.TokenIdsOutputName is not null,
        Layout = Metadata.PaddingFree ? OnnxGraphLayout.PaddingFree : OnnxGraphLayout.Padded,
        NormalizerName = Metadata.NormalizerName,
        NormalizerVersion = Metadata.NormalizerVersion,
        NormalizerRule = Metadata.NormalizerRule,
    };

    /// <summary>The vectorizer the file describes: its vocabulary (words or subword pieces), max length and padding sides.</summary>
    public TextVectorizer Vectorizer => new(Vocabulary, Metadata.MaxLength, Metadata.Padding, Metadata.Truncating);

    // The compiler's PrintMembers would read Model, which throws for most networks of the family.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Network = ").Append(Network.Spec.Describe())
            .Append(", Vocabulary = ").Append(Vocabulary)
            .Append(", Metadata = ").Append(Metadata);
        return true;
    }
}
