using Lstm.Training.Embeddings;

namespace Lstm.Training.Tests.Embeddings;

/// <summary>One SGNS step against an independent double-precision finite-difference gradient of log σ(u·v₊) + Σ log σ(−u·v₋).</summary>
public class SkipGramUpdateTests
{
    private const int Dim = 5;

    private static double Loss(double[] u, double[][] rows, int positive, int[] negatives)
    {
        double loss = LogSigmoid(Dot(u, rows[positive]));
        foreach (int n in negatives) loss += LogSigmoid(-Dot(u, rows[n]));
        return loss;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static double LogSigmoid(double x) => -Math.Log(1 + Math.Exp(-x));

    [Fact]
    public void One_step_ascends_the_loss_by_alpha_times_its_finite_difference_gradient()
    {
        var random = new SeededRandom(7);
        float[] input = new float[Dim];
        float[] output = new float[4 * Dim];
        for (int i = 0; i < input.Length; i++) input[i] = (float)random.NextGaussian();
        for (int i = 0; i < output.Length; i++) output[i] = (float)random.NextGaussian() * 0.5f;
        int positive = 1;
        int[] negatives = [0, 3];
        const float alpha = 0.05f;

        double[] u = input.Select(v => (double)v).ToArray();
        double[][] rows = Enumerable.Range(0, 4).Select(r => output.Skip(r * Dim).Take(Dim).Select(v => (double)v).ToArray()).ToArray();
        double[] gradU = new double[Dim];
        double[][] gradRows = Enumerable.Range(0, 4).Select(_ => new double[Dim]).ToArray();
        for (int d = 0; d < Dim; d++)
        {
            gradU[d] = Central(u, d, () => Loss(u, rows, positive, negatives));
            for (int r = 0; r < 4; r++) gradRows[r][d] = Central(rows[r], d, () => Loss(u, rows, positive, negatives));
        }

        float[] scratch = new float[Dim];
        SkipGramUpdate.Apply(input, output, positive, negatives, alpha, scratch);

        for (int d = 0; d < Dim; d++)
        {
            Assert.Equal(u[d] + alpha * gradU[d], input[d], 1e-5);
            for (int r = 0; r < 4; r++) Assert.Equal(rows[r][d] + alpha * gradRows[r][d], output[r * Dim + d], 1e-5);
        }
        // Row 2 is neither the positive nor a negative: untouched, and its gradient is zero.
        Assert.All(gradRows[2], g => Assert.Equal(0, g, 1e-9));
    }

    private static double Central(double[] values, int index, Func<double> loss)
    {
        const double h = 1e-6;
        double saved = values[index];
        values[index] = saved + h;
        double plus = loss();
        values[index] = saved - h;
        double minus = loss();
        values[index] = saved;
        return (plus - minus) / (2 * h);
    }

    [Fact]
    public void Sigmoid_is_exact_and_saturates_without_nan()
    {
        Assert.Equal(0.5f, SkipGramUpdate.Sigmoid(0));
        Assert.Equal(1 / (1 + Math.Exp(-2.5)), SkipGramUpdate.Sigmoid(2.5f), 1e-7);
        Assert.Equal(0f, SkipGramUpdate.Sigmoid(-200f));
        Assert.Equal(1f, SkipGramUpdate.Sigmoid(200f));
    }
}
