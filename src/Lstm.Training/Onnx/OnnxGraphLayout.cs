namespace Lstm.Training.Onnx;

/// <summary>How an exported graph reads each row's padding (<see cref="OnnxExportOptions.Layout"/>).</summary>
public enum OnnxGraphLayout
{
    /// <summary>
    /// <see cref="PaddingFree"/> where the network has an exact padding-free graph (one forward LSTM, no mask,
    /// last-state pooling, with pre-padding: the seed's shape, with any head), else <see cref="Padded"/>. A
    /// <c>mask_zero</c> network skips padding in either layout, through <c>sequence_lens</c>.
    /// </summary>
    Auto,

    /// <summary>
    /// Each row's real ids only: the LSTM starts from a stored table of its state after k padding ids
    /// (k = 0..MaxLength) and reads the rest through <c>sequence_lens</c>, giving the padded graph's results within
    /// float rounding. Export throws for a network without such a graph. Metadata <c>lstm_mlnet.layout</c> =
    /// <c>padding-free</c>.
    /// </summary>
    PaddingFree,

    /// <summary>Every step of every row is read, padding included, as in files written before padding-free graphs; for runtimes without <c>sequence_lens</c> support.</summary>
    Padded,
}
