using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Lstm.Training.Tests.Onnx;

/// <summary>Numeric-series networks, their export options, raw windows and ONNX Runtime runs for the series export tests.</summary>
internal static class SeriesOnnxNetworks
{
    public const int TrainedSteps = 12;

    public static string[] Names => ["lstm-last-f1-h1", "lstm-last-f8-h24", "bilstm-gru-mean-f8-h24", "rnn-max-f8-h1", "gru-last-f1-h24"];

    public static NetworkSpec Spec(string name) => name switch
    {
        "lstm-last-f1-h1" => NetworkSpec.ForFeatures(1, outputs: 1) with { Recurrent = [new RecurrentLayerSpec { Units = 8 }] },
        "lstm-last-f8-h24" => NetworkSpec.ForFeatures(8, outputs: 24) with { Recurrent = [new RecurrentLayerSpec { Units = 6, Dropout = 0, RecurrentDropout = 0 }] },
        "bilstm-gru-mean-f8-h24" => NetworkSpec.ForFeatures(8, outputs: 24) with
        {
            Recurrent = [new RecurrentLayerSpec { Units = 5, Bidirectional = true, Dropout = 0, RecurrentDropout = 0 }, new RecurrentLayerSpec { Kind = RecurrentKind.Gru, Units = 4, Dropout = 0, RecurrentDropout = 0 }],
            Pooling = PoolingKind.Mean,
        },
        "rnn-max-f8-h1" => NetworkSpec.ForFeatures(8, outputs: 1) with { Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.SimpleRnn, Units = 7, Dropout = 0, RecurrentDropout = 0 }], Pooling = PoolingKind.Max },
        "gru-last-f1-h24" => NetworkSpec.ForFeatures(1, outputs: 24) with { Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.Gru, Units = 5, Bidirectional = true, Dropout = 0, RecurrentDropout = 0 }] },
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>Per-feature scaling far from the identity (means up to ±50, deviations 0.5-20), so that a missing or transposed step shows.</summary>
    public static SeriesExportOptions Options(NetworkSpec spec, ulong seed)
    {
        var random = new SeededRandom(seed);
        int f = spec.InputFeatures;
        return new SeriesExportOptions
        {
            FeatureNames = [.. Enumerable.Range(0, f).Select(i => i == 0 ? "load" : $"x{i}")],
            TargetName = "load",
            WindowLength = TrainedSteps,
            SamplingInterval = "PT1H",
            InputMean = [.. Enumerable.Range(0, f).Select(_ => (random.NextSingle() - 0.5f) * 100f)],
            InputStd = [.. Enumerable.Range(0, f).Select(_ => 0.5f + random.NextSingle() * 19.5f)],
            TargetMean = 123.25f,
            TargetStd = 17.5f,
            Preprocessing = """{"one_hot":{"weekday":["mon","tue"]},"missing":"forward-fill"}""",
        };
    }

    /// <summary>Raw windows whose standardised values are roughly uniform in [−2, 2].</summary>
    public static float[][] RawWindows(int rows, int steps, SeriesExportOptions options, SeededRandom random)
    {
        var mean = options.EffectiveInputMean(options.FeatureNames.Count);
        var std = options.EffectiveInputStd(options.FeatureNames.Count);
        int f = mean.Length;
        var windows = new float[rows][];
        for (int r = 0; r < rows; r++)
        {
            windows[r] = new float[steps * f];
            for (int i = 0; i < windows[r].Length; i++) windows[r][i] = mean[i % f] + std[i % f] * (random.NextSingle() - 0.5f) * 4f;
        }
        return windows;
    }

    /// <summary>What the graph should give: <see cref="SequenceNetwork.PredictOutputs(IReadOnlyList{float[]}, int, int?)"/> on the standardised windows, and that un-scaled.</summary>
    public static (float[] Value, float[] Scaled) Expected(SequenceNetwork network, SeriesExportOptions options, float[][] raw)
    {
        var mean = options.EffectiveInputMean(network.Spec.InputFeatures);
        var std = options.EffectiveInputStd(network.Spec.InputFeatures);
        int f = mean.Length;
        var standardised = raw.Select(w => w.Select((x, i) => (x - mean[i % f]) / std[i % f]).ToArray()).ToArray();
        var scaled = network.PredictOutputs(standardised);
        return ([.. scaled.Select(v => v * options.TargetStd + options.TargetMean)], scaled);
    }

    /// <summary>ONNX Runtime's <c>value</c> and <c>value_scaled</c> for the raw windows (each steps × features).</summary>
    public static (float[] Value, float[] Scaled) Run(InferenceSession session, float[][] raw, int features)
    {
        int steps = raw[0].Length / features;
        var flat = raw.SelectMany(w => w).ToArray();
        using var input = OrtValue.CreateTensorValueFromMemory(flat, [raw.Length, steps, features]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, new Dictionary<string, OrtValue> { ["input"] = input }, ["value", "value_scaled"]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }

    /// <summary>The largest |a − b| / max(1, |b|).</summary>
    public static double MaxRelative(float[] actual, float[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        double max = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(float.IsFinite(actual[i]), $"[{i}] is {actual[i]}");
            max = Math.Max(max, Math.Abs(actual[i] - (double)expected[i]) / Math.Max(1, Math.Abs((double)expected[i])));
        }
        return max;
    }
}
