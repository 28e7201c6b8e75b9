using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Lstm.Training.Training;

/// <summary>
/// Adam as Keras (TensorFlow) applies it: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
/// p ← p − lr·√(1−β2ᵗ)/(1−β1ᵗ) · m / (√v + ε). Defaults are Keras's: lr 0.001, β1 0.9, β2 0.999, ε 1e-7.
/// Embedding rows a batch does not touch still decay their moments and move, as Keras's sparse Adam does.
/// </summary>
public sealed class Adam
{
    /// <summary>Creates the optimiser with moment buffers shaped like <paramref name="tensorLengths"/>.</summary>
    public Adam(IReadOnlyList<int> tensorLengths, float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-7f)
    {
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        M = tensorLengths.Select(n => new float[n]).ToArray();
        V = tensorLengths.Select(n => new float[n]).ToArray();
    }

    /// <summary>Learning rate. Default 0.001. Schedules such as <see cref="ReduceLearningRateOnPlateau"/> change it between steps.</summary>
    public float LearningRate { get; set; }

    /// <summary>Decay of the first moment. Default 0.9.</summary>
    public float Beta1 { get; }

    /// <summary>Decay of the second moment. Default 0.999.</summary>
    public float Beta2 { get; }

    /// <summary>Keras's epsilon ("epsilon hat"). Default 1e-7.</summary>
    public float Epsilon { get; }

    /// <summary>Steps taken so far.</summary>
    public long Iterations { get; set; }

    /// <summary>First moments, one per tensor.</summary>
    public float[][] M { get; }

    /// <summary>Second moments, one per tensor.</summary>
    public float[][] V { get; }

    /// <summary>Applies one update to each parameter tensor from its gradient.</summary>
    public void Step(IReadOnlyList<float[]> parameters, IReadOnlyList<float[]> gradients)
    {
        Iterations++;
        double t = Iterations;
        float lrT = (float)(LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(Beta1, t)));
        for (int i = 0; i < parameters.Count; i++) Update(parameters[i], gradients[i], M[i], V[i], lrT);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void Update(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v, float lrT)
    {
        float b1 = Beta1, b2 = Beta2, c1 = 1 - b1, c2 = 1 - b2, eps = Epsilon;
        int n = p.Length, i = 0;
        fixed (float* pp = p, pg = g, pm = m, pv = v)
        {
            if (Vector512.IsHardwareAccelerated)
            {
                var vb1 = Vector512.Create(b1); var vb2 = Vector512.Create(b2);
                var vc1 = Vector512.Create(c1); var vc2 = Vector512.Create(c2);
                var veps = Vector512.Create(eps); var vlr = Vector512.Create(lrT);
                for (; i + 16 <= n; i += 16)
                {
                    var gv = Vector512.Load(pg + i);
                    var mv = vb1 * Vector512.Load(pm + i) + vc1 * gv;
                    var vv = vb2 * Vector512.Load(pv + i) + vc2 * (gv * gv);
                    mv.Store(pm + i);
                    vv.Store(pv + i);
                    (Vector512.Load(pp + i) - vlr * mv / (Vector512.Sqrt(vv) + veps)).Store(pp + i);
                }
            }
            for (; i < n; i++)
            {
                float gi = pg[i];
                float mi = b1 * pm[i] + c1 * gi;
                float vi = b2 * pv[i] + c2 * (gi * gi);
                pm[i] = mi;
                pv[i] = vi;
                pp[i] -= lrT * mi / (MathF.Sqrt(vi) + eps);
            }
        }
    }
}
