using System.Runtime.Intrinsics;
using Lstm.Training.Kernels;

namespace Lstm.Training.Tests.Kernels;

public class ActivationsTests
{
    private static IEnumerable<float> Inputs()
    {
        for (float x = -100f; x < 100f; x += 0.0371f) yield return x;
        foreach (float x in new[] { 0f, -0f, 1e-30f, -1e-30f, 87f, 88f, -87f, -88f, 1e30f, -1e30f, float.Epsilon }) yield return x;
    }

    [Fact]
    public void Exp_sigmoid_and_tanh_match_double_precision()
    {
        foreach (float x in Inputs())
        {
            double v = x;
            float exp = ScalarActivations.Exp(x), sig = ScalarActivations.Sigmoid(x), tanh = ScalarActivations.Tanh(x);
            if (v is > -87 and < 88)
                Assert.True(Math.Abs(exp - Math.Exp(v)) <= 3e-7 * Math.Exp(v), $"exp({v}) = {exp}, expected {Math.Exp(v)}");
            Assert.True(Math.Abs(sig - 1 / (1 + Math.Exp(-v))) < 1e-7, $"sigmoid({v}) = {sig}");
            Assert.True(Math.Abs(tanh - Math.Tanh(v)) < 1e-7, $"tanh({v}) = {tanh}");
        }
        Assert.Equal(0f, ScalarActivations.Tanh(0f));
        Assert.Equal(0.5f, ScalarActivations.Sigmoid(0f));
    }

    [Fact]
    public void Every_vector_width_gives_the_scalar_bits()
    {
        float[] xs = Inputs().ToArray();
        foreach (float x in xs)
        {
            float exp = ScalarActivations.Exp(x), sig = ScalarActivations.Sigmoid(x), tanh = ScalarActivations.Tanh(x);
            AssertSame(exp, Activations<Vector512<float>, Vector512Ops>.Exp(Vector512.Create(x)).GetElement(7), "Vector512 exp", x);
            AssertSame(exp, Activations<Vector256<float>, Vector256Ops>.Exp(Vector256.Create(x)).GetElement(5), "Vector256 exp", x);
            AssertSame(exp, Activations<Vector128<float>, Vector128Ops>.Exp(Vector128.Create(x)).GetElement(3), "Vector128 exp", x);
            AssertSame(sig, Activations<Vector512<float>, Vector512Ops>.Sigmoid(Vector512.Create(x)).GetElement(15), "Vector512 sigmoid", x);
            AssertSame(sig, Activations<Vector256<float>, Vector256Ops>.Sigmoid(Vector256.Create(x)).GetElement(0), "Vector256 sigmoid", x);
            AssertSame(sig, Activations<Vector128<float>, Vector128Ops>.Sigmoid(Vector128.Create(x)).GetElement(1), "Vector128 sigmoid", x);
            AssertSame(tanh, Activations<Vector512<float>, Vector512Ops>.Tanh(Vector512.Create(x)).GetElement(2), "Vector512 tanh", x);
            AssertSame(tanh, Activations<Vector256<float>, Vector256Ops>.Tanh(Vector256.Create(x)).GetElement(6), "Vector256 tanh", x);
            AssertSame(tanh, Activations<Vector128<float>, Vector128Ops>.Tanh(Vector128.Create(x)).GetElement(2), "Vector128 tanh", x);
        }
    }

    [Fact]
    public void NaN_stays_NaN_at_every_width()
    {
        Assert.True(float.IsNaN(ScalarActivations.Exp(float.NaN)));
        Assert.True(float.IsNaN(ScalarActivations.Sigmoid(float.NaN)));
        Assert.True(float.IsNaN(ScalarActivations.Tanh(float.NaN)));
        Assert.True(float.IsNaN(Activations<Vector512<float>, Vector512Ops>.Sigmoid(Vector512.Create(float.NaN)).GetElement(0)));
        Assert.True(float.IsNaN(Activations<Vector256<float>, Vector256Ops>.Sigmoid(Vector256.Create(float.NaN)).GetElement(0)));
        Assert.True(float.IsNaN(Activations<Vector128<float>, Vector128Ops>.Sigmoid(Vector128.Create(float.NaN)).GetElement(0)));
        Assert.True(float.IsNaN(Activations<Vector256<float>, Vector256Ops>.Tanh(Vector256.Create(float.NaN)).GetElement(0)));
        Assert.True(float.IsNaN(Activations<Vector128<float>, Vector128Ops>.Tanh(Vector128.Create(float.NaN)).GetElement(0)));
    }

    private static void AssertSame(float expected, float actual, string what, float x)
    {
        if (BitConverter.SingleToInt32Bits(expected) != BitConverter.SingleToInt32Bits(actual))
            Assert.Fail($"{what}({x:R}) = {actual:R}, scalar gives {expected:R}");
    }
}
