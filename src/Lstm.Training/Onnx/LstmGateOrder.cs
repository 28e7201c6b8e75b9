namespace Lstm.Training.Onnx;

/// <summary>
/// Converts LSTM weights between Keras's layout (W [E, 4H], U [H, 4H], b [4H], gate column blocks i, f, c, o) and
/// ONNX's <c>LSTM</c> operator (W [1, 4H, E], R [1, 4H, H], B [1, 8H] = input bias then recurrent bias, gate row
/// blocks i, o, f, c).
/// </summary>
internal static class LstmGateOrder
{
    /// <summary>For each ONNX gate block (i, o, f, c), the Keras gate block (i, f, c, o) it comes from.</summary>
    private static ReadOnlySpan<int> KerasGateOfOnnxGate => [0, 3, 1, 2];

    /// <summary>ONNX <c>W</c> or <c>R</c> ([4H, rows] row-major) from a Keras kernel ([rows, 4H] row-major).</summary>
    public static float[] ToOnnxWeights(ReadOnlySpan<float> keras, int rows, int units)
    {
        var onnx = new float[keras.Length];
        for (int gate = 0; gate < 4; gate++)
        {
            int kerasColumn0 = KerasGateOfOnnxGate[gate] * units;
            for (int j = 0; j < units; j++)
            {
                int onnxRow = (gate * units + j) * rows;
                for (int r = 0; r < rows; r++) onnx[onnxRow + r] = keras[r * 4 * units + kerasColumn0 + j];
            }
        }
        return onnx;
    }

    /// <summary>The Keras kernel ([rows, 4H]) that <see cref="ToOnnxWeights"/> maps to <paramref name="onnx"/>.</summary>
    public static void FromOnnxWeights(ReadOnlySpan<float> onnx, int rows, int units, Span<float> keras)
    {
        for (int gate = 0; gate < 4; gate++)
        {
            int kerasColumn0 = KerasGateOfOnnxGate[gate] * units;
            for (int j = 0; j < units; j++)
            {
                int onnxRow = (gate * units + j) * rows;
                for (int r = 0; r < rows; r++) keras[r * 4 * units + kerasColumn0 + j] = onnx[onnxRow + r];
            }
        }
    }

    /// <summary>ONNX <c>B</c> ([8H]): the Keras bias reordered as input bias, then a zero recurrent bias.</summary>
    public static float[] ToOnnxBias(ReadOnlySpan<float> keras, int units)
    {
        var onnx = new float[8 * units];
        for (int gate = 0; gate < 4; gate++)
            keras.Slice(KerasGateOfOnnxGate[gate] * units, units).CopyTo(onnx.AsSpan(gate * units));
        return onnx;
    }

    /// <summary>
    /// The Keras bias equivalent to ONNX <c>B</c>: input and recurrent biases summed, then reordered. Where the
    /// recurrent bias is zero (always, in files this library writes) the input bias is taken as is, so that even a −0
    /// comes back bit for bit (−0 + 0 is +0).
    /// </summary>
    public static void FromOnnxBias(ReadOnlySpan<float> onnx, int units, Span<float> keras)
    {
        for (int gate = 0; gate < 4; gate++)
        {
            int k = KerasGateOfOnnxGate[gate] * units;
            for (int j = 0; j < units; j++)
            {
                float input = onnx[gate * units + j], recurrent = onnx[(4 + gate) * units + j];
                keras[k + j] = recurrent == 0f ? input : input + recurrent;
            }
        }
    }
}
