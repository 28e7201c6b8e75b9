using Lstm.Training.Models;
using Lstm.Training.Onnx.Proto;

namespace Lstm.Training.Onnx;

// Reading the network of a metadata-format-2 file: any network of the family but the seed's shape.
public static partial class OnnxImporter
{
    private static readonly HashSet<string> RecurrentOps = new(StringComparer.Ordinal) { "LSTM", "GRU", "RNN" };

    /// <summary>The weights of the network the metadata describes, read from the initializers and checked against the recurrent nodes (and, padding-free, the padding tables).</summary>
    private static SequenceNetwork ReadNetwork(GraphProto graph, OnnxModelMetadata metadata, string source)
    {
        var spec = metadata.Network;
        var shapes = NetworkInitializers.Shapes(spec);
        var values = ReadInitializers(graph, shapes, spec.Describe(), source);
        CheckRecurrentNodes(graph, spec, metadata.PaddingFree, source);
        if (metadata.PaddingFree) CheckPaddingTables(graph, metadata, source);
        return new SequenceNetwork(NetworkInitializers.FromOnnx(spec, [.. shapes.Select(s => values[s.Name])]));
    }

    /// <summary>One node per layer, of the layer's operator and reading its weights, with exactly the attributes the exporter writes.</summary>
    internal static void CheckRecurrentNodes(GraphProto graph, NetworkSpec spec, bool paddingFree, string source)
    {
        var nodes = graph.Node.Where(n => n.Domain == "" && RecurrentOps.Contains(n.OpType)).ToList();
        if (nodes.Count != spec.Recurrent.Count)
            throw new InvalidDataException($"{source}: the graph has {nodes.Count} recurrent nodes; the network {spec.Describe()} has {spec.Recurrent.Count} layers.");
        for (int l = 0; l < spec.Recurrent.Count; l++)
        {
            var layer = spec.Recurrent[l];
            string op = RecurrentStackGraph.OpType(layer.Kind);
            string[] weights = [NetworkInitializers.W(l), NetworkInitializers.R(l), NetworkInitializers.B(l)];
            var node = nodes.FirstOrDefault(n => n.Input.Count > 1 && n.Input[1] == weights[0])
                ?? throw new InvalidDataException($"{source}: no recurrent node reads '{weights[0]}'; expected the {op} node of layer {l}.");
            int inputs = paddingFree ? 7 : spec.MaskZero ? 5 : 4;
            if (node.OpType != op || node.Input.Count != inputs || !node.Input.Skip(1).Take(3).SequenceEqual(weights) || node.Input.Skip(4).Any(string.IsNullOrEmpty))
                throw new InvalidDataException(
                    $"{source}: layer {l}'s node is {node.OpType}({string.Join(", ", node.Input)}); expected {op}(X, {string.Join(", ", weights)}{(paddingFree ? ", sequence_lens, initial_h, initial_c" : spec.MaskZero ? ", sequence_lens" : "")}){(paddingFree ? "" : " without initial states")}.");
            var expected = RecurrentStackGraph.Attributes(layer).ToDictionary(a => a.Name, StringComparer.Ordinal);
            foreach (var attribute in node.Attribute)
            {
                bool same = expected.Remove(attribute.Name, out var wanted) && attribute.Type == wanted.Type && attribute.I == wanted.I && attribute.S == wanted.S;
                if (!same && !(attribute.Name == "layout" && attribute.I == 0))
                    throw new InvalidDataException(
                        $"{source}: layer {l}'s {op} node has attribute '{attribute.Name}' not as Lstm.MLNet writes it (hidden_size {layer.Units}, direction {RecurrentStackGraph.Direction(layer)}{(layer.Kind == RecurrentKind.Gru ? ", linear_before_reset 1" : "")}, default activations).");
            }
            if (expected.Count > 0)
                throw new InvalidDataException($"{source}: layer {l}'s {op} node lacks attribute '{expected.Keys.First()}'.");
        }
    }
}
