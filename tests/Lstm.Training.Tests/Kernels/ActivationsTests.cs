using System.Runtime.Intrinsics;
using Lstm.Training.Kernels;

namespace Lstm.Training.Tests.Kernels;

public class ActivationsTests
{
    [Fact]
    public void Exp_sigmoid_and_tanh_match_double_precision()
    {
        for (float x0 = -100f; x0 < 100f; x0 += 0.37f)
        {
            var xs = new float[16];
            for (int i = 0; i < 16; i++) xs[i] = x0 + i * 0.0231f;
            var x = Vector512.Create(xs);
            var exp = Activations.Exp(x);
            var sig = Activations.Sigmoid(x);
            var tanh = Activations.Tanh(x);
            for (int i = 0; i < 16; i++)
            {
                double v = xs[i];
                if (v is > -87 and < 88)
                    Assert.True(Math.Abs(exp[i] - Math.Exp(v)) <= 3e-7 * Math.Exp(v), $"exp({v}) = {exp[i]}, expected {Math.Exp(v)}");
                Assert.True(Math.Abs(sig[i] - 1 / (1 + Math.Exp(-v))) < 1e-7, $"sigmoid({v}) = {sig[i]}");
                Assert.True(Math.Abs(tanh[i] - Math.Tanh(v)) < 1e-7, $"tanh({v}) = {tanh[i]}");
            }
        }
        Assert.Equal(0f, Activations.Tanh(Vector512<float>.Zero)[0]);
        Assert.Equal(0.5f, Activations.Sigmoid(Vector512<float>.Zero)[0]);
    }
}
