namespace Lstm.Training.Models.Compute;

/// <summary>Wᵀ and Uᵀ of every recurrent layer and direction, and the Dense kernel's transpose, for the backward products.</summary>
internal sealed class NetworkTransposes
{
    private readonly NetworkParameters _p;

    public NetworkTransposes(NetworkParameters parameters)
    {
        _p = parameters;
        var spec = parameters.Spec;
        Kernels = new float[spec.Recurrent.Count][][];
        Recurrent = new float[spec.Recurrent.Count][][];
        for (int l = 0; l < spec.Recurrent.Count; l++)
        {
            var layer = spec.Recurrent[l];
            Kernels[l] = new float[layer.Directions][];
            Recurrent[l] = new float[layer.Directions][];
            for (int d = 0; d < layer.Directions; d++)
            {
                int k = parameters.KernelIndex(l, d);
                Kernels[l][d] = new float[parameters.Tensors[k].Length];
                Recurrent[l][d] = new float[parameters.Tensors[k + 1].Length];
            }
        }
        Dense = new float[parameters.DenseKernel.Length];
    }

    /// <summary>[layer][direction]: Wᵀ, [gates, input].</summary>
    public float[][][] Kernels { get; }

    /// <summary>[layer][direction]: Uᵀ, [gates, units].</summary>
    public float[][][] Recurrent { get; }

    /// <summary>Dense kernelᵀ, [outputs, features].</summary>
    public float[] Dense { get; }

    /// <summary>Recomputes every transpose; call after the weights change.</summary>
    public void Refresh()
    {
        var spec = _p.Spec;
        for (int l = 0; l < spec.Recurrent.Count; l++)
        {
            var layer = spec.Recurrent[l];
            for (int d = 0; d < layer.Directions; d++)
            {
                int k = _p.KernelIndex(l, d);
                int rows = _p.Shapes[k][0];
                Transpose(_p.Tensors[k], rows, layer.GateWidth, Kernels[l][d]);
                Transpose(_p.Tensors[k + 1], layer.Units, layer.GateWidth, Recurrent[l][d]);
            }
        }
        Transpose(_p.DenseKernel, spec.FeatureWidth, spec.Outputs, Dense);
    }

    private static void Transpose(ReadOnlySpan<float> source, int rows, int cols, Span<float> destination)
    {
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                destination[c * rows + r] = source[r * cols + c];
    }
}
