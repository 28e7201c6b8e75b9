using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Text;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Onnx;

/// <summary>
/// The padding-free network part of a graph (<see cref="OnnxGraphLayout.PaddingFree"/>) of the seed's shape, or of
/// any family network with one forward LSTM, no mask and last-state pooling (<see cref="Supports"/>). With pre-padding
/// every row begins with k padding ids read from a zero state, so the LSTM's state after them depends on k alone: the
/// graph holds that state for k = 0..max_len (<see cref="PaddingHidden"/>, <see cref="PaddingCells"/>, [max_len + 1, H],
/// computed by our forward pass), moves each row's remaining ids to its front, and runs the LSTM on those only
/// (<c>sequence_lens</c>), from the table's row k (<c>initial_h</c>, <c>initial_c</c>).
/// </summary>
/// <remarks>
/// <para>k is the row's count of leading padding ids, capped at max_len: an ids-variant row longer than max_len that
/// starts with more padding reads the rest of it as ordinary steps from the state after max_len of them, which is what
/// the padded graph computes. Ids after the first non-padding one are read as they are, zeros included.</para>
/// <para>A row with no step left (all padding, at most max_len long; only the ids variant can give one, as the text
/// variant always keeps the start id) has the table's state for k: ONNX Runtime 1.31 does not return the initial state
/// for a zero <c>sequence_lens</c>, so the LSTM gets length 1 and a <c>Where</c> takes the table's row instead.</para>
/// <para>The LSTM steps are cut to the batch's longest row, so batches of similar lengths run fastest.</para>
/// </remarks>
internal static class PaddingFreeGraph
{
    public const string PaddingHidden = "padding_hidden";
    public const string PaddingCells = "padding_cells";

    /// <summary>The shape of both padding tables for <paramref name="maxLength"/> and <paramref name="units"/>.</summary>
    public static long[] TableShape(int maxLength, int units) => [maxLength + 1, units];

    /// <summary>Whether <paramref name="spec"/> can be written padding-free: one forward LSTM, unmasked, last-state pooling (any head).</summary>
    public static bool Supports(NetworkSpec spec) =>
        !spec.MaskZero && spec.Pooling == PoolingKind.Last && spec.Recurrent.Count == 1 && spec.Recurrent[0] is { Kind: RecurrentKind.Lstm, Bidirectional: false };

    /// <summary>Appends the seed-shaped network reading the padded ids <paramref name="ids"/> (int64 [batch, T]) and declares the two outputs.</summary>
    public static void Add(OnnxGraphBuilder graph, LstmClassifier model, string ids, int maxLength)
    {
        LstmNetworkGraph.AddInitializers(graph, model);
        var trajectory = new LstmLayer(model.Parameters).PadTrajectory(Vocabulary.PaddingId, maxLength);
        int h = model.Config.Units;
        var hidden = AddLstm(graph, ids, maxLength, trajectory, h,
            [LstmNetworkGraph.Embedding, LstmNetworkGraph.LstmW, LstmNetworkGraph.LstmR, LstmNetworkGraph.LstmB],
            [OnnxGraphBuilder.Int("hidden_size", h), OnnxGraphBuilder.Int("layout", 0)]);
        LstmNetworkGraph.AddHead(graph, hidden);
    }

    /// <summary>
    /// Appends a family network of <see cref="Supports"/>'s shape (its initializers named as <see cref="NetworkInitializers"/>
    /// names them, its head written by <see cref="HeadGraph"/>) reading the padded ids <paramref name="ids"/>.
    /// </summary>
    public static void Add(OnnxGraphBuilder graph, NetworkParameters parameters, string ids, int maxLength)
    {
        var spec = parameters.Spec;
        if (!Supports(spec)) throw new ArgumentException($"{spec.Describe()} has no padding-free graph.", nameof(parameters));
        var shapes = NetworkInitializers.Shapes(spec);
        var values = NetworkInitializers.ToOnnx(parameters);
        for (int i = 0; i < shapes.Count; i++) graph.Initializer(OnnxTensors.Float(shapes[i].Name, shapes[i].Shape, values[i]));

        // The layer's tensors are in the classifier's Keras layout, so the classifier's forward pass computes the table.
        var config = spec.FirstLayerConfig();
        var layerParameters = new LstmClassifierParameters(config);
        parameters.Embedding.CopyTo(layerParameters.Embedding, 0);
        int k = parameters.KernelIndex(0, 0);
        parameters.Tensors[k].CopyTo(layerParameters.Kernel, 0);
        parameters.Tensors[k + 1].CopyTo(layerParameters.RecurrentKernel, 0);
        parameters.Tensors[k + 2].CopyTo(layerParameters.Bias, 0);
        var trajectory = new LstmLayer(layerParameters).PadTrajectory(Vocabulary.PaddingId, maxLength);
        var hidden = AddLstm(graph, ids, maxLength, trajectory, config.Units,
            [NetworkInitializers.Embedding, NetworkInitializers.W(0), NetworkInitializers.R(0), NetworkInitializers.B(0)],
            RecurrentStackGraph.Attributes(spec.Recurrent[0]));
        HeadGraph.Add(graph, spec, hidden);
    }

