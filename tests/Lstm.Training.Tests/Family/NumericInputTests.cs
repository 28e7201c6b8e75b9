using Lstm.Training.Models;
using Lstm.Training.Models.Compute;
using Lstm.Training.Tests.Onnx;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Family;

/// <summary>
/// Networks that read numeric sequences (<see cref="NetworkSpec.InputFeatures"/>): backpropagation against central
/// finite differences of the independent double-precision <see cref="ReferenceFamilyNetwork"/> fed the same windows,
/// training that learns a series, save/load, and the errors for data that does not fit.
/// </summary>
public class NumericInputTests
{
    public static TheoryData<string> Specs => new() { "lstm-last-h3-dropout", "bilstm-gru-mean", "rnn-max-h1" };

    private static NetworkSpec Spec(string name) => name switch
    {
        "lstm-last-h3-dropout" => NetworkSpec.ForFeatures(3, outputs: 3) with { Recurrent = [new RecurrentLayerSpec { Units = 5, Dropout = 0.2f, RecurrentDropout = 0.3f }] },
        "bilstm-gru-mean" => NetworkSpec.ForFeatures(2, outputs: 2) with
        {
            Recurrent = [new RecurrentLayerSpec { Units = 4, Bidirectional = true, Dropout = 0, RecurrentDropout = 0 }, new RecurrentLayerSpec { Kind = RecurrentKind.Gru, Units = 3, Dropout = 0, RecurrentDropout = 0 }],
            Pooling = PoolingKind.Mean,
        },
        _ => NetworkSpec.ForFeatures(4) with { Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.SimpleRnn, Units = 6, Dropout = 0, RecurrentDropout = 0 }], Pooling = PoolingKind.Max },
    };

    private static float[][] Windows(int rows, int steps, int features, SeededRandom rng)
    {
        var windows = new float[rows][];
        for (int r = 0; r < rows; r++)
        {
            windows[r] = new float[steps * features];
            for (int i = 0; i < windows[r].Length; i++) windows[r][i] = (rng.NextSingle() - 0.5f) * 3f;
        }
        return windows;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_gradient_matches_finite_differences(string name)
    {
        var spec = Spec(name);
        bool dropout = spec.Recurrent.Any(l => l.Dropout > 0 || l.RecurrentDropout > 0);
        var parameters = new NetworkParameters(spec);
        Assert.Empty(parameters.Embedding);
        var rng = new SeededRandom(23);
        foreach (var t in parameters.Tensors)
            for (int i = 0; i < t.Length; i++) t[i] = (rng.NextSingle() - 0.5f) * 1.2f;
        const int rows = 4, steps = 5;
        int f = spec.InputFeatures, k = spec.Outputs;
        var windows = Windows(rows, steps, f, rng);
        var targets = new float[rows * k];
        for (int i = 0; i < targets.Length; i++) targets[i] = rng.NextSingle() * 2 - 1;
        var data = SequenceDataset.ForWindows(windows, f, targets, k);

        var transposes = new NetworkTransposes(parameters);
        transposes.Refresh();
        var slice = new NetworkSlice(parameters, transposes, 8, steps, training: true);
        var masks = FamilyGradientTests.DrawMasks(spec, slice, rows, dropout, rng);
        slice.Forward(windows, dropout);
        for (int s = 0; s < rows; s++)
            HeadLoss.Gradient(spec, slice.Outputs.AsSpan(s * k, k), data.TargetRow(s), 1f / rows, slice.OutputGradient.AsSpan(s * k, k));
        slice.Backward(dropout);

        var reference = new ReferenceFamilyNetwork(parameters);
        double[][] Steps(float[] window) => [.. Enumerable.Range(0, steps).Select(t => window.AsSpan(t * f, f).ToArray().Select(v => (double)v).ToArray())];
        double[] Outputs(int s) => reference.Outputs(new int[steps], masks?[s], Steps(windows[s]));
        for (int s = 0; s < rows; s++)
        {
            var expected = Outputs(s);
            for (int o = 0; o < k; o++)
                Assert.True(Math.Abs(expected[o] - slice.Outputs[s * k + o]) < 1e-5, $"{name}: row {s} output {o}: {slice.Outputs[s * k + o]} vs reference {expected[o]}");
        }
        double MeanLoss()
        {
            double sum = 0;
            for (int s = 0; s < rows; s++) sum += reference.Loss(Outputs(s), data.TargetRow(s));
            return sum / rows;
        }
        for (int ti = 1; ti < reference.Tensors.Length; ti++)
        {
            var tensor = reference.Tensors[ti];
            for (int i = 0; i < tensor.Length; i++)
            {
                double keep = tensor[i];
                tensor[i] = keep + 1e-5;
                double up = MeanLoss();
                tensor[i] = keep - 1e-5;
                double down = MeanLoss();
                tensor[i] = keep;
                double numeric = (up - down) / 2e-5;
                float analytic = slice.Gradients[ti][i];
                Assert.True(Math.Abs(analytic - numeric) <= 1e-3 * Math.Max(1, Math.Abs(numeric)) + 1e-5,
                    $"{name}: {parameters.Names[ti]}[{i}]: backprop {analytic:G9}, finite difference {numeric:G9}");
            }
        }
    }

    [Fact]
    public void Training_learns_a_noisy_seasonal_series_better_than_the_last_value()
    {
        // y(t) = sin(2πt/24) + 0.5 sin(2πt/7) + noise: the next value depends on the phase, which the last value alone does not give.
        var rng = new SeededRandom(5);
        var series = new float[3_000];
        for (int t = 0; t < series.Length; t++)
            series[t] = MathF.Sin(2 * MathF.PI * t / 24) + 0.5f * MathF.Sin(2 * MathF.PI * t / 7) + (rng.NextSingle() - 0.5f) * 0.2f;
        const int window = 24;
        (SequenceDataset Data, float[] Last) Examples(int from, int to)
        {
            var windows = new List<float[]>();
            var targets = new List<float>();
            var last = new List<float>();
            for (int t = from; t + window < to; t++)
            {
                windows.Add(series[t..(t + window)]);
                targets.Add(series[t + window]);
                last.Add(series[t + window - 1]);
            }
            return (SequenceDataset.ForWindows(windows, 1, [.. targets]), [.. last]);
        }
        var (train, _) = Examples(0, 2_400);
        var (test, last) = Examples(2_400, 3_000);
        var network = new SequenceNetwork(NetworkSpec.ForFeatures(1) with { Recurrent = [new RecurrentLayerSpec { Units = 16, Dropout = 0, RecurrentDropout = 0 }] }, seed: 3);
        var history = new Trainer(network, new FitOptions { Epochs = 8, BatchSize = 32, LearningRate = 0.01f, Seed = 3 }).Fit(train, test);

        float[] predicted = network.Predict(test.Windows!);
        double mae = 0, naive = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            mae += Math.Abs(predicted[i] - test.TargetRow(i)[0]);
            naive += Math.Abs(last[i] - test.TargetRow(i)[0]);
        }
        mae /= predicted.Length;
        naive /= predicted.Length;
        Assert.True(mae < 0.5 * naive, $"LSTM MAE {mae:F4} vs last value {naive:F4}; history {string.Join(", ", history.Epochs.Select(e => e.ValMeanAbsoluteError?.ToString("F4")))}");
        Assert.Equal(mae, history.Epochs[^1].ValMeanAbsoluteError!.Value, 3);
    }

    [Fact]
    public void Predictions_do_not_depend_on_batch_size_and_survive_save_and_load()
    {
        var spec = Spec("bilstm-gru-mean");
        var network = new SequenceNetwork(spec, seed: 9);
        var windows = Windows(70, 11, spec.InputFeatures, new SeededRandom(4));
        float[] all = network.PredictOutputs(windows);
        foreach (int batch in new[] { 1, 7 })
            Assert.Equal(all, network.PredictOutputs(windows, batch, maxDegreeOfParallelism: 2));
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "numeric.lstm");
        network.Save(path);
        var loaded = SequenceNetwork.Load(path);
        Assert.Equal(spec, loaded.Spec);
        Assert.Equal(all, loaded.PredictOutputs(windows));
        Assert.Contains("\"InputFeatures\":2", SequenceNetwork.SpecToJson(spec));
        Assert.DoesNotContain("InputFeatures", SequenceNetwork.SpecToJson(NetworkSpec.Seed));
        Assert.StartsWith("Input(features=2) -> Bidirectional(LSTM(4", spec.Describe());
    }

    [Fact]
    public void Data_and_specs_that_do_not_fit_are_refused_with_the_reason()
    {
        var network = new SequenceNetwork(NetworkSpec.ForFeatures(2) with { Recurrent = [new RecurrentLayerSpec { Units = 3 }] }, seed: 1);
        var trainer = new Trainer(network, new FitOptions { Epochs = 1 });
        var wrongWidth = Assert.Throws<ArgumentException>(() => trainer.Fit(SequenceDataset.ForWindows([new float[6]], 3, [1f])));
        Assert.Contains("windows of 2 features per step; the data holds 3 features per step", wrongWidth.Message);
        var ids = Assert.Throws<ArgumentException>(() => trainer.Fit(SequenceDataset.ForValues([[1, 2, 3]], [1f])));
        Assert.Contains("the data holds token ids", ids.Message);
        var missing = Assert.Throws<ArgumentException>(() => trainer.Fit(SequenceDataset.ForWindows([[1f, 2f, float.NaN, 4f]], 2, [1f])));
        Assert.Contains("Window 0, step 1, feature 0: NaN is not a finite number", missing.Message);
        var ragged = Assert.Throws<ArgumentException>(() => network.PredictOutputs([new float[4], new float[6]]));
        Assert.Contains("Window 1 holds 6 values, expected 4", ragged.Message);
        var embedding = Assert.Throws<ArgumentException>(() => new NetworkSpec { InputFeatures = 3 }.Validate());
        Assert.Contains("VocabularySize and EmbeddingDim must be 0, not 10000 and 128", embedding.Message);
        Assert.Throws<InvalidOperationException>(() => new SequenceNetwork(NetworkSpec.Seed with { Recurrent = [new RecurrentLayerSpec { Units = 2 }], EmbeddingDim = 2, VocabularySize = 10 }).PredictOutputs([new float[2]]));
    }
}
