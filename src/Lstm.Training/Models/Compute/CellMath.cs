using Lstm.Training.Kernels;

namespace Lstm.Training.Models.Compute;

/// <summary>
/// The GRU (Keras <c>reset_after=True</c>, gates z, r, h) and SimpleRNN cells' element-wise math for one row at one
/// step; the LSTM's is <see cref="GateMath"/>. Activations use the trainer's own exp, so results do not depend on the
/// platform's math library.
/// </summary>
internal static class CellMath
{
    /// <summary>
    /// <paramref name="x"/> = x·W + b_in and <paramref name="r"/> = h̃·U + b_rec, each [z, r, h]:
    /// z = σ(x_z + r_z), r = σ(x_r + r_r), ĥ = tanh(x_h + r ⊙ r_h), h = z ⊙ h_prev + (1 − z) ⊙ ĥ.
    /// Leaves [z, r, ĥ] in <paramref name="x"/> (r_h stays in <paramref name="r"/>) for <see cref="GruBackward"/>.
    /// </summary>
    public static void GruForward(Span<float> x, ReadOnlySpan<float> r, ReadOnlySpan<float> hPrev, Span<float> h)
    {
        int n = h.Length;
        for (int j = 0; j < n; j++)
        {
            float z = ScalarActivations.Sigmoid(x[j] + r[j]);
            float reset = ScalarActivations.Sigmoid(x[n + j] + r[n + j]);
            float candidate = ScalarActivations.Tanh(x[2 * n + j] + reset * r[2 * n + j]);
            x[j] = z;
            x[n + j] = reset;
            x[2 * n + j] = candidate;
            float previous = hPrev.IsEmpty ? 0f : hPrev[j];
            h[j] = z * previous + (1f - z) * candidate;
        }
    }

    /// <summary>
    /// From dL/dh in <paramref name="dh"/>: overwrites <paramref name="x"/> ([z, r, ĥ]) with dL/d(x·W + b_in) and
    /// <paramref name="r"/> (r_h in its last third) with dL/d(h̃·U + b_rec), and <paramref name="dh"/> with the part of
    /// dL/dh_prev that does not pass through U (z ⊙ dh).
    /// </summary>
    public static void GruBackward(Span<float> x, Span<float> r, ReadOnlySpan<float> hPrev, Span<float> dh)
    {
        int n = dh.Length;
        for (int j = 0; j < n; j++)
        {
            float z = x[j], reset = x[n + j], candidate = x[2 * n + j], rh = r[2 * n + j];
            float previous = hPrev.IsEmpty ? 0f : hPrev[j];
            float g = dh[j];
            float dz = g * (previous - candidate) * z * (1f - z);
            float dCandidate = g * (1f - z) * (1f - candidate * candidate);
            float dReset = dCandidate * rh * reset * (1f - reset);
            x[j] = dz;
            x[n + j] = dReset;
            x[2 * n + j] = dCandidate;
            r[j] = dz;
            r[n + j] = dReset;
            r[2 * n + j] = dCandidate * reset;
            dh[j] = g * z;
        }
    }

    /// <summary>a = tanh(z) in place, and h ← a.</summary>
    public static void RnnForward(Span<float> z, Span<float> h)
    {
        for (int j = 0; j < h.Length; j++) h[j] = z[j] = ScalarActivations.Tanh(z[j]);
    }

    /// <summary>Overwrites the activations <paramref name="a"/> with dL/dz = dh ⊙ (1 − a²).</summary>
    public static void RnnBackward(Span<float> a, ReadOnlySpan<float> dh)
    {
        for (int j = 0; j < dh.Length; j++) a[j] = dh[j] * (1f - a[j] * a[j]);
    }
}
