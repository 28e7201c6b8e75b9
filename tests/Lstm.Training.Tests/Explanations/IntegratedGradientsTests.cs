using Lstm.Training.Explanations;
using Lstm.Training.Models;
using Lstm.Training.Tests.Family;

namespace Lstm.Training.Tests.Explanations;

/// <summary>
/// Integrated gradients against the same integral computed from central finite differences of
/// <see cref="ReferenceFamilyNetwork"/>, an independent double-precision forward pass, at the same path points.
/// </summary>
public class IntegratedGradientsTests
{
    private static RecurrentLayerSpec Layer(RecurrentKind kind, bool bidirectional = false) => new() { Kind = kind, Units = 3, Bidirectional = bidirectional };

    private static readonly Dictionary<string, NetworkSpec> Specs = new()
    {
        ["lstm-last-binary"] = new() { VocabularySize = 9, EmbeddingDim = 4, Recurrent = [Layer(RecurrentKind.Lstm)] },
        ["lstm-masked-last-binary"] = new() { VocabularySize = 9, EmbeddingDim = 4, MaskZero = true, Recurrent = [Layer(RecurrentKind.Lstm)] },
        ["bigru-max-binary"] = new() { VocabularySize = 9, EmbeddingDim = 4, Recurrent = [Layer(RecurrentKind.Gru, bidirectional: true)], Pooling = PoolingKind.Max },
        ["bigru-lstm-masked-max-multiclass"] = new()
        {
            VocabularySize = 9,
            EmbeddingDim = 4,
            MaskZero = true,
            Recurrent = [Layer(RecurrentKind.Gru, bidirectional: true), Layer(RecurrentKind.Lstm)],
            Pooling = PoolingKind.Max,
            Task = TaskKind.MulticlassClassification,
            Outputs = 3,
        },
        ["rnn-mean-regression"] = new() { VocabularySize = 9, EmbeddingDim = 4, Recurrent = [Layer(RecurrentKind.SimpleRnn)], Pooling = PoolingKind.Mean, Task = TaskKind.Regression, Outputs = 2 },
    };