    /// <summary>
    /// The padding tables and the nodes from the padded ids to the LSTM's last hidden state [batch, H], whose name is
    /// returned; <paramref name="weights"/> names the embedding, W, R and B initializers, <paramref name="attributes"/>
    /// are the LSTM node's (as the padded graph of the same network writes them).
    /// </summary>
    private static string AddLstm(OnnxGraphBuilder graph, string ids, int maxLength, PaddingTrajectory trajectory, int h,
        string[] weights, Proto.AttributeProto[] attributes)
    {
        string embedding = weights[0];
        graph.Initializer(OnnxTensors.Float(PaddingHidden, TableShape(maxLength, h), trajectory.Hidden));
        graph.Initializer(OnnxTensors.Float(PaddingCells, TableShape(maxLength, h), trajectory.Cells));
        var paddingId = graph.Int64Constant("pf_padding_id", [], Vocabulary.PaddingId);
        var zero = graph.Int64Constant("pf_zero", [], 0);
        var one = graph.Int64Constant("pf_one", [], 1);
        var oneK = graph.Int64Constant("pf_top_one", [1], 1);
        var cap = graph.Int64Constant("pf_max_len", [], maxLength);
        var timeAxis = graph.Int64Constant("pf_time_axis", [1], 1);
        var timeAxisScalar = graph.Int64Constant("pf_time_axis_scalar", [], 1);
        var firstAxis = graph.Int64Constant("pf_first_axis", [1], 0);

        // T, and T - t for t = 0 … T - 1.
        var shape = graph.Node("Shape", "pf_ids_shape", [ids]);
        var steps = graph.Node("Gather", "pf_steps", [shape, timeAxisScalar], OnnxGraphBuilder.Int("axis", 0));
        var positions = graph.Node("Range", "pf_positions", [zero, steps, one]);
        var remaining = graph.Node("Sub", "pf_remaining", [steps, positions]);

        // Real length T - (leading padding) = max over non-padding t of T - t (0 if none), [batch, 1]; k capped at max_len.
        var isReal = graph.Node("Cast", "pf_is_real",
            [graph.Node("Not", "pf_not_padding", [graph.Node("Equal", "pf_is_padding", [ids, paddingId])])], OnnxGraphBuilder.Int("to", (long)DataType.Int64));
        var key = graph.Node("Mul", "pf_real_remaining", [isReal, remaining]);
        var realLength = graph.Node("TopK", "", ["pf_real_length", "pf_real_length_index"], [key, oneK],
            OnnxGraphBuilder.Int("axis", 1), OnnxGraphBuilder.Int("largest", 1), OnnxGraphBuilder.Int("sorted", 1))[0];
        var padding = graph.Node("Min", "pf_padding_steps", [graph.Node("Sub", "pf_leading_padding", [steps, realLength]), cap]);
        var length = graph.Node("Sub", "pf_length", [steps, padding]);

        // Each row's ids from its step k on, left-aligned, cut to the batch's longest row (at least 1 step).
        var last = graph.Node("Sub", "pf_last_position", [steps, one]);
        var source = graph.Node("Min", "pf_source_position", [graph.Node("Add", "pf_shifted_position", [positions, padding]), last]);
        var aligned = graph.Node("GatherElements", "pf_ids_aligned", [ids, source], OnnxGraphBuilder.Int("axis", 1));
        var longest = graph.Node("TopK", "", ["pf_longest", "pf_longest_index"], [length, oneK],
            OnnxGraphBuilder.Int("axis", 0), OnnxGraphBuilder.Int("largest", 1), OnnxGraphBuilder.Int("sorted", 1))[0];
        var end = graph.Node("Squeeze", "pf_end", [graph.Node("Max", "pf_longest_at_least_one", [longest, one]), timeAxis]);
        var cut = graph.Node("Slice", "pf_ids_cut", [aligned, firstAxis, end, timeAxis]);

        var embedded = graph.Node("Gather", "embedded", [embedding, cut], OnnxGraphBuilder.Int("axis", 0));
        var timeMajor = graph.Node("Transpose", "embedded_time_major", [embedded], OnnxGraphBuilder.Ints("perm", 1, 0, 2));
        var sequenceLengths = graph.Node("Cast", "pf_sequence_lens",
            [graph.Node("Squeeze", "pf_length_flat", [graph.Node("Max", "pf_length_at_least_one", [length, one]), timeAxis])],
            OnnxGraphBuilder.Int("to", (long)DataType.Int32));
        var paddingFlat = graph.Node("Squeeze", "pf_padding_flat", [padding, timeAxis]);
        var startHidden = graph.Node("Gather", "pf_start_hidden", [PaddingHidden, paddingFlat], OnnxGraphBuilder.Int("axis", 0));
        var startCells = graph.Node("Gather", "pf_start_cells", [PaddingCells, paddingFlat], OnnxGraphBuilder.Int("axis", 0));
        var initialHidden = graph.Node("Unsqueeze", "pf_initial_h", [startHidden, firstAxis]);
        var initialCells = graph.Node("Unsqueeze", "pf_initial_c", [startCells, firstAxis]);
        var lastHidden = graph.Node("LSTM", "", ["", "lstm_last_hidden"],
            [timeMajor, weights[1], weights[2], weights[3], sequenceLengths, initialHidden, initialCells], attributes)[1];
        var stepped = graph.Node("Squeeze", "pf_lstm_hidden", [lastHidden, firstAxis]);
        var empty = graph.Node("Equal", "pf_is_empty", [length, zero]);
        return graph.Node("Where", "lstm_hidden", [empty, startHidden, stepped]);
    }
}
