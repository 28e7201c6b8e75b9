using Lstm.Training.Models;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Onnx;

/// <summary>
/// The graph of a numeric-series network: raw input [batch, T, F] → <c>(x − input_mean) / input_std</c> → Transpose to
/// [T, batch, F] → the recurrent layers (<see cref="RecurrentStackGraph"/>, as an id network's after its embedding) →
/// pooling (<see cref="PoolingGraph"/>) → Dense (<see cref="HeadGraph.Dense"/>) to <c>value_scaled</c> →
/// <c>value = value_scaled · target_std + target_mean</c>. Both outputs are float [batch, H].
/// </summary>
internal static class SeriesGraph
{
    public const string Input = "input";
    public const string ValueOutput = HeadGraph.ValueOutput;
    public const string ScaledValueOutput = "value_scaled";
    public const string InputMean = "input_mean";
    public const string InputStd = "input_std";
    public const string TargetMean = "target_mean";
    public const string TargetStd = "target_std";

    /// <summary>The scaling initializers' names and shapes, after the network's (<see cref="NetworkInitializers.Shapes"/>).</summary>
    public static IReadOnlyList<(string Name, long[] Shape)> ScalingShapes(int features) =>
        [(InputMean, [features]), (InputStd, [features]), (TargetMean, []), (TargetStd, [])];

    /// <summary>Appends the whole graph: input, initializers, nodes and outputs.</summary>
    public static void Add(OnnxGraphBuilder graph, NetworkParameters parameters, float[] inputMean, float[] inputStd, float targetMean, float targetStd, int opset)
    {
        var spec = parameters.Spec;
        int features = spec.InputFeatures, horizon = spec.Outputs;
        graph.Input(Input, DataType.Float, "batch", "time", features);
        graph.Graph.Input[^1].DocString =
            $"Raw feature values, [batch, time, {features}], in the order of metadata key '{OnnxMetadataKeys.SeriesFeatures}' (already one-hot encoded and missing-filled); the graph standardises them.";

        var shapes = NetworkInitializers.Shapes(spec);
        var values = NetworkInitializers.ToOnnx(parameters);
        for (int i = 0; i < shapes.Count; i++) graph.Initializer(OnnxTensors.Float(shapes[i].Name, shapes[i].Shape, values[i]));
        graph.FloatConstant(InputMean, [features], inputMean);
        graph.FloatConstant(InputStd, [features], inputStd);
        graph.FloatConstant(TargetMean, [], targetMean);
        graph.FloatConstant(TargetStd, [], targetStd);

        var centred = graph.Node("Sub", "input_centred", [Input, InputMean]);
        var standardised = graph.Node("Div", "input_standardised", [centred, InputStd]);
        var timeMajor = graph.Node("Transpose", "input_time_major", [standardised], OnnxGraphBuilder.Ints("perm", 1, 0, 2));
        var recurrent = RecurrentStackGraph.Add(graph, spec, timeMajor, sequenceLengths: null);
        var pooled = PoolingGraph.Add(graph, spec, recurrent, mask: null, opset);
        var scaled = HeadGraph.Dense(graph, pooled, ScaledValueOutput);
        var stretched = graph.Node("Mul", "value_stretched", [scaled, TargetStd]);
        graph.Node("Add", ValueOutput, [stretched, TargetMean]);
        graph.Output(ValueOutput, DataType.Float, "batch", horizon);
        graph.Graph.Output[^1].DocString = $"The forecast in the target's scale: value_scaled * {TargetStd} + {TargetMean}, one column per step ahead (1..{horizon}).";
        graph.Output(ScaledValueOutput, DataType.Float, "batch", horizon);
        graph.Graph.Output[^1].DocString = "The Dense head's output, in the standardised target scale the network was trained on.";
    }
}
