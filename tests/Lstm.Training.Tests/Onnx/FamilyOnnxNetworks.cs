using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Onnx;

/// <summary>Random family networks, pre-padded id rows and texts for the ONNX tests of the family, and comparison with ONNX Runtime's outputs.</summary>
internal static class FamilyOnnxNetworks
{
    /// <summary>Every tensor uniform in [−0.6, 0.6], biases included, so that a gate or bias mixed up shows.</summary>
    public static SequenceNetwork Create(NetworkSpec spec, ulong seed)
    {
        var network = new SequenceNetwork(spec, seed);
        var random = new SeededRandom(seed + 1000);
        foreach (var tensor in network.Parameters.Tensors) KerasInitializers.Uniform(tensor, -0.6f, 0.6f, random);
        return network;
    }

    /// <summary>
    /// Keras-pre-padded rows: one of every length 0 … <paramref name="steps"/> (so an all-padding row), then
    /// <paramref name="extra"/> of random lengths; ids in [1, vocabulary).
    /// </summary>
    public static int[][] PrePadded(int steps, int vocabulary, int extra, SeededRandom random)
    {
        var lengths = Enumerable.Range(0, steps + 1).Concat(Enumerable.Range(0, extra).Select(_ => random.NextInt(steps + 1))).ToArray();
        return [.. lengths.Select(n => Enumerable.Range(0, steps).Select(t => t < steps - n ? 0 : 1 + random.NextInt(vocabulary - 1)).ToArray())];
    }

    public static long[][] AsInt64(IEnumerable<int[]> rows) => [.. rows.Select(r => r.Select(id => (long)id).ToArray())];

    /// <summary>The graph outputs of <paramref name="spec"/>'s task: raw head outputs first, then the activated ones (classifiers).</summary>
    public static string[] OutputNames(NetworkSpec spec) => spec.Task == TaskKind.Regression ? ["value"] : ["logit", "probability"];

    /// <summary>
    /// The largest |ONNX − C#| over the raw outputs and (classifiers) the activated ones: ONNX Runtime's
    /// <paramref name="onnx"/> (in <see cref="OutputNames"/>' order) against <see cref="SequenceNetwork.PredictOutputs"/>
    /// and <see cref="SequenceNetwork.Predict"/> on <paramref name="rows"/>.
    /// </summary>
    public static double MaxDifference(SequenceNetwork network, int[][] rows, float[][] onnx)
    {
        var expected = new List<float[]> { network.PredictOutputs(rows) };
        if (network.Spec.Task != TaskKind.Regression) expected.Add(network.Predict(rows));
        Assert.Equal(expected.Count, onnx.Length);
        double max = 0;
        for (int o = 0; o < expected.Count; o++)
        {
            Assert.Equal(expected[o].Length, onnx[o].Length);
            for (int i = 0; i < expected[o].Length; i++)
            {
                Assert.True(float.IsFinite(onnx[o][i]), $"output {o}[{i}] is {onnx[o][i]}");
                max = Math.Max(max, Math.Abs(onnx[o][i] - (double)expected[o][i]));
            }
        }
        return max;
    }
}
