using System.Diagnostics;
using System.Numerics.Tensors;
using Lstm.Training.Kernels;
using Lstm.Training.Layers;
using Lstm.Training.Losses;
using Lstm.Training.Models;
using Lstm.Training.Training.Callbacks;

namespace Lstm.Training.Training;

/// <summary>
/// Keras's <c>model.fit</c> for a <see cref="SequenceNetwork"/> (or an <see cref="LstmClassifier"/>): mini-batch Adam on
/// the head's loss (binary or sparse categorical cross-entropy, or mean squared error) with example and class weights,
/// shuffling every epoch, variational dropout, validation after each epoch, and Keras-style callbacks (early stopping,
/// learning-rate schedule, resumable checkpoints, progress and <see cref="FitOptions.Callbacks"/>).
/// Each batch is cut into fixed slices of 8 sequences that run on all cores; their gradients are summed in a fixed
/// order once per batch, so a seed reproduces a run bit for bit whatever the thread count. A network of the seed's shape
/// trained on unweighted binary labels runs on <see cref="LstmClassifier"/>'s own kernels, as it always has.
/// </summary>
public sealed partial class Trainer
{
    private readonly float[][] _gradientTensors;
    private readonly LstmClassifierParameters? _gradients;
    private readonly LstmLayer? _lstm;
    private readonly NetworkBatchTrainer _network;
    private readonly Adam _adam;
    private SeededRandom _random;
    private readonly EarlyStoppingCallback? _earlyStopping;
    private readonly ReduceLearningRateOnPlateauCallback? _reduceLearningRate;
    private readonly Callback[] _builtInCallbacks;
    private TrainingSlice[] _slices = [];
    private (int Epoch, int Batch) _position;
    private int[][] _batchSequences = [];
    private bool[] _batchLabels = [];

    /// <summary>Prepares to train <paramref name="model"/> in place.</summary>
    public Trainer(LstmClassifier model, FitOptions? options = null)
        : this(SequenceNetwork.FromClassifier(model ?? throw new ArgumentNullException(nameof(model))), options)
    {
    }

    /// <summary>Prepares to train <paramref name="network"/> in place.</summary>
    public Trainer(SequenceNetwork network, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        Options = options ?? new FitOptions();
        Options.Validate();
        Network = network;
        _gradientTensors = network.Parameters.Tensors.Select(t => new float[t.Length]).ToArray();
        if (network.Classifier is { } classifier)
        {
            _gradients = new LstmClassifierParameters(classifier.Config, _gradientTensors);
            _lstm = new LstmLayer(classifier.Parameters);
        }
        _network = new NetworkBatchTrainer(network.Parameters, _gradientTensors);
        _adam = new Adam(network.Parameters.Tensors.Select(t => t.Length).ToArray(), Options.LearningRate);
        _random = new SeededRandom(Options.Seed);
        if (Options.EarlyStopping is { } es) _earlyStopping = new EarlyStoppingCallback(es);
        if (Options.ReduceLearningRateOnPlateau is { } r) _reduceLearningRate = new ReduceLearningRateOnPlateauCallback(r);
        // The order of today's effects: early stopping, then the schedule (skipped once stopped), then the checkpoint
        // (which saves both), then the end-of-epoch progress report.
        _builtInCallbacks = new Callback?[]
        {
            _earlyStopping,
            _reduceLearningRate,
            Options.CheckpointPath is { } path ? new ModelCheckpointCallback(path) : null,
            Options.Progress is { } progress ? new ProgressCallback(progress) : null,
        }.OfType<Callback>().ToArray();
    }

    /// <summary>The network being trained.</summary>
    public SequenceNetwork Network { get; }

    /// <summary>The network being trained, when it has the seed's shape (<see cref="NetworkSpec.IsClassifierShape"/>).</summary>
    /// <exception cref="InvalidOperationException">The network has another shape; use <see cref="Network"/>.</exception>
    public LstmClassifier Model => Network.Classifier
        ?? throw new InvalidOperationException($"The network {Network.Spec} is not Embedding -> LSTM -> Dense(1, sigmoid); use Trainer.Network.");

    /// <summary>The training settings.</summary>
    public FitOptions Options { get; }

    /// <summary>Metrics of every epoch completed so far, including those before a resume.</summary>
    public History History { get; private set; } = new();

