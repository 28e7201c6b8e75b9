using Lstm.Training.Text;

namespace Lstm.Training.Onnx;

/// <summary>How <see cref="OnnxExporter"/> writes a model.</summary>
public sealed record OnnxExportOptions
{
    /// <summary>Text input (preprocessing in the graph) or id input. Default <see cref="OnnxModelVariant.Text"/>.</summary>
    public OnnxModelVariant Variant { get; init; } = OnnxModelVariant.Text;

    /// <summary>
    /// Sequence length the text variant pads or truncates to (Keras <c>pad_sequences(maxlen)</c>), counting the
    /// start id. Recorded in the metadata of both variants. Default 500, the seed program's.
    /// </summary>
    public int MaxLength { get; init; } = 500;

    /// <summary>Where short sequences get their padding zeros. Default <see cref="PaddingSide.Pre"/> (Keras's).</summary>
    public PaddingSide Padding { get; init; } = PaddingSide.Pre;

    /// <summary>Which end of a long sequence is cut off. Default <see cref="PaddingSide.Pre"/> (Keras's: keep the last ids).</summary>
    public PaddingSide Truncating { get; init; } = PaddingSide.Pre;

    /// <summary>
    /// Text variant only: adds an output <c>token_ids</c>, int64 <c>[batch, MaxLength]</c>, holding the padded ids
    /// the network reads, for checking preprocessing against the trainer's. Default false.
    /// </summary>
    public bool IncludeTokenIdsOutput { get; init; }

    /// <summary>
    /// Writes the padding-free graph (metadata <see cref="OnnxMetadataKeys.Layout"/> <c>padding-free</c>): each row's
    /// real ids are left-aligned and the LSTM starts, through its <c>initial_h</c>/<c>initial_c</c> and
    /// <c>sequence_lens</c>, from a stored table of its state after k padding ids, k = 0..MaxLength, so that it skips
    /// the padding yet gives the padded graph's results (within float rounding). Only for networks of the seed's shape
    /// (Embedding → one forward LSTM, last state → Dense(1, sigmoid)), or of the family with one forward LSTM, no mask
    /// and last-state pooling (any head), with <see cref="PaddingSide.Pre"/> padding.
    /// Default false (every step is read, as in files written before this option; runtimes without
    /// <c>sequence_lens</c> support need that).
    /// </summary>
    public bool PaddingFree { get; init; }

    /// <summary>
    /// Name of the text normaliser whose output the text variant expects and with which the vocabulary was built.
    /// Default <see cref="TextNormalizer.Name"/>; set only to re-export a model made with another normaliser.
    /// </summary>
    public string NormalizerName { get; init; } = TextNormalizer.Name;

    /// <summary>Version of that normaliser. Default <see cref="TextNormalizer.Version"/>.</summary>
    public int NormalizerVersion { get; init; } = TextNormalizer.Version;

    /// <summary>The normaliser's rule in words, stored so a reader can reimplement it. Default <see cref="TextNormalizer.Rule"/>.</summary>
    public string NormalizerRule { get; init; } = TextNormalizer.Rule;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> naming the first invalid value.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Variant)) throw new ArgumentOutOfRangeException(nameof(Variant), Variant, "Unknown ONNX model variant.");
        if (MaxLength < 1) throw new ArgumentOutOfRangeException(nameof(MaxLength), MaxLength, "MaxLength must be positive.");
        if (!Enum.IsDefined(Padding)) throw new ArgumentOutOfRangeException(nameof(Padding), Padding, "Unknown padding side.");
        if (!Enum.IsDefined(Truncating)) throw new ArgumentOutOfRangeException(nameof(Truncating), Truncating, "Unknown truncating side.");
        if (IncludeTokenIdsOutput && Variant != OnnxModelVariant.Text)
            throw new ArgumentException("IncludeTokenIdsOutput applies to the text variant only; the ids variant's input already is the ids.", nameof(IncludeTokenIdsOutput));
        if (PaddingFree && Padding != PaddingSide.Pre)
            throw new ArgumentException("PaddingFree needs pre-padding (Padding = Pre): it starts each row from the state after its leading padding.", nameof(PaddingFree));
        if (string.IsNullOrWhiteSpace(NormalizerName)) throw new ArgumentException("NormalizerName must not be empty.", nameof(NormalizerName));
        if (NormalizerVersion < 1) throw new ArgumentOutOfRangeException(nameof(NormalizerVersion), NormalizerVersion, "NormalizerVersion must be positive.");
        ArgumentNullException.ThrowIfNull(NormalizerRule);
    }
}
