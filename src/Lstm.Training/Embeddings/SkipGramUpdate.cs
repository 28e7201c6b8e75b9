using System.Numerics.Tensors;

namespace Lstm.Training.Embeddings;

/// <summary>One stochastic-gradient step of skip-gram with negative sampling, as in word2vec's <c>TrainModelThread</c>.</summary>
internal static class SkipGramUpdate
{
    /// <summary>
    /// Ascends log σ(u·v₊) + Σ log σ(−u·v₋) by <paramref name="alpha"/>, where u is <paramref name="input"/> (the context
    /// word's row of the input matrix), v₊ the <paramref name="positive"/> row of <paramref name="output"/> and v₋ the rows
    /// of <paramref name="negatives"/>. Each output row is updated at once, with u as it was; u is updated at the end
    /// with the sum of its gradients (kept in <paramref name="scratch"/>, of the input's length).
    /// </summary>
    public static void Apply(Span<float> input, Span<float> output, int positive, ReadOnlySpan<int> negatives, float alpha, Span<float> scratch)
    {
        int dim = input.Length;
        scratch = scratch[..dim];
        scratch.Clear();
        Step(input, output.Slice(positive * dim, dim), 1f, alpha, scratch);
        foreach (int negative in negatives) Step(input, output.Slice(negative * dim, dim), 0f, alpha, scratch);
        TensorPrimitives.Add(input, scratch, input);
    }

    private static void Step(ReadOnlySpan<float> input, Span<float> row, float label, float alpha, Span<float> scratch)
    {
        float f = TensorPrimitives.Dot(input, row);
        float g = (label - Sigmoid(f)) * alpha;
        TensorPrimitives.MultiplyAdd(row, g, scratch, scratch);
        TensorPrimitives.MultiplyAdd(input, g, row, row);
    }

    /// <summary>The logistic function, computed exactly (word2vec uses a table clipped at ±6).</summary>
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
}
