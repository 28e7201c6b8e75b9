namespace Lstm.Training.Onnx;

/// <summary>
/// The end of a sequence that Keras's <c>pad_sequences</c> pads or truncates: <c>'pre'</c> (the front) or
/// <c>'post'</c> (the back).
/// </summary>
public enum SequenceSide
{
    /// <summary>The front: pad with leading zeros; when too long, keep the last ids (Keras's default).</summary>
    Pre,

    /// <summary>The back: pad with trailing zeros; when too long, keep the first ids.</summary>
    Post,
}
