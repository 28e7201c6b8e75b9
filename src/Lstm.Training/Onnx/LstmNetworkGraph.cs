using Lstm.Training.Layers;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Onnx;

/// <summary>
/// The network part of an exported graph: padded ids <c>[batch, sequence]</c> → Gather(embedding) → Transpose to
/// <c>[sequence, batch, E]</c> → LSTM (last hidden state) → Gemm → <c>logit</c> → Sigmoid → <c>probability</c>.
/// The LSTM gets no <c>sequence_lens</c>: like Keras without masking it also steps over padding ids.
/// </summary>
internal static class LstmNetworkGraph
{
    public const string Embedding = "embedding";
    public const string LstmW = "lstm_W";
    public const string LstmR = "lstm_R";
    public const string LstmB = "lstm_B";
    public const string DenseKernel = "dense_kernel";
    public const string DenseBias = "dense_bias";
    public const string LogitOutput = "logit";
    public const string ProbabilityOutput = "probability";

    /// <summary>The initializers and their ONNX shapes for <paramref name="config"/>, in graph order.</summary>
    public static IReadOnlyList<(string Name, long[] Shape)> InitializerShapes(LstmClassifierConfig config)
    {
        long v = config.VocabularySize, e = config.EmbeddingDim, h = config.Units;
        return
        [
            (Embedding, [v, e]),
            (LstmW, [1, 4 * h, e]),
            (LstmR, [1, 4 * h, h]),
            (LstmB, [1, 8 * h]),
            (DenseKernel, [h, 1]),
            (DenseBias, [1]),
        ];
    }

    /// <summary>Appends the network reading <paramref name="ids"/> and declares the two outputs.</summary>
    public static void Add(OnnxGraphBuilder graph, LstmClassifier model, string ids)
    {
        int h = model.Config.Units;
        AddInitializers(graph, model);
        var squeezeAxes = graph.Int64Constant("lstm_h_squeeze_axes", [1], 0);

        var embedded = graph.Node("Gather", "embedded", [Embedding, ids], OnnxGraphBuilder.Int("axis", 0));
        var timeMajor = graph.Node("Transpose", "embedded_time_major", [embedded], OnnxGraphBuilder.Ints("perm", 1, 0, 2));
        var lastHidden = graph.Node("LSTM", "", ["", "lstm_last_hidden"], [timeMajor, LstmW, LstmR, LstmB],
            OnnxGraphBuilder.Int("hidden_size", h), OnnxGraphBuilder.Int("layout", 0))[1];
        var hidden = graph.Node("Squeeze", "lstm_hidden", [lastHidden, squeezeAxes]);
        AddHead(graph, hidden);
    }

    /// <summary>Writes the network's six initializers (<see cref="InitializerShapes"/>).</summary>
    public static void AddInitializers(OnnxGraphBuilder graph, LstmClassifier model)
    {
        var p = model.Parameters;
        var config = model.Config;
        int e = config.EmbeddingDim, h = config.Units;
        var shapes = InitializerShapes(config);
        graph.Initializer(OnnxTensors.Float(Embedding, shapes[0].Shape, p.Embedding));
        graph.Initializer(OnnxTensors.Float(LstmW, shapes[1].Shape, LstmGateOrder.ToOnnxWeights(p.Kernel, e, h)));
        graph.Initializer(OnnxTensors.Float(LstmR, shapes[2].Shape, LstmGateOrder.ToOnnxWeights(p.RecurrentKernel, h, h)));
        graph.Initializer(OnnxTensors.Float(LstmB, shapes[3].Shape, LstmGateOrder.ToOnnxBias(p.Bias, h)));
        graph.Initializer(OnnxTensors.Float(DenseKernel, shapes[4].Shape, p.DenseKernel));
        graph.Initializer(OnnxTensors.Float(DenseBias, shapes[5].Shape, p.DenseBias));
    }

    /// <summary>Gemm → <c>logit</c> → Sigmoid → <c>probability</c> on the last hidden state <paramref name="hidden"/> ([batch, H]), and the two outputs.</summary>
    public static void AddHead(OnnxGraphBuilder graph, string hidden)
    {
        var logit = graph.Node("Gemm", LogitOutput, [hidden, DenseKernel, DenseBias]);
        graph.Node("Sigmoid", ProbabilityOutput, [logit]);
        graph.Output(LogitOutput, DataType.Float, "batch", 1);
        graph.Output(ProbabilityOutput, DataType.Float, "batch", 1);
    }
}
