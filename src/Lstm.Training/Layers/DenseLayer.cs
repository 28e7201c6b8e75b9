using System.Numerics.Tensors;
using Lstm.Training.Kernels;

namespace Lstm.Training.Layers;

/// <summary>Keras's <c>Dense(1, activation='sigmoid')</c> on h_T; the sigmoid is folded into the loss, so this emits logits.</summary>
internal static class DenseLayer
{
    /// <summary>logit_s = h_s · w + b for each of the rows of <paramref name="hidden"/> ([rows, units]).</summary>
    public static void Forward(ReadOnlySpan<float> hidden, int units, ReadOnlySpan<float> kernel, float bias, Span<float> logits)
    {
        for (int s = 0; s < logits.Length; s++) logits[s] = Reductions.Dot(hidden.Slice(s * units, units), kernel) + bias;
    }

    /// <summary>From dL/dlogit: dw = Σ_s dlogit_s·h_s, db = Σ_s dlogit_s (overwritten), dh_s = dlogit_s·w.</summary>
    public static void Backward(ReadOnlySpan<float> hidden, int units, ReadOnlySpan<float> kernel, ReadOnlySpan<float> logitGradient,
        Span<float> kernelGradient, out float biasGradient, Span<float> hiddenGradient)
    {
        kernelGradient.Clear();
        biasGradient = 0;
        for (int s = 0; s < logitGradient.Length; s++)
        {
            float d = logitGradient[s];
            biasGradient += d;
            TensorPrimitives.MultiplyAdd(hidden.Slice(s * units, units), d, kernelGradient, kernelGradient);
            TensorPrimitives.Multiply(kernel, d, hiddenGradient.Slice(s * units, units));
        }
    }
}
