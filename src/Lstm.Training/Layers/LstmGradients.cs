namespace Lstm.Training.Layers;

/// <summary>Gradients of the dense parameters (all but the embedding) for one slice of a batch.</summary>
internal sealed class LstmGradients
{
    public LstmGradients(int inputDim, int units)
    {
        Kernel = new float[inputDim * 4 * units];
        RecurrentKernel = new float[units * 4 * units];
        Bias = new float[4 * units];
        DenseKernel = new float[units];
        DenseBias = new float[1];
    }

    public float[] Kernel { get; }
    public float[] RecurrentKernel { get; }
    public float[] Bias { get; }
    public float[] DenseKernel { get; }
    public float[] DenseBias { get; }
}
