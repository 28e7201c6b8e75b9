namespace Lstm.Training.Onnx;

/// <summary>Which input an exported ONNX model takes.</summary>
public enum OnnxModelVariant
{
    /// <summary>
    /// Input <c>text</c>, a string tensor <c>[batch, 1]</c> of normalised text (the output of the project's text
    /// normaliser). The graph splits on whitespace, maps words to ids, prepends the start id and pads/truncates to
    /// the maximum length. Default opset ai.onnx 20 (for <c>StringSplit</c>) and ai.onnx.ml 3.
    /// </summary>
    Text,

    /// <summary>
    /// Input <c>input_ids</c>, an int64 tensor <c>[batch, sequence]</c> of ids already encoded and padded as Keras
    /// feeds them (ids below the vocabulary size). Opset ai.onnx 17, so older tools and checkers read it.
    /// </summary>
    Ids,
}
