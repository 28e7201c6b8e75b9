using System.Runtime.Intrinsics;
using Lstm.Training.Kernels;

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

    /// <summary>
    /// Applies one update to each parameter tensor from its gradient. The update is element-wise, so splitting it into
    /// blocks run on up to <paramref name="parallel"/>'s degree of threads gives the same bits as one thread.
    /// </summary>
    public void Step(IReadOnlyList<float[]> parameters, IReadOnlyList<float[]> gradients, ParallelOptions? parallel = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        if (parameters.Count != M.Length || gradients.Count != M.Length)
            throw new ArgumentException($"Adam was built for {M.Length} tensors; got {parameters.Count} parameter and {gradients.Count} gradient tensors.");
        for (int i = 0; i < M.Length; i++)
        {
            if (parameters[i].Length != M[i].Length || gradients[i].Length != M[i].Length)
                throw new ArgumentException($"Tensor {i}: Adam was built for {M[i].Length} elements; got {parameters[i].Length} parameters and {gradients[i].Length} gradients.");
        }
        Iterations++;
        double t = Iterations;
        float lrT = (float)(LearningRate * Math.Sqrt(1 - Math.Pow(Beta2, t)) / (1 - Math.Pow(Beta1, t)));
        if (parallel is null || parallel.MaxDegreeOfParallelism == 1)
        {
            for (int i = 0; i < parameters.Count; i++) Update(parameters[i], gradients[i], M[i], V[i], lrT);
            return;
        }
        // Blocks of every tensor in one list, so that the large embedding and the small tensors share the threads.
        int blocks = 0;
        for (int i = 0; i < parameters.Count; i++) blocks += (parameters[i].Length + ParallelBlock - 1) / ParallelBlock;
        Parallel.For(0, blocks, parallel, b =>
        {
            int i = 0;
            for (int count; b >= (count = (parameters[i].Length + ParallelBlock - 1) / ParallelBlock); i++) b -= count;
            int start = b * ParallelBlock, length = Math.Min(ParallelBlock, parameters[i].Length - start);
            Update(parameters[i].AsSpan(start, length), gradients[i].AsSpan(start, length), M[i].AsSpan(start, length), V[i].AsSpan(start, length), lrT);
        });
    }

    private const int ParallelBlock = 1 << 16;

    private unsafe void Update(Span<float> p, ReadOnlySpan<float> g, Span<float> m, Span<float> v, float lrT)
    {
        var step = new AdamStep(Beta1, Beta2, Epsilon, lrT);
        int n = p.Length, i = 0;
        fixed (float* pp = p, pg = g, pm = m, pv = v)
        {
            if (Vector512.IsHardwareAccelerated) i = AdamKernel<Vector512<float>, Vector512Ops>.Update(pp, pg, pm, pv, n, 0, step);
            else if (Vector256.IsHardwareAccelerated) i = AdamKernel<Vector256<float>, Vector256Ops>.Update(pp, pg, pm, pv, n, 0, step);
            else if (Vector128.IsHardwareAccelerated) i = AdamKernel<Vector128<float>, Vector128Ops>.Update(pp, pg, pm, pv, n, 0, step);
            AdamKernel<float, ScalarOps>.Update(pp, pg, pm, pv, n, i, step);
        }
    }
}
