using Lstm.Training.Layers;
using Lstm.Training.Losses;

namespace Lstm.Training.Training;

/// <summary>
/// A fixed slice of a batch (at most <see cref="Rows"/> sequences) that one thread runs through forward, loss and
/// backward. Slices are cut the same way whatever the thread count, and their gradients are summed in slice order,
/// which makes training bit-for-bit reproducible.
/// </summary>
internal sealed class TrainingSlice
{
    public const int Rows = 8;

    private readonly LstmClassifierParameters _p;
    private readonly LstmLayer _lstm;
    private readonly float[] _logits = new float[Rows];
    private readonly float[] _logitGradient = new float[Rows];

    public TrainingSlice(LstmClassifierParameters parameters, LstmLayer lstm, int steps)
    {
        _p = parameters;
        _lstm = lstm;
        Activations = new LstmActivations(Rows, steps, parameters.Config.EmbeddingDim, parameters.Config.Units);
        Gradients = new LstmGradients(parameters.Config.EmbeddingDim, parameters.Config.Units);
    }

    public LstmActivations Activations { get; }
    public LstmGradients Gradients { get; }
    public int Count { get; private set; }
    public double LossSum { get; private set; }
    public int Correct { get; private set; }

    /// <summary>
    /// Runs <paramref name="sequences"/> (masks already drawn into <see cref="Activations"/>) and leaves the dense-parameter
    /// gradients in <see cref="Gradients"/> and dL/dx in <see cref="LstmActivations.Inputs"/>. The loss is the batch mean,
    /// so gradients are scaled by 1/<paramref name="batchRows"/>.
    /// </summary>
    public void Run(ReadOnlySpan<int[]> sequences, ReadOnlySpan<bool> labels, int batchRows, bool inputMask, bool recurrentMask)
    {
        int rows = sequences.Length, e = _p.Config.EmbeddingDim, h = _p.Config.Units;
        var a = Activations;
        Count = rows;
        EmbeddingLayer.Gather(_p.Embedding, e, sequences, 0, a.Steps, inputMask ? a.InputMasks.AsSpan(0, rows * e) : default, a.Inputs);
        _lstm.Forward(a, rows, recurrentMask);
        var hidden = a.Hidden.AsSpan(0, rows * h);
        var logits = _logits.AsSpan(0, rows);
        DenseLayer.Forward(hidden, h, _p.DenseKernel, _p.DenseBias[0], logits);
        double loss = 0;
        int correct = 0;
        for (int s = 0; s < rows; s++)
        {
            loss += BinaryCrossEntropy.Loss(logits[s], labels[s]);
            if (logits[s] > 0 == labels[s]) correct++;
            _logitGradient[s] = BinaryCrossEntropy.Gradient(logits[s], labels[s]) / batchRows;
        }
        LossSum = loss;
        Correct = correct;
        DenseLayer.Backward(hidden, h, _p.DenseKernel, _logitGradient.AsSpan(0, rows), Gradients.DenseKernel, out Gradients.DenseBias[0], a.HiddenGradient);
        _lstm.Backward(a, rows, recurrentMask, inputMask, Gradients);
    }
}
