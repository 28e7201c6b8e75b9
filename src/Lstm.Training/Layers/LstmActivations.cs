namespace Lstm.Training.Layers;

/// <summary>
/// What one slice of a batch (S sequences, T steps) keeps between the LSTM's forward and backward passes, time-major.
/// Allocated once per slice and reused for every batch: nothing is allocated per step.
/// </summary>
internal sealed class LstmActivations
{
    public LstmActivations(int rows, int steps, int inputDim, int units)
    {
        Rows = rows;
        Steps = steps;
        InputDim = inputDim;
        Units = units;
        Inputs = new float[(long)steps * rows * inputDim];
        Gates = new float[(long)steps * rows * 4 * units];
        PreviousHidden = new float[(long)steps * rows * units];
        Cells = new float[(long)steps * rows * units];
        Hidden = new float[rows * units];
        HiddenGradient = new float[rows * units];
        CellGradient = new float[rows * units];
        InputMasks = new float[rows * inputDim];
        RecurrentMasks = new float[rows * units];
    }

    public int Rows { get; }
    public int Steps { get; }
    public int InputDim { get; }
    public int Units { get; }

    /// <summary>x̃_t = x_t ⊙ input mask, [T, S, E]; after backward, dL/dx_t (mask applied).</summary>
    public float[] Inputs { get; }

    /// <summary>Gate activations [T, S, 4H] (i, f, g, o); after backward, dL/dz_t.</summary>
    public float[] Gates { get; }

    /// <summary>h_{t-1} ⊙ recurrent mask, [T, S, H] (zeros at t = 0).</summary>
    public float[] PreviousHidden { get; }

    /// <summary>c_t, [T, S, H].</summary>
    public float[] Cells { get; }

    /// <summary>h_T, [S, H].</summary>
    public float[] Hidden { get; }

    public float[] HiddenGradient { get; }
    public float[] CellGradient { get; }

    /// <summary>Per-sequence input dropout masks (0 or 1/(1-p)), [S, E]; all ones when dropout is off.</summary>
    public float[] InputMasks { get; }

    /// <summary>Per-sequence recurrent dropout masks, [S, H].</summary>
    public float[] RecurrentMasks { get; }
}