    /// <summary>Adam's current learning rate, which schedules change.</summary>
    internal float LearningRate
    {
        get => _adam.LearningRate;
        set => _adam.LearningRate = value;
    }

    /// <summary>
    /// Trains until <see cref="FitOptions.Epochs"/> epochs are complete (counting those done before a resume) or early
    /// stopping (or any callback) ends the run. Throws <see cref="OperationCanceledException"/> between batches when
    /// cancelled; the model then holds the weights of the last completed batch.
    /// </summary>
    /// <exception cref="CallbackException">A callback of <see cref="FitOptions.Callbacks"/> threw.</exception>
    /// <exception cref="TrainingDivergedException">
    /// A batch's loss was NaN or infinite (its update was not applied), or an update made a weight overflow (the network's
    /// weights are then not usable: reload the last checkpoint).
    /// </exception>
    public History Fit(SequenceDataset train, SequenceDataset? validation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var spec = Network.Spec;
        // The seed's network on unweighted binary labels keeps its own kernels, and so its bits.
        bool classifierKernels = Network.Classifier is not null && train.HasBinaryLabels && train.Weights is null && Options.ClassWeight is null;
        int steps = train.Validate(spec, nameof(train));
        validation?.Validate(spec, nameof(validation));
        bool classifierValidation = Network.Classifier is not null && validation is { HasBinaryLabels: true, Weights: null };
        var callbacks = _builtInCallbacks.Concat(Options.Callbacks).ToArray();
        foreach (var callback in callbacks)
        {
            string? monitor = callback switch
            {
                EarlyStoppingCallback es => es.Settings.Monitor,
                ReduceLearningRateOnPlateauCallback r => r.Settings.Monitor,
                _ => null,
            };
            if (monitor is not null) MonitoredMetric.Check(monitor, validation is not null, spec.Task);
        }
        if (classifierKernels) EnsureSlices(steps);
        RefreshWeights(); // the weights may have changed since the last Fit (resume, restore, user code)

        int n = train.Count, batchSize = Options.BatchSize, batches = (n + batchSize - 1) / batchSize;
        var order = new int[n];
        var batchSequences = new int[batchSize][];
        var batchLabels = new bool[batchSize];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        var context = new CallbackContext(this, n, batches);
        var hooks = new CallbackRunner(callbacks, _builtInCallbacks.Length, context);

        hooks.OnTrainBegin();
        while (History.Epochs.Count < Options.Epochs && !History.StoppedEarly)
        {
            int epoch = History.Epochs.Count + 1;
            hooks.OnEpochBegin(epoch);
            RefreshWeights(); // callbacks may have changed the weights
            for (int i = 0; i < n; i++) order[i] = i;
            if (Options.Shuffle) _random.Shuffle(order);
            var clock = Stopwatch.StartNew();
            double lossSum = 0, metricSum = 0;
            long seen = 0;
            for (int b = 0; b < batches; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _position = (epoch, b + 1);
                int start = b * batchSize, rows = Math.Min(batchSize, n - start);
                double batchLoss, batchMetric;
                if (classifierKernels)
                {
                    for (int r = 0; r < rows; r++)
                    {
                        batchSequences[r] = train.Sequences[order[start + r]];
                        batchLabels[r] = train.Labels[order[start + r]];
                    }
                    (batchLoss, int batchCorrect) = TrainBatch(batchSequences.AsSpan(0, rows), batchLabels.AsSpan(0, rows), parallel);
                    batchMetric = batchCorrect;
                }
                else (batchLoss, batchMetric) = TrainNetworkBatch(train, order.AsSpan(start, rows), parallel);
                lossSum += batchLoss;
                metricSum += batchMetric;
                seen += rows;
                double elapsed = clock.Elapsed.TotalSeconds;
                hooks.OnBatchEnd(new TrainingProgress
                {
                    Epoch = epoch,
                    Epochs = Options.Epochs,
                    Batch = b + 1,
                    Batches = batches,
                    Loss = lossSum / seen,
                    Accuracy = spec.Task == TaskKind.Regression ? double.NaN : metricSum / seen,
                    MeanAbsoluteError = spec.Task == TaskKind.Regression ? metricSum / seen : null,
                    SequencesPerSecond = seen / Math.Max(elapsed, 1e-9),
                    Elapsed = clock.Elapsed,
                    Remaining = TimeSpan.FromSeconds(elapsed / seen * (n - seen)),
                });
            }
            double trainSeconds = clock.Elapsed.TotalSeconds;
            double? valLoss = null, valAccuracy = null, valMae = null;
            if (validation is not null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (classifierValidation)
                {
                    var val = Model.Evaluate(validation.Sequences, validation.Labels, Options.ValidationBatchSize, parallel.MaxDegreeOfParallelism);
                    (valLoss, valAccuracy) = (val.Loss, val.Accuracy);
                }
                else
                {
                    var val = Network.Evaluate(validation, Options.ValidationBatchSize, parallel.MaxDegreeOfParallelism);
                    (valLoss, valAccuracy, valMae) = (val.Loss, val.Accuracy ?? double.NaN, val.MeanAbsoluteError);
                }
            }
            if (valLoss is { } checkedLoss && !double.IsFinite(checkedLoss)) throw new TrainingDivergedException(epoch, batches, checkedLoss);
            bool regression = spec.Task == TaskKind.Regression;
            var result = new EpochResult(epoch, lossSum / seen, regression ? double.NaN : metricSum / seen, valLoss, valAccuracy, trainSeconds, clock.Elapsed.TotalSeconds - trainSeconds, _adam.LearningRate)
            {
                MeanAbsoluteError = regression ? metricSum / seen : null,
                ValMeanAbsoluteError = valMae,
            };
            History.Epochs.Add(result);
            hooks.OnEpochEnd(result);
        }
        hooks.OnTrainEnd();
        return History;
    }

