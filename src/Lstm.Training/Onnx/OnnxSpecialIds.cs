namespace Lstm.Training.Onnx;

/// <summary>The reserved ids of Keras's IMDB encoding: padding 0, start 1, out-of-vocabulary 2, index_from 3.</summary>
internal readonly record struct OnnxSpecialIds(int Padding, int Start, int Oov, int IndexFrom)
{
    public static OnnxSpecialIds Keras { get; } = new(0, 1, 2, 3);
}
