using Lstm.Training.Models;

namespace Lstm.Training.Training;

/// <summary>
/// Padded id sequences (all of one length, e.g. from <c>PadSequences</c>), their targets and optional example weights:
/// binary labels, class indices (multi-class) or one or more values per sequence (regression).
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

    /// <summary>Padded id sequences.</summary>
    public IReadOnlyList<int[]> Sequences { get; }

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
    public int Count => Sequences.Count;

    /// <summary>Targets of example <paramref name="index"/>: 0/1, the class index, or the values.</summary>
    public ReadOnlySpan<float> TargetRow(int index) => _targets.AsSpan(index * TargetWidth, TargetWidth);

    /// <summary>Weight of example <paramref name="index"/> (1 without weights).</summary>
    public float Weight(int index) => Weights is null ? 1f : Weights[index];

    internal int Validate(int vocabularySize, string name)
    {
        if (_targets.Length != (long)Sequences.Count * TargetWidth)
            throw new ArgumentException($"{name}: {Sequences.Count} sequences but {_targets.Length / TargetWidth} labels.", name);
        if (Sequences.Count == 0) throw new ArgumentException($"{name} is empty.", name);
        if (Weights is not null)
        {
            if (Weights.Count != Sequences.Count) throw new ArgumentException($"{name}: {Sequences.Count} sequences but {Weights.Count} weights.", name);
            for (int i = 0; i < Weights.Count; i++)
                if (!(Weights[i] >= 0) || float.IsInfinity(Weights[i])) throw new ArgumentException($"{name}: weight {i} is {Weights[i]}; weights must be finite and not negative.", name);
        }
        return SequenceChecks.Validate(Sequences, vocabularySize, name);
    }

    /// <summary>Checks that the targets fit <paramref name="spec"/>'s head; returns the sequence length.</summary>
    internal int Validate(NetworkSpec spec, string name)
    {
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
