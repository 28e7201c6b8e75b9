using System.Runtime.CompilerServices;

namespace Lstm.Training.Kernels;

/// <summary>
/// exp, sigmoid and tanh at any vector width, inlined into the gate loops. <c>Vector512.Exp</c> in .NET 10 computes
/// element by element here (about 60 ns a vector), and the runtime's scalar <c>MathF.Exp</c> differs by platform, so
/// exp is Cephes's expf: range reduction by ln 2 in two parts and a degree-6 polynomial, about 1 ulp on [-87, 88],
/// the same bits at every width and on every CPU. Absolute error of sigmoid and tanh is below 1e-7 against double
/// precision.
/// </summary>
internal static class Activations<TVec, TOps>
    where TVec : struct
    where TOps : struct, IVectorOps<TVec>
{
    /// <summary>e^x for x in [-87, 88] (clamped outside).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Exp(TVec x)
    {
        // x second: x86's native min/max return the second operand when either is NaN, so NaN stays NaN at every width.
        x = TOps.Min(TOps.Create(88f), TOps.Max(TOps.Create(-87f), x));
        var n = TOps.Round(TOps.Multiply(x, TOps.Create(1.44269504088896341f)));
        var r = TOps.FusedMultiplyAdd(n, TOps.Create(-0.693359375f), x);
        r = TOps.FusedMultiplyAdd(n, TOps.Create(2.12194440e-4f), r);
        var p = TOps.Create(1.9875691500e-4f);
        p = TOps.FusedMultiplyAdd(p, r, TOps.Create(1.3981999507e-3f));
        p = TOps.FusedMultiplyAdd(p, r, TOps.Create(8.3334519073e-3f));
        p = TOps.FusedMultiplyAdd(p, r, TOps.Create(4.1665795894e-2f));
        p = TOps.FusedMultiplyAdd(p, r, TOps.Create(1.6666665459e-1f));
        p = TOps.FusedMultiplyAdd(p, r, TOps.Create(5.0000001201e-1f));
        p = TOps.FusedMultiplyAdd(p, TOps.Multiply(r, r), TOps.Add(r, TOps.Create(1f)));
        return TOps.ScaleByPowerOfTwo(p, n);
    }

    /// <summary>1 / (1 + e^−x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Sigmoid(TVec x)
    {
        var one = TOps.Create(1f);
        return TOps.Divide(one, TOps.Add(one, Exp(TOps.Subtract(TOps.Create(0f), x))));
    }

    /// <summary>tanh(x) = sign(x)·(1 − e)/(1 + e), e = exp(−2|x|): no overflow, full relative precision away from 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Tanh(TVec x)
    {
        var one = TOps.Create(1f);
        var e = Exp(TOps.Multiply(TOps.Create(-2f), TOps.Abs(x)));
        return TOps.CopySign(TOps.Divide(TOps.Subtract(one, e), TOps.Add(one, e)), x);
    }
}

/// <summary>The scalar activations, bit for bit those of every vector width.</summary>
internal static class ScalarActivations
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x) => Activations<float, ScalarOps>.Sigmoid(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float x) => Activations<float, ScalarOps>.Tanh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp(float x) => Activations<float, ScalarOps>.Exp(x);
}
