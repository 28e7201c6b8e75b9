using Lstm.Training.Models;

namespace Lstm.Training.Onnx;

/// <summary>
/// The network part of an exported family network (any <see cref="NetworkSpec"/> but the seed's shape, which
/// <see cref="LstmNetworkGraph"/> writes): padded ids [batch, T] → (with <see cref="NetworkSpec.MaskZero"/>: valid
/// steps first, <see cref="MaskZeroGraph"/>) → Gather(embedding) → Transpose to [T, batch, E] → the recurrent layers
/// (<see cref="RecurrentStackGraph"/>) → pooling (<see cref="PoolingGraph"/>) → Dense and outputs (<see cref="HeadGraph"/>).
/// </summary>
internal static class SequenceNetworkGraph
{
    /// <summary>Appends the network reading <paramref name="ids"/>; <paramref name="opset"/> is the model's ai.onnx opset.</summary>
    public static void Add(OnnxGraphBuilder graph, NetworkParameters parameters, string ids, int opset)
    {
        var spec = parameters.Spec;
        var shapes = NetworkInitializers.Shapes(spec);
        var values = NetworkInitializers.ToOnnx(parameters);
        for (int i = 0; i < shapes.Count; i++) graph.Initializer(OnnxTensors.Float(shapes[i].Name, shapes[i].Shape, values[i]));

        var mask = spec.MaskZero ? MaskZeroGraph.Add(graph, ids) : null;
        var embedded = graph.Node("Gather", "embedded", [NetworkInitializers.Embedding, mask?.Ids ?? ids], OnnxGraphBuilder.Int("axis", 0));
        var timeMajor = graph.Node("Transpose", "embedded_time_major", [embedded], OnnxGraphBuilder.Ints("perm", 1, 0, 2));
        var recurrent = RecurrentStackGraph.Add(graph, spec, timeMajor, mask?.SequenceLengths);
        var features = PoolingGraph.Add(graph, spec, recurrent, mask, opset);
        HeadGraph.Add(graph, spec, features);
    }
}
