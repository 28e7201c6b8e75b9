using Lstm.Training.Layers;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Layers;

public class InitializerTests
{
    [Fact]
    public void Keras_defaults()
    {
        var p = new LstmClassifier(new LstmClassifierConfig(), seed: 1).Parameters;
        Assert.All(p.Embedding, x => Assert.InRange(x, -0.05f, 0.05f));
        float glorot = MathF.Sqrt(6f / (128 + 512));
        Assert.All(p.Kernel, x => Assert.InRange(x, -glorot, glorot));
        Assert.Equal(Enumerable.Repeat(0f, 128), p.Bias[..128]);
        Assert.Equal(Enumerable.Repeat(1f, 128), p.Bias[128..256]); // unit_forget_bias
        Assert.Equal(Enumerable.Repeat(0f, 256), p.Bias[256..]);
        Assert.Equal(0f, p.DenseBias[0]);
        // Orthogonal recurrent kernel [128, 512]: its rows are orthonormal, U·Uᵀ = I.
        for (int a = 0; a < 128; a += 9)
            for (int b = 0; b < 128; b += 7)
            {
                double dot = 0;
                for (int j = 0; j < 512; j++) dot += p.RecurrentKernel[a * 512 + j] * p.RecurrentKernel[b * 512 + j];
                Assert.Equal(a == b ? 1.0 : 0.0, dot, 4);
            }
    }

    [Fact]
    public void Orthogonal_tall_matrix_has_orthonormal_columns()
    {
        var q = new float[20 * 6];
        KerasInitializers.Orthogonal(q, 20, 6, new SeededRandom(2));
        for (int a = 0; a < 6; a++)
            for (int b = 0; b < 6; b++)
            {
                double dot = 0;
                for (int r = 0; r < 20; r++) dot += q[r * 6 + a] * q[r * 6 + b];
                Assert.Equal(a == b ? 1.0 : 0.0, dot, 5);
            }
    }
}
