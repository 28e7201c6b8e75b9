using Lstm.Training.Models;

namespace Lstm.Training.Onnx;

/// <summary>
/// Converts one direction of a recurrent layer between Keras's layout (<c>kernel</c> [rows, gates·H] and
/// <c>recurrent_kernel</c> [H, gates·H] with gate column blocks; <c>bias</c> [gates·H], GRU [2, 3H]) and ONNX's
/// <c>LSTM</c> / <c>GRU</c> / <c>RNN</c> operators (<c>W</c> [gates·H, rows], <c>R</c> [gates·H, H] with gate row
/// blocks; <c>B</c> [2·gates·H] = input bias, then recurrent bias).
/// </summary>
/// <remarks>
/// LSTM gates are i, f, c, o in Keras and i, o, f, c in ONNX; GRU gates are z, r, h in both (Keras
/// <c>reset_after=True</c> is ONNX <c>linear_before_reset=1</c>, and its two bias rows are ONNX's Wb and Rb);
/// SimpleRNN has one block. Keras's LSTM and SimpleRNN have one bias, exported as Wb with a zero Rb.
/// </remarks>
internal static class RecurrentWeightLayout
{
    /// <summary>For each ONNX gate block, the Keras gate block it comes from.</summary>
    private static int[] KerasGateOfOnnxGate(RecurrentKind kind) => kind switch
    {
        RecurrentKind.Lstm => [0, 3, 1, 2],
        RecurrentKind.Gru => [0, 1, 2],
        _ => [0],
    };

    /// <summary>Gate blocks of <paramref name="kind"/>: 4, 3 or 1.</summary>
    public static int Gates(RecurrentKind kind) => KerasGateOfOnnxGate(kind).Length;

    /// <summary>Writes ONNX <c>W</c> or <c>R</c> ([gates·H, rows]) of one direction from a Keras kernel ([rows, gates·H]).</summary>
    public static void ToOnnxWeights(RecurrentKind kind, ReadOnlySpan<float> keras, int rows, int units, Span<float> onnx)
    {
        var order = KerasGateOfOnnxGate(kind);
        int width = order.Length * units;
        for (int gate = 0; gate < order.Length; gate++)
        {
            int kerasColumn0 = order[gate] * units;
            for (int j = 0; j < units; j++)
            {
                int onnxRow = (gate * units + j) * rows;
                for (int r = 0; r < rows; r++) onnx[onnxRow + r] = keras[r * width + kerasColumn0 + j];
            }
        }
    }

    /// <summary>The Keras kernel that <see cref="ToOnnxWeights"/> maps to <paramref name="onnx"/>.</summary>
    public static void FromOnnxWeights(RecurrentKind kind, ReadOnlySpan<float> onnx, int rows, int units, Span<float> keras)
    {
        var order = KerasGateOfOnnxGate(kind);
        int width = order.Length * units;
        for (int gate = 0; gate < order.Length; gate++)
        {
            int kerasColumn0 = order[gate] * units;
            for (int j = 0; j < units; j++)
            {
                int onnxRow = (gate * units + j) * rows;
                for (int r = 0; r < rows; r++) keras[r * width + kerasColumn0 + j] = onnx[onnxRow + r];
            }
        }
    }

    /// <summary>Writes ONNX <c>B</c> ([2·gates·H]) of one direction from the Keras bias.</summary>
    public static void ToOnnxBias(RecurrentKind kind, ReadOnlySpan<float> keras, int units, Span<float> onnx)
    {
        var order = KerasGateOfOnnxGate(kind);
        int width = order.Length * units;
        onnx[..(2 * width)].Clear();
        for (int gate = 0; gate < order.Length; gate++)
        {
            keras.Slice(order[gate] * units, units).CopyTo(onnx[(gate * units)..]);
            if (kind == RecurrentKind.Gru) keras.Slice(width + order[gate] * units, units).CopyTo(onnx[(width + gate * units)..]);
        }
    }

    /// <summary>
    /// The Keras bias equivalent to ONNX <c>B</c>. GRU keeps both rows; LSTM and SimpleRNN sum them, taking the input
    /// bias as is where the recurrent one is zero, so that an exported bias (even −0) comes back bit for bit.
    /// </summary>
    public static void FromOnnxBias(RecurrentKind kind, ReadOnlySpan<float> onnx, int units, Span<float> keras)
    {
        var order = KerasGateOfOnnxGate(kind);
        int width = order.Length * units;
        for (int gate = 0; gate < order.Length; gate++)
        {
            int k = order[gate] * units;
            for (int j = 0; j < units; j++)
            {
                float input = onnx[gate * units + j], recurrent = onnx[width + gate * units + j];
                if (kind == RecurrentKind.Gru)
                {
                    keras[k + j] = input;
                    keras[width + k + j] = recurrent;
                }
                else keras[k + j] = recurrent == 0f ? input : input + recurrent;
            }
        }
    }
}
