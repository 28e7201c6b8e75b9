using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Onnx;

/// <summary>
/// Keras <c>mask_zero</c> for ONNX's recurrent operators. Our networks skip every step whose id is 0 (the state is
/// kept, the step is left out of pooling) wherever it stands, while ONNX's <c>LSTM</c>/<c>GRU</c>/<c>RNN</c> read the
/// first <c>sequence_lens</c> steps of a row. So each row's valid steps are moved to its front, in order, and its
/// length (the count of non-zero ids) becomes <c>sequence_lens</c>; then a backward direction also starts from the
/// row's last valid step, as ours does.
/// </summary>
/// <remarks>
/// <para>The reordering is a stable partition done with <c>TopK</c> on the key <c>valid·T − t</c> (valid steps
/// descend from T − t &gt; 0, padding from −t ≤ 0), followed by <c>GatherElements</c>. Unlike shifting each row by its
/// padding count, it is exact for Keras's pre-padding, for post-padding (the text variant's
/// <see cref="Text.PaddingSide.Post"/>) and for zeros inside a row.</para>
/// <para>A row of length 0 must give what our C# gives (zero features, so the head's bias), but ONNX Runtime 1.31
/// does not return the initial state for a zero <c>sequence_lens</c>. The operators therefore get lengths clamped to
/// at least 1, and <see cref="Result.HasSteps"/> lets the pooling zero those rows' features afterwards.</para>
/// </remarks>
internal static class MaskZeroGraph
{
    /// <summary>The names of the masking's results.</summary>
    /// <param name="Ids">The ids with each row's valid steps first, int64 [batch, T].</param>
    /// <param name="SequenceLengths">Each row's length clamped to ≥ 1, int32 [batch], for the recurrent operators.</param>
    /// <param name="Lengths">Each row's number of valid steps, int64 [batch, 1].</param>
    /// <param name="LengthsAtLeastOne">The same clamped to ≥ 1, int64 [batch, 1] (a divisor for mean pooling).</param>
    /// <param name="HasSteps">Whether a row has any valid step, bool [batch, 1].</param>
    /// <param name="Positions">0 … T − 1, int64 [T].</param>
    public sealed record Result(string Ids, string SequenceLengths, string Lengths, string LengthsAtLeastOne, string HasSteps, string Positions);

    /// <summary>Appends the nodes that read the padded ids <paramref name="ids"/> (int64 [batch, T]).</summary>
    public static Result Add(OnnxGraphBuilder graph, string ids)
    {
        var paddingId = graph.Int64Constant("mask_padding_id", [], Text.Vocabulary.PaddingId);
        var zero = graph.Int64Constant("mask_zero", [], 0);
        var one = graph.Int64Constant("mask_one", [], 1);
        var timeAxis = graph.Int64Constant("mask_time_axis", [1], 1);
        var timeAxisScalar = graph.Int64Constant("mask_time_axis_scalar", [], 1);

        var valid = graph.Node("Not", "mask_valid", [graph.Node("Equal", "mask_is_padding", [ids, paddingId])]);
        var validCount = graph.Node("Cast", "mask_valid_count", [valid], OnnxGraphBuilder.Int("to", (long)DataType.Int64));
        var shape = graph.Node("Shape", "mask_ids_shape", [ids]);
        var steps = graph.Node("Gather", "mask_steps", [shape, timeAxis], OnnxGraphBuilder.Int("axis", 0));
        var stepsScalar = graph.Node("Gather", "mask_steps_scalar", [shape, timeAxisScalar], OnnxGraphBuilder.Int("axis", 0));
        var positions = graph.Node("Range", "mask_positions", [zero, stepsScalar, one]);

        var key = graph.Node("Sub", "mask_order_key", [graph.Node("Mul", "mask_valid_scaled", [validCount, steps]), positions]);
        var order = graph.Node("TopK", "", ["mask_order_key_sorted", "mask_order"], [key, steps],
            OnnxGraphBuilder.Int("axis", 1), OnnxGraphBuilder.Int("largest", 1), OnnxGraphBuilder.Int("sorted", 1))[1];
        var compact = graph.Node("GatherElements", "mask_ids_valid_first", [ids, order], OnnxGraphBuilder.Int("axis", 1));

        var lengths = graph.Node("ReduceSum", "mask_lengths", [validCount, timeAxis], OnnxGraphBuilder.Int("keepdims", 1));
        var atLeastOne = graph.Node("Max", "mask_lengths_at_least_one", [lengths, one]);
        var sequenceLengths = graph.Node("Cast", "mask_sequence_lens",
            [graph.Node("Squeeze", "mask_lengths_flat", [atLeastOne, timeAxis])], OnnxGraphBuilder.Int("to", (long)DataType.Int32));
        var hasSteps = graph.Node("Greater", "mask_has_steps", [lengths, zero]);
        return new Result(compact, sequenceLengths, lengths, atLeastOne, hasSteps, positions);
    }
}