    private void RefreshWeights()
    {
        _lstm?.RefreshTransposes();
        _network.Refresh();
    }

    /// <summary>One Adam step of the model family's code on the examples <paramref name="batch"/> of <paramref name="train"/>.</summary>
    private (double LossSum, double MetricSum) TrainNetworkBatch(SequenceDataset train, ReadOnlySpan<int> batch, ParallelOptions parallel)
    {
        var result = _network.Step(train, batch, Options.ClassWeight, _random, parallel);
        ThrowIfDiverged(result.LossSum);
        // From here the batch is applied whole: a cancellation between Adam's blocks would leave half an update.
        var uncancellable = new ParallelOptions { MaxDegreeOfParallelism = parallel.MaxDegreeOfParallelism };
        if (Options.ClipNorm is { } clip) ClipByGlobalNorm(clip);
        _adam.Step(Network.Parameters.Tensors, _gradientTensors, uncancellable);
        ThrowIfWeightsOverflowed();
        RefreshWeights();
        return result;
    }

    /// <summary>One Adam step on one batch: masks, forward and backward on all slices in parallel, reduction, update.</summary>
    internal (double LossSum, int Correct) TrainBatch(ReadOnlySpan<int[]> sequences, ReadOnlySpan<bool> labels, ParallelOptions parallel)
    {
        var cfg = Model.Config;
        bool inputMask = cfg.Dropout > 0, recurrentMask = cfg.RecurrentDropout > 0;
        int rows = sequences.Length;
        EnsureSlices(sequences[0].Length);
        int sliceCount = (rows + TrainingSlice.Rows - 1) / TrainingSlice.Rows;
        DrawMasks(rows, inputMask, recurrentMask);
        var seqArray = _batchSequences;
        var labelArray = _batchLabels;
        if (seqArray.Length < rows) { seqArray = _batchSequences = new int[rows][]; labelArray = _batchLabels = new bool[rows]; }
        sequences.CopyTo(seqArray);
        labels.CopyTo(labelArray);
        Parallel.For(0, sliceCount, parallel, s =>
        {
            int first = s * TrainingSlice.Rows, count = Math.Min(TrainingSlice.Rows, rows - first);
            _slices[s].Run(seqArray.AsSpan(first, count), labelArray.AsSpan(first, count), rows, inputMask, recurrentMask);
        });
        double loss = 0;
        int correct = 0;
        for (int s = 0; s < sliceCount; s++)
        {
            loss += _slices[s].LossSum;
            correct += _slices[s].Correct;
        }
        ThrowIfDiverged(loss);
        // From here the batch is applied whole: a cancellation between Adam's blocks would leave half an update.
        var uncancellable = new ParallelOptions { MaxDegreeOfParallelism = parallel.MaxDegreeOfParallelism };
        ReduceGradients(sliceCount, rows, uncancellable);
        if (Options.ClipNorm is { } clip) ClipByGlobalNorm(clip);
        _adam.Step(Network.Parameters.Tensors, _gradientTensors, uncancellable);
        ThrowIfWeightsOverflowed();
        RefreshWeights();
        return (loss, correct);
    }

