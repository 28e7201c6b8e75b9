using Lstm.Training.Models;

namespace Lstm.Training.Onnx;

/// <summary>
/// The initializers of an exported family network (any <see cref="NetworkSpec"/> but the seed's shape, which
/// <see cref="LstmNetworkGraph"/> writes): their names, ONNX shapes and values, and the way back to
/// <see cref="NetworkParameters"/>. A numeric network (<see cref="NetworkSpec.IsNumeric"/>) has no embedding tensor
/// and its first layer's <c>W</c> reads <see cref="NetworkSpec.InputFeatures"/> values. Both directions of a bidirectional layer share one tensor per input of its ONNX
/// node, forward first, as the operators take them.
/// </summary>
internal static class NetworkInitializers
{
    public const string Embedding = "embedding";
    public const string DenseKernel = "dense_kernel";
    public const string DenseBias = "dense_bias";

    public static string W(int layer) => $"recurrent{layer}_W";

    public static string R(int layer) => $"recurrent{layer}_R";

    public static string B(int layer) => $"recurrent{layer}_B";

    /// <summary>Every initializer's name and ONNX shape, in graph order.</summary>
    public static IReadOnlyList<(string Name, long[] Shape)> Shapes(NetworkSpec spec)
    {
        var shapes = new List<(string, long[])>();
        if (!spec.IsNumeric) shapes.Add((Embedding, [spec.VocabularySize, spec.EmbeddingDim]));
        long input = spec.InputWidth;
        for (int l = 0; l < spec.Recurrent.Count; l++)
        {
            var layer = spec.Recurrent[l];
            long dirs = layer.Directions, gates = layer.GateWidth, h = layer.Units;
            shapes.Add((W(l), [dirs, gates, input]));
            shapes.Add((R(l), [dirs, gates, h]));
            shapes.Add((B(l), [dirs, 2 * gates]));
            input = layer.OutputWidth;
        }
        shapes.Add((DenseKernel, [spec.FeatureWidth, spec.Outputs]));
        shapes.Add((DenseBias, [spec.Outputs]));
        return shapes;
    }

    /// <summary>The values of <see cref="Shapes"/>'s tensors, in the same order.</summary>
    public static IReadOnlyList<float[]> ToOnnx(NetworkParameters parameters)
    {
        var spec = parameters.Spec;
        var values = new List<float[]>();
        if (!spec.IsNumeric) values.Add(parameters.Embedding);
        int input = spec.InputWidth;
        for (int l = 0; l < spec.Recurrent.Count; l++)
        {
            var layer = spec.Recurrent[l];
            int h = layer.Units, g = layer.GateWidth;
            float[] w = new float[layer.Directions * g * input], r = new float[layer.Directions * g * h], b = new float[layer.Directions * 2 * g];
            for (int d = 0; d < layer.Directions; d++)
            {
                int k = parameters.KernelIndex(l, d);
                RecurrentWeightLayout.ToOnnxWeights(layer.Kind, parameters.Tensors[k], input, h, w.AsSpan(d * g * input, g * input));
                RecurrentWeightLayout.ToOnnxWeights(layer.Kind, parameters.Tensors[k + 1], h, h, r.AsSpan(d * g * h, g * h));
                RecurrentWeightLayout.ToOnnxBias(layer.Kind, parameters.Tensors[k + 2], h, b.AsSpan(d * 2 * g, 2 * g));
            }
            values.Add(w);
            values.Add(r);
            values.Add(b);
            input = layer.OutputWidth;
        }
        values.Add(parameters.DenseKernel);
        values.Add(parameters.DenseBias);
        return values;
    }

    /// <summary>The Keras-layout parameters that <see cref="ToOnnx"/> maps to <paramref name="values"/> (in <see cref="Shapes"/>'s order).</summary>
    public static NetworkParameters FromOnnx(NetworkSpec spec, IReadOnlyList<float[]> values)
    {
        var parameters = new NetworkParameters(spec);
        int input = spec.InputWidth, next = 0;
        if (!spec.IsNumeric) values[next++].CopyTo(parameters.Embedding, 0);
        for (int l = 0; l < spec.Recurrent.Count; l++)
        {
            var layer = spec.Recurrent[l];
            int h = layer.Units, g = layer.GateWidth;
            float[] w = values[next++], r = values[next++], b = values[next++];
            for (int d = 0; d < layer.Directions; d++)
            {
                int k = parameters.KernelIndex(l, d);
                RecurrentWeightLayout.FromOnnxWeights(layer.Kind, w.AsSpan(d * g * input, g * input), input, h, parameters.Tensors[k]);
                RecurrentWeightLayout.FromOnnxWeights(layer.Kind, r.AsSpan(d * g * h, g * h), h, h, parameters.Tensors[k + 1]);
                RecurrentWeightLayout.FromOnnxBias(layer.Kind, b.AsSpan(d * 2 * g, 2 * g), h, parameters.Tensors[k + 2]);
            }
            input = layer.OutputWidth;
        }
        values[next++].CopyTo(parameters.DenseKernel, 0);
        values[next].CopyTo(parameters.DenseBias, 0);
        return parameters;
    }
}
