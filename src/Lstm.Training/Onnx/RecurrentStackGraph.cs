using Lstm.Training.Models;
using Lstm.Training.Onnx.Proto;

namespace Lstm.Training.Onnx;

/// <summary>
/// The recurrent layers of a family network: one ONNX <c>LSTM</c>, <c>GRU</c> (<c>linear_before_reset=1</c>, Keras's
/// <c>reset_after=True</c>) or <c>RNN</c> (Tanh) node per layer, direction <c>forward</c> or <c>bidirectional</c>,
/// time-major (<c>layout</c> 0: ONNX Runtime's CPU kernels refuse batch-major). Between layers, and for max/mean
/// pooling, <c>Y</c> [T, dirs, batch, H] becomes [T, batch, dirs·H] (forward then backward units, Keras's
/// <c>merge_mode="concat"</c>); for <see cref="PoolingKind.Last"/> the last layer's <c>Y_h</c> [dirs, batch, H]
/// becomes [batch, dirs·H], the backward half being its state after reading the first step.
/// </summary>
internal static class RecurrentStackGraph
{
    /// <summary>The last layer's outputs: its sequence [T, batch, F] (null for last-state pooling) or its last state [batch, F] (null otherwise).</summary>
    public sealed record Result(string? Sequence, string? LastState);

    /// <summary>
    /// Appends the layers reading <paramref name="input"/> ([T, batch, E]); <paramref name="sequenceLengths"/>
    /// (int32 [batch]) for masked networks, else null (every step is read, as Keras does without a mask).
    /// </summary>
    public static Result Add(OnnxGraphBuilder graph, NetworkSpec spec, string input, string? sequenceLengths)
    {
        string? sequenceShape = null;
        string x = input;
        for (int l = 0; l < spec.Recurrent.Count; l++)
        {
            var layer = spec.Recurrent[l];
            bool last = l == spec.Recurrent.Count - 1;
            bool wantsState = last && spec.Pooling == PoolingKind.Last;
            string[] inputs = sequenceLengths is null
                ? [x, NetworkInitializers.W(l), NetworkInitializers.R(l), NetworkInitializers.B(l)]
                : [x, NetworkInitializers.W(l), NetworkInitializers.R(l), NetworkInitializers.B(l), sequenceLengths];
            string[] outputs = wantsState ? ["", $"recurrent{l}_Y_h"] : [$"recurrent{l}_Y"];
            var node = graph.Node(OpType(layer.Kind), "", outputs, inputs, Attributes(layer));
            if (wantsState)
            {
                var batchMajor = graph.Node("Transpose", $"recurrent{l}_Y_h_batch_major", [node[1]], OnnxGraphBuilder.Ints("perm", 1, 0, 2));
                var stateShape = graph.Int64Constant("recurrent_state_shape", [2], 0, -1);
                return new Result(null, graph.Node("Reshape", "recurrent_last_state", [batchMajor, stateShape]));
            }
            var directionsLast = graph.Node("Transpose", $"recurrent{l}_Y_directions_last", [node[0]], OnnxGraphBuilder.Ints("perm", 0, 2, 1, 3));
            sequenceShape ??= graph.Int64Constant("recurrent_sequence_shape", [3], 0, 0, -1);
            x = graph.Node("Reshape", $"recurrent{l}_output", [directionsLast, sequenceShape]);
        }
        return new Result(x, null);
    }

    /// <summary>The ONNX operator of <paramref name="kind"/>.</summary>
    public static string OpType(RecurrentKind kind) => kind switch
    {
        RecurrentKind.Lstm => "LSTM",
        RecurrentKind.Gru => "GRU",
        _ => "RNN",
    };

    /// <summary>The attributes written for <paramref name="layer"/>; every other attribute keeps ONNX's default (sigmoid/tanh activations, no clip).</summary>
    public static AttributeProto[] Attributes(RecurrentLayerSpec layer)
    {
        var size = OnnxGraphBuilder.Int("hidden_size", layer.Units);
        var direction = OnnxGraphBuilder.String("direction", Direction(layer));
        return layer.Kind == RecurrentKind.Gru ? [size, direction, OnnxGraphBuilder.Int("linear_before_reset", 1)] : [size, direction];
    }

    /// <summary>ONNX's <c>direction</c> of <paramref name="layer"/>.</summary>
    public static string Direction(RecurrentLayerSpec layer) => layer.Bidirectional ? "bidirectional" : "forward";
}
