using Lstm.Training.Models;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Onnx;

/// <summary>
/// The Dense head of a family network and the graph's outputs, float [batch, K]: <c>logit</c> and <c>probability</c>
/// (Sigmoid) for binary classifiers (K = 1, as the seed's graph), <c>logit</c> and <c>probability</c> (Softmax over
/// the classes) for multi-class ones, <c>value</c> for regression.
/// </summary>
internal static class HeadGraph
{
    /// <summary>Name of the regression output.</summary>
    public const string ValueOutput = "value";

    /// <summary>Appends the Dense layer's Gemm reading <paramref name="features"/> ([batch, F]) into <paramref name="output"/> ([batch, K]) and returns its name.</summary>
    public static string Dense(OnnxGraphBuilder graph, string features, string output) =>
        graph.Node("Gemm", output, [features, NetworkInitializers.DenseKernel, NetworkInitializers.DenseBias]);

    /// <summary>Appends Gemm and the activation reading <paramref name="features"/> ([batch, F]) and declares the outputs.</summary>
    public static void Add(OnnxGraphBuilder graph, NetworkSpec spec, string features)
    {
        int k = spec.Outputs;
        string raw = spec.Task == TaskKind.Regression ? ValueOutput : LstmNetworkGraph.LogitOutput;
        Dense(graph, features, raw);
        graph.Output(raw, DataType.Float, "batch", k);
        if (spec.Task == TaskKind.Regression) return;
        if (spec.Task == TaskKind.BinaryClassification) graph.Node("Sigmoid", LstmNetworkGraph.ProbabilityOutput, [raw]);
        else graph.Node("Softmax", LstmNetworkGraph.ProbabilityOutput, [raw], OnnxGraphBuilder.Int("axis", -1));
        graph.Output(LstmNetworkGraph.ProbabilityOutput, DataType.Float, "batch", k);
    }
}