    public static TheoryData<string, int, AttributionBaseline, IntegrationRule> Cases => new()
    {
        { "lstm-last-binary", 0, AttributionBaseline.Padding, IntegrationRule.Midpoint },
        { "lstm-last-binary", 0, AttributionBaseline.Zeros, IntegrationRule.Trapezoid },
        { "lstm-masked-last-binary", 0, AttributionBaseline.Padding, IntegrationRule.Midpoint },
        { "bigru-max-binary", 0, AttributionBaseline.Zeros, IntegrationRule.Midpoint },
        { "bigru-lstm-masked-max-multiclass", 0, AttributionBaseline.Padding, IntegrationRule.Midpoint },
        { "bigru-lstm-masked-max-multiclass", 1, AttributionBaseline.Zeros, IntegrationRule.Midpoint },
        { "bigru-lstm-masked-max-multiclass", 2, AttributionBaseline.Padding, IntegrationRule.Trapezoid },
        { "rnn-mean-regression", 0, AttributionBaseline.Zeros, IntegrationRule.Midpoint },
        { "rnn-mean-regression", 1, AttributionBaseline.Padding, IntegrationRule.Midpoint },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Attributions_equal_the_integral_of_finite_difference_gradients(string name, int output, AttributionBaseline baseline, IntegrationRule rule)
    {
        var network = RandomNetwork(Specs[name]);
        int[] ids = [0, 0, 1, 5, 3, 8, 2, 6];
        var options = new IntegratedGradientsOptions { Steps = 6, Baseline = baseline, Rule = rule, Output = output };

        var result = new IntegratedGradients(network).Explain(ids, options);

        double[] expected = ReferenceIntegral(network, ids, options, out double score, out double baselineScore);
        Assert.Equal(output, result.Output);
        Assert.Equal(score, result.Score, 1e-5);
        Assert.Equal(baselineScore, result.BaselineScore, 1e-5);
        for (int t = 0; t < ids.Length; t++)
            Assert.True(Math.Abs(expected[t] - result.Steps[t]) <= 2e-5 + 1e-3 * Math.Abs(expected[t]), $"{name} output {output}: step {t}: {result.Steps[t]} vs finite differences {expected[t]}");
        Assert.Contains(result.Steps, a => Math.Abs(a) > 1e-3);
    }

    [Theory]
    [InlineData("lstm-last-binary")]
    [InlineData("bigru-max-binary")]
    [InlineData("rnn-mean-regression")]
    public void Attributions_add_up_to_the_output_difference_more_closely_with_more_steps(string name)
    {
        var network = RandomNetwork(Specs[name]);
        int[] ids = [0, 1, 5, 3, 8, 2, 6, 4];
        var explainer = new IntegratedGradients(network);
        double coarse = explainer.Explain(ids, new IntegratedGradientsOptions { Steps = 4 }).RelativeError;
        var fine = explainer.Explain(ids, new IntegratedGradientsOptions { Steps = 256 });
        Assert.True(fine.RelativeError < 1e-2, $"{name}: 256 steps leave a relative error of {fine.RelativeError:E2} (sum {fine.Sum}, difference {fine.Difference})");
        Assert.True(fine.RelativeError <= coarse, $"{name}: 256 steps {fine.RelativeError:E2}, 4 steps {coarse:E2}");
    }

    [Fact]
    public void The_predicted_class_is_explained_by_default()
    {
        var network = RandomNetwork(Specs["bigru-lstm-masked-max-multiclass"]);
        int[] ids = [0, 1, 5, 3, 8];
        float[] logits = network.PredictOutputs([ids]);
        int predicted = Array.IndexOf(logits, logits.Max());
        Assert.Equal(predicted, new IntegratedGradients(network).Explain(ids).Output);
    }

    [Fact]
    public void Invalid_requests_fail_with_a_message()
    {
        var explainer = new IntegratedGradients(RandomNetwork(Specs["lstm-last-binary"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => explainer.Explain([1, 2], new IntegratedGradientsOptions { Steps = 0 }));
        Assert.Throws<ArgumentException>(() => explainer.Explain([1, 2], new IntegratedGradientsOptions { Output = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => explainer.Explain([1, 99]));
        Assert.Throws<ArgumentException>(() => explainer.Explain([]));
        Assert.Throws<ArgumentException>(() => new IntegratedGradients(new SequenceNetwork(NetworkSpec.ForFeatures(2))));
    }

    [Fact]
    public void Occlusion_scores_are_the_output_drop_when_a_token_is_taken_out()
    {
        var network = RandomNetwork(Specs["lstm-masked-last-binary"]);
        int[] ids = [0, 1, 5, 3];
        double[] replaced = Occlusion.Scores(network, ids, 0);
        double[] dropped = Occlusion.Scores(network, ids, 0, OcclusionMode.Drop);
        float full = network.PredictOutputs([ids])[0];
        Assert.Equal(0, replaced[0]);
        Assert.Equal(full - (double)network.PredictOutputs([new[] { 0, 1, 0, 3 }])[0], replaced[2], 1e-5);
        // A masked network reads a padding id in place as nothing: both ways of taking a token out agree.
        for (int t = 0; t < ids.Length; t++) Assert.Equal(replaced[t], dropped[t], 1e-5);
    }

    private static SequenceNetwork RandomNetwork(NetworkSpec spec)
    {
        var parameters = new NetworkParameters(spec);
        var rng = new SeededRandom(23);
        foreach (var t in parameters.Tensors)
            for (int i = 0; i < t.Length; i++) t[i] = (rng.NextSingle() - 0.5f) * 1.5f;
        return new SequenceNetwork(parameters);
    }

    // The same path points and weights, each gradient by central differences of the double-precision reference.
    private static double[] ReferenceIntegral(SequenceNetwork network, int[] ids, IntegratedGradientsOptions options, out double score, out double baselineScore)
    {
        var reference = new ReferenceFamilyNetwork(network.Parameters);
        int e = network.Spec.EmbeddingDim, steps = ids.Length, m = options.Steps, output = options.Output!.Value;
        double[][] x = [.. ids.Select(id => reference.Tensors[0].AsSpan(id * e, e).ToArray())];
        double[][] b = [.. ids.Select(_ => options.Baseline == AttributionBaseline.Padding ? reference.Tensors[0].AsSpan(0, e).ToArray() : new double[e])];
        score = reference.Outputs(ids, embedded: x)[output];
        baselineScore = reference.Outputs(ids, embedded: b)[output];
        bool trapezoid = options.Rule == IntegrationRule.Trapezoid;
        int points = trapezoid ? m + 1 : m;
        var attributions = new double[steps];
        const double h = 1e-5;
        for (int k = 0; k < points; k++)
        {
            double alpha = trapezoid ? (double)k / m : (k + 0.5) / m;
            double weight = trapezoid && (k == 0 || k == m) ? 0.5 / m : 1.0 / m;
            double[][] point = [.. Enumerable.Range(0, steps).Select(t => Enumerable.Range(0, e).Select(j => b[t][j] + alpha * (x[t][j] - b[t][j])).ToArray())];
            for (int t = 0; t < steps; t++)
                for (int j = 0; j < e; j++)
                {
                    double keep = point[t][j];
                    point[t][j] = keep + h;
                    double up = reference.Outputs(ids, embedded: point)[output];
                    point[t][j] = keep - h;
                    double down = reference.Outputs(ids, embedded: point)[output];
                    point[t][j] = keep;
                    attributions[t] += weight * (x[t][j] - b[t][j]) * (up - down) / (2 * h);
                }
        }
        return attributions;
    }
}
