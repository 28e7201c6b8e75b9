using System.Runtime.CompilerServices;

namespace Lstm.Training.Kernels;

/// <summary>One Adam step's constants: decays, epsilon and the bias-corrected learning rate.</summary>
internal readonly record struct AdamStep(float Beta1, float Beta2, float Epsilon, float LearningRate);

/// <summary>
/// Adam's element-wise update at one vector width: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², p ← p − lr·m/(√v + ε),
/// with separate multiplies and adds (nothing fused) in the same order at every width, so every CPU gives the same bits.
/// </summary>
internal static unsafe class AdamKernel<TVec, TOps>
    where TVec : struct
    where TOps : struct, IVectorOps<TVec>
{
    /// <summary>Updates elements [<paramref name="i0"/>, returned) of the tensor, as many as whole vectors allow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Update(float* p, float* g, float* m, float* v, int n, int i0, AdamStep step)
    {
        int w = TOps.Count, i = i0;
        var b1 = TOps.Create(step.Beta1);
        var b2 = TOps.Create(step.Beta2);
        var c1 = TOps.Create(1 - step.Beta1);
        var c2 = TOps.Create(1 - step.Beta2);
        var eps = TOps.Create(step.Epsilon);
        var lr = TOps.Create(step.LearningRate);
        for (; i + w <= n; i += w)
        {
            var gv = TOps.Load(g + i);
            var mv = TOps.Add(TOps.Multiply(b1, TOps.Load(m + i)), TOps.Multiply(c1, gv));
            var vv = TOps.Add(TOps.Multiply(b2, TOps.Load(v + i)), TOps.Multiply(c2, TOps.Multiply(gv, gv)));
            TOps.Store(m + i, mv);
            TOps.Store(v + i, vv);
            var update = TOps.Divide(TOps.Multiply(lr, mv), TOps.Add(TOps.Sqrt(vv), eps));
            TOps.Store(p + i, TOps.Subtract(TOps.Load(p + i), update));
        }
        return i;
    }
}
