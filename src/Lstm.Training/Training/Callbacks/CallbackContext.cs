using Lstm.Training.Layers;

namespace Lstm.Training.Training.Callbacks;

/// <summary>What a <see cref="Callback"/> may see and change of the run: Keras's <c>self.model</c> and <c>self.params</c>.</summary>
public sealed class CallbackContext
{
    internal CallbackContext(Trainer trainer, int samples, int batches)
    {
        Trainer = trainer;
        Samples = samples;
        Batches = batches;
    }

    internal Trainer Trainer { get; }

    /// <summary>
    /// The network being trained; its <see cref="LstmClassifier.Parameters"/> are the current weights. Change them only in
    /// <see cref="Callback.OnTrainBegin"/>, <see cref="Callback.OnEpochBegin"/> or <see cref="Callback.OnEpochEnd"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The network is not of the seed's shape; use <see cref="Network"/>.</exception>
    public LstmClassifier Model => Trainer.Model;

    /// <summary>
    /// The network being trained; its <see cref="Models.SequenceNetwork.Parameters"/> are the current weights. Change them only in
    /// <see cref="Callback.OnTrainBegin"/>, <see cref="Callback.OnEpochBegin"/> or <see cref="Callback.OnEpochEnd"/>.
    /// </summary>
    public Models.SequenceNetwork Network => Trainer.Network;

    /// <summary>Metrics of every epoch completed so far, including those before a resume.</summary>
    public History History => Trainer.History;

    /// <summary>Total epochs planned (<see cref="FitOptions.Epochs"/>).</summary>
    public int Epochs => Trainer.Options.Epochs;

    /// <summary>Batches per epoch (Keras's <c>steps</c>).</summary>
    public int Batches { get; }

    /// <summary>Training sequences per epoch (Keras's <c>samples</c>).</summary>
    public int Samples { get; }

    /// <summary>The optimizer's learning rate, used from the next batch on when set.</summary>
    public float LearningRate
    {
        get => Trainer.LearningRate;
        set
        {
            if (!(value >= 0)) throw new ArgumentOutOfRangeException(nameof(value), value, "LearningRate must not be negative.");
            Trainer.LearningRate = value;
        }
    }

    /// <summary>
    /// Keras's <c>model.stop_training</c>: set it to end the run after the current epoch's callbacks have run. It is
    /// <see cref="History.StoppedEarly"/>, so it is also saved in checkpoints.
    /// </summary>
    public bool StopTraining
    {
        get => History.StoppedEarly;
        set => History.StoppedEarly = value;
    }
}
