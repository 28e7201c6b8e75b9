using Lstm.Training.Models;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Onnx;

/// <summary>
/// The head's input [batch, F] from the last recurrent layer: its last state, or <c>ReduceMax</c>/<c>ReduceMean</c>
/// over time of its sequence. With masking, steps at or after a row's length are left out (−∞ before the maximum,
/// 0 before a sum divided by the length), and rows without any valid step get zero features, as
/// <see cref="SequenceNetwork"/> gives them.
/// </summary>
internal static class PoolingGraph
{
    /// <summary>Appends the pooling and returns the features' name; <paramref name="mask"/> null for unmasked networks.</summary>
    public static string Add(OnnxGraphBuilder graph, NetworkSpec spec, RecurrentStackGraph.Result recurrent, MaskZeroGraph.Result? mask, int opset)
    {
        string pooled;
        if (spec.Pooling == PoolingKind.Last) pooled = recurrent.LastState!;
        else if (mask is null)
            pooled = ReduceOverTime(graph, spec.Pooling == PoolingKind.Max ? "ReduceMax" : "ReduceMean", "pooled", recurrent.Sequence!, opset);
        else
        {
            // Step t of row b is valid when t < length[b]: [T, 1, 1] against [1, batch, 1], broadcast over the features.
            var timeColumn = graph.Node("Reshape", "pool_positions_column", [mask.Positions, graph.Int64Constant("pool_positions_shape", [3], -1, 1, 1)]);
            var lengthRow = graph.Node("Reshape", "pool_lengths_row", [mask.Lengths, graph.Int64Constant("pool_lengths_shape", [3], 1, -1, 1)]);
            var valid = graph.Node("Less", "pool_step_is_valid", [timeColumn, lengthRow]);
            if (spec.Pooling == PoolingKind.Max)
            {
                var masked = graph.Node("Where", "pool_masked_sequence", [valid, recurrent.Sequence!, graph.FloatConstant("pool_minus_infinity", [], float.NegativeInfinity)]);
                pooled = ReduceOverTime(graph, "ReduceMax", "pool_valid_max", masked, opset);
            }
            else
            {
                var masked = graph.Node("Where", "pool_masked_sequence", [valid, recurrent.Sequence!, graph.FloatConstant("pool_zero", [], 0f)]);
                var sum = ReduceOverTime(graph, "ReduceSum", "pool_valid_sum", masked, opset);
                var count = graph.Node("Cast", "pool_valid_count", [mask.LengthsAtLeastOne], OnnxGraphBuilder.Int("to", (long)DataType.Float));
                pooled = graph.Node("Div", "pool_valid_mean", [sum, count]);
            }
        }
        if (mask is null) return pooled;
        return graph.Node("Where", "pooled", [mask.HasSteps, pooled, graph.FloatConstant("pool_empty_row_feature", [], 0f)]);
    }

    /// <summary>
    /// A reduction over axis 0 without keeping it. ReduceMax and ReduceMean take their axes as an attribute up to
    /// opset 17 (the ids variant's) and as an input from 18 (the text variant's); ReduceSum as an input from 13.
    /// </summary>
    private static string ReduceOverTime(OnnxGraphBuilder graph, string op, string output, string input, int opset)
    {
        var keepDims = OnnxGraphBuilder.Int("keepdims", 0);
        bool axesInput = op == "ReduceSum" ? opset >= 13 : opset >= 18;
        return axesInput
            ? graph.Node(op, output, [input, graph.Int64Constant($"{output}_axes", [1], 0)], keepDims)
            : graph.Node(op, output, [input], OnnxGraphBuilder.Ints("axes", 0), keepDims);
    }
}