    // Before the update: a non-finite loss means non-finite gradients, which would leave NaN weights behind.
    private void ThrowIfDiverged(double lossSum)
    {
        if (!double.IsFinite(lossSum)) throw new TrainingDivergedException(_position.Epoch, _position.Batch, lossSum);
    }

    // A finite loss can still take a step so large that weights overflow; the next batch would then be NaN.
    private void ThrowIfWeightsOverflowed()
    {
        foreach (var tensor in Network.Parameters.Tensors)
            if (tensor.Length > 0 && !float.IsFinite(TensorPrimitives.MaxMagnitude(tensor)))
                throw new TrainingDivergedException(_position.Epoch, _position.Batch, double.PositiveInfinity, weightsOverflowed: true);
    }

    private void EnsureSlices(int steps)
    {
        int needed = (Options.BatchSize + TrainingSlice.Rows - 1) / TrainingSlice.Rows;
        if (_slices.Length == needed && _slices[0].Activations.Steps == steps) return;
        _lstm!.RefreshTransposes();
        _slices = new TrainingSlice[needed];
        for (int i = 0; i < needed; i++) _slices[i] = new TrainingSlice(Model.Parameters, _lstm, steps);
    }

    // Masks are drawn on this thread in row order, so the random stream does not depend on threading.
    private void DrawMasks(int rows, bool inputMask, bool recurrentMask)
    {
        var cfg = Model.Config;
        for (int r = 0; r < rows; r++)
        {
            var a = _slices[r / TrainingSlice.Rows].Activations;
            int row = r % TrainingSlice.Rows;
            if (inputMask) FillMask(a.InputMasks.AsSpan(row * cfg.EmbeddingDim, cfg.EmbeddingDim), cfg.Dropout);
            if (recurrentMask) FillMask(a.RecurrentMasks.AsSpan(row * cfg.Units, cfg.Units), cfg.RecurrentDropout);
        }
    }

    private void FillMask(Span<float> mask, float rate)
    {
        float keep = 1f / (1f - rate);
        for (int i = 0; i < mask.Length; i++) mask[i] = _random.NextSingle() >= rate ? keep : 0f;
    }

    private void ReduceGradients(int sliceCount, int rows, ParallelOptions parallel)
    {
        var g = _gradients!;
        for (int s = 0; s < sliceCount; s++)
        {
            var sg = _slices[s].Gradients;
            Accumulate(sg.Kernel, g.Kernel, s == 0);
            Accumulate(sg.RecurrentKernel, g.RecurrentKernel, s == 0);
            Accumulate(sg.Bias, g.Bias, s == 0);
            Accumulate(sg.DenseKernel, g.DenseKernel, s == 0);
            Accumulate(sg.DenseBias, g.DenseBias, s == 0);
        }
        // The embedding gradient by column ranges, one per thread: each element still receives its adds in (slice, step,
        // row) order, so the sums do not depend on the thread count.
        int e = Model.Config.EmbeddingDim;
        int parts = Math.Max(1, Math.Min(e / 16, parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount));
        var sequences = _batchSequences;
        Parallel.For(0, parts, parallel, part =>
        {
            int lo = part * e / parts, hi = (part + 1) * e / parts;
            EmbeddingLayer.ClearColumns(g.Embedding, e, lo, hi);
            for (int s = 0; s < sliceCount; s++)
            {
                int first = s * TrainingSlice.Rows, count = Math.Min(TrainingSlice.Rows, rows - first);
                EmbeddingLayer.ScatterAdd(_slices[s].Activations.Inputs, e, sequences.AsSpan(first, count), g.Embedding, lo, hi);
            }
        });
    }

    private static void Accumulate(ReadOnlySpan<float> source, Span<float> total, bool first)
    {
        if (first) source.CopyTo(total);
        else TensorPrimitives.Add(total, source, total);
    }

    private void ClipByGlobalNorm(float clip)
    {
        double sum = 0;
        foreach (var t in _gradientTensors) sum += Reductions.SumOfSquares(t);
        double norm = Math.Sqrt(sum);
        if (norm <= clip) return;
        float scale = (float)(clip / norm);
        foreach (var t in _gradientTensors) TensorPrimitives.Multiply(t, scale, t);
    }
}
