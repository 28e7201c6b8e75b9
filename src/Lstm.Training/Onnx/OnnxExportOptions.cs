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
    /// How the graph reads padding. Default <see cref="OnnxGraphLayout.Auto"/>: the padding-free graph (each row's
    /// real ids only, the LSTM starting from a stored table of its state after k padding ids; the padded graph's
    /// results within float rounding) wherever the network has one, that is one forward LSTM, no mask and last-state
    /// pooling (the seed's shape, with any head) with <see cref="PaddingSide.Pre"/> padding; otherwise the padded graph.
    /// <see cref="OnnxGraphLayout.Padded"/> writes every step, for runtimes without LSTM <c>sequence_lens</c> support.
    /// </summary>
    public OnnxGraphLayout Layout { get; init; } = OnnxGraphLayout.Auto;

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
        if (!Enum.IsDefined(Layout)) throw new ArgumentOutOfRangeException(nameof(Layout), Layout, "Unknown graph layout.");
        if (Layout == OnnxGraphLayout.PaddingFree && Padding != PaddingSide.Pre)
            throw new ArgumentException("Layout PaddingFree needs pre-padding (Padding = Pre): it starts each row from the state after its leading padding.", nameof(Layout));
        if (string.IsNullOrWhiteSpace(NormalizerName)) throw new ArgumentException("NormalizerName must not be empty.", nameof(NormalizerName));
        if (NormalizerVersion < 1) throw new ArgumentOutOfRangeException(nameof(NormalizerVersion), NormalizerVersion, "NormalizerVersion must be positive.");
        ArgumentNullException.ThrowIfNull(NormalizerRule);
    }

    /// <summary>Whether a network of <paramref name="spec"/> exported with these options gets the padding-free graph.</summary>
    /// <exception cref="ArgumentException"><see cref="Layout"/> is <see cref="OnnxGraphLayout.PaddingFree"/> and the network has no padding-free graph.</exception>
    public bool WritesPaddingFree(Models.NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return WritesPaddingFreeFor(spec);
    }

    /// <summary><see cref="WritesPaddingFree"/>, with null for the seed's shape (an <c>LstmClassifier</c>).</summary>
    internal bool WritesPaddingFreeFor(Models.NetworkSpec? spec)
    {
        bool supported = spec is null || PaddingFreeGraph.Supports(spec);
        return Layout switch
        {
            OnnxGraphLayout.Padded => false,
            OnnxGraphLayout.PaddingFree when supported => true,
            OnnxGraphLayout.PaddingFree => throw new ArgumentException(
                $"Layout PaddingFree applies to networks with one forward LSTM, no mask and last-state pooling (the seed's shape, with any head) only; this network is {spec!.Describe()}. Export it with Layout Auto or Padded.", "options"),
            _ => supported && Padding == PaddingSide.Pre,
        };
    }
}
