using Lstm.Training.Models;

namespace Lstm.Training.Training;

/// <summary>
/// Padded id sequences (all of one length, e.g. from <c>PadSequences</c>), or numeric windows (<see cref="ForWindows"/>),
/// their targets and optional example weights: binary labels, class indices (multi-class) or one or more values per
/// sequence (regression).
/// </summary>
public sealed class SequenceDataset
{
    private readonly IReadOnlyList<bool>? _labels;
    private readonly float[] _targets;

    /// <summary>Sequences with binary labels (true = positive), the seed's data.</summary>
    public SequenceDataset(IReadOnlyList<int[]> sequences, IReadOnlyList<bool> labels, IReadOnlyList<float>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(labels);
        Sequences = sequences;
        _labels = labels;
        _targets = new float[labels.Count];
        for (int i = 0; i < labels.Count; i++) _targets[i] = labels[i] ? 1f : 0f;
        TargetWidth = 1;
        Weights = weights;
    }

    private SequenceDataset(IReadOnlyList<int[]> sequences, float[] targets, int width, IReadOnlyList<float>? weights)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(targets);
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "The target width must be at least 1.");
        Sequences = sequences;
        _targets = targets;
        TargetWidth = width;
        Weights = weights;
    }

    /// <summary>Sequences with class indices 0..K−1 (multi-class).</summary>
    public static SequenceDataset ForClasses(IReadOnlyList<int[]> sequences, IReadOnlyList<int> classes, IReadOnlyList<float>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var targets = new float[classes.Count];
        for (int i = 0; i < targets.Length; i++) targets[i] = classes[i];
        return new SequenceDataset(sequences, targets, 1, weights);
    }

    /// <summary>Sequences with <paramref name="width"/> regression targets each, row-major in <paramref name="values"/>.</summary>
    public static SequenceDataset ForValues(IReadOnlyList<int[]> sequences, float[] values, int width = 1, IReadOnlyList<float>? weights = null) =>
        new(sequences, values, width, weights);

    /// <summary>
    /// Numeric windows for a network of <see cref="NetworkSpec.InputFeatures"/> = <paramref name="features"/>: each
    /// window holds steps × features values laid out step by step (<c>window[t * features + f]</c>), all windows
    /// the same length; <paramref name="width"/> regression targets each, row-major in <paramref name="values"/>
    /// (e.g. the next H values of a series).
    /// </summary>
    public static SequenceDataset ForWindows(IReadOnlyList<float[]> windows, int features, float[] values, int width = 1, IReadOnlyList<float>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), features, "A window needs at least one feature per step.");
        return new SequenceDataset([], values, width, weights) { Windows = windows, InputFeatures = features };
    }

    /// <summary>Padded id sequences (empty for numeric windows).</summary>
    public IReadOnlyList<int[]> Sequences { get; }

    /// <summary>Numeric windows, [steps × <see cref="InputFeatures"/>] each (<see cref="ForWindows"/>); null for id sequences.</summary>
    public IReadOnlyList<float[]>? Windows { get; private init; }

    /// <summary>Values per step of <see cref="Windows"/>; 0 for id sequences.</summary>
    public int InputFeatures { get; private init; }

    /// <summary>True when the examples are numeric windows.</summary>
    public bool IsNumeric => Windows is not null;

    /// <summary>The binary labels (true = positive).</summary>
    /// <exception cref="InvalidOperationException">The dataset holds class indices or values.</exception>
    public IReadOnlyList<bool> Labels => _labels ?? throw new InvalidOperationException("This dataset holds class indices or regression values, not binary labels.");

    /// <summary>True when the targets are binary labels.</summary>
    public bool HasBinaryLabels => _labels is not null;

    /// <summary>Targets per sequence: 1, or the number of regression outputs.</summary>
    public int TargetWidth { get; }

    /// <summary>Example weights (ML.NET's example weight column, Keras's <c>sample_weight</c>); null for all 1.</summary>
    public IReadOnlyList<float>? Weights { get; }

    /// <summary>Number of examples.</summary>
    public int Count => Windows?.Count ?? Sequences.Count;

    /// <summary>Steps of example <paramref name="index"/> (every example has the same).</summary>
    public int Steps(int index) => Windows is { } windows ? windows[index].Length / InputFeatures : Sequences[index].Length;

    /// <summary>Targets of example <paramref name="index"/>: 0/1, the class index, or the values.</summary>
    public ReadOnlySpan<float> TargetRow(int index) => _targets.AsSpan(index * TargetWidth, TargetWidth);

    /// <summary>Weight of example <paramref name="index"/> (1 without weights).</summary>
    public float Weight(int index) => Weights is null ? 1f : Weights[index];

    internal int Validate(int vocabularySize, string name)
    {
        if (_targets.Length != (long)Count * TargetWidth)
            throw new ArgumentException($"{name}: {Count} sequences but {_targets.Length / TargetWidth} labels.", name);
        if (Count == 0) throw new ArgumentException($"{name} is empty.", name);
        if (Weights is not null)
        {
            if (Weights.Count != Count) throw new ArgumentException($"{name}: {Count} sequences but {Weights.Count} weights.", name);
            for (int i = 0; i < Weights.Count; i++)
                if (!(Weights[i] >= 0) || float.IsInfinity(Weights[i])) throw new ArgumentException($"{name}: weight {i} is {Weights[i]}; weights must be finite and not negative.", name);
        }
        return Windows is { } windows ? SequenceChecks.ValidateWindows(windows, InputFeatures, name) : SequenceChecks.Validate(Sequences, vocabularySize, name);
    }

    /// <summary>Checks that the targets fit <paramref name="spec"/>'s head; returns the sequence length.</summary>
    internal int Validate(NetworkSpec spec, string name)
    {
        if (IsNumeric != spec.IsNumeric || (IsNumeric && InputFeatures != spec.InputFeatures))
            throw new ArgumentException(spec.IsNumeric
                ? $"{name}: the network reads numeric windows of {spec.InputFeatures} features per step; the data holds {(IsNumeric ? $"{InputFeatures} features per step" : "token ids")}."
                : $"{name}: the network reads token ids; the data holds numeric windows.", name);
        int steps = Validate(spec.VocabularySize, name);
        int expectedWidth = spec.Task == TaskKind.Regression ? spec.Outputs : 1;
        if (TargetWidth != expectedWidth)
            throw new ArgumentException($"{name}: {TargetWidth} targets per example, but the {spec.Task} head has {spec.Outputs} output(s).", name);
        for (int i = 0; i < _targets.Length; i++)
        {
            float t = _targets[i];
            bool ok = spec.Task switch
            {
                TaskKind.BinaryClassification => t is 0f or 1f,
                TaskKind.MulticlassClassification => t >= 0 && t < spec.Outputs && t == MathF.Floor(t),
                _ => float.IsFinite(t),
            };
            if (!ok)
                throw new ArgumentException(spec.Task switch
                {
                    TaskKind.BinaryClassification => $"{name}: label {i / TargetWidth} is {t}; binary labels are 0 or 1.",
                    TaskKind.MulticlassClassification => $"{name}: label {i} is {t}; class indices are whole numbers in [0, {spec.Outputs}).",
                    _ => $"{name}: target {i / TargetWidth} is {t}; regression targets must be finite.",
                }, name);
        }
        return steps;
    }
}
