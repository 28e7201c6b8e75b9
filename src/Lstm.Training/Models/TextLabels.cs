using System.Globalization;
using Lstm.Training.Training;

namespace Lstm.Training.Models;

/// <summary>
/// The labels of a set of texts in the form the head trains on: binary labels, class indices with their names
/// (multi-class), or one or more values per text (regression). <see cref="FromStrings"/> reads them from text and
/// infers the task when it is not given.
/// </summary>
public sealed class TextLabels
{
    private readonly float[] _targets;

    private TextLabels(TaskKind task, float[] targets, int width, IReadOnlyList<string>? classNames)
    {
        Task = task;
        _targets = targets;
        Width = width;
        ClassNames = classNames;
    }

    /// <summary>The head's task.</summary>
    public TaskKind Task { get; }

    /// <summary>Targets per text: 1, or the number of regression outputs.</summary>
    public int Width { get; }

    /// <summary>Class names in index order (multi-class); null otherwise.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>Number of texts labelled.</summary>
    public int Count => _targets.Length / Width;

    /// <summary>Outputs the head needs: 1 (binary), the classes, or <see cref="Width"/>.</summary>
    public int Outputs => Task switch
    {
        TaskKind.MulticlassClassification => ClassNames!.Count,
        TaskKind.Regression => Width,
        _ => 1,
    };

    /// <summary>Binary labels (true = positive).</summary>
    public static TextLabels Binary(IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new TextLabels(TaskKind.BinaryClassification, [.. labels.Select(l => l ? 1f : 0f)], 1, null);
    }

    /// <summary>Class labels by name; the classes are <paramref name="classNames"/> when given, else the distinct labels (numbers in numeric order, otherwise ordinal).</summary>
    /// <exception cref="ArgumentException">A label is not one of <paramref name="classNames"/>, or there are fewer than 2 classes.</exception>
    public static TextLabels Classes(IReadOnlyList<string> labels, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var names = classNames ?? OrderClasses(labels.Distinct(StringComparer.Ordinal));
        if (names.Count < 2) throw new ArgumentException($"A multi-class label needs at least 2 classes; found {names.Count} ({string.Join(", ", names)}).", nameof(labels));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++) index[names[i]] = i;
        var targets = new float[labels.Count];
        for (int i = 0; i < labels.Count; i++)
            targets[i] = index.TryGetValue(labels[i], out int k) ? k : throw new ArgumentException($"Label {i}, '{labels[i]}', is not one of the model's classes ({string.Join(", ", names)}).", nameof(labels));
        return new TextLabels(TaskKind.MulticlassClassification, targets, 1, [.. names]);
    }

    /// <summary>Regression values, <paramref name="width"/> per text, row-major.</summary>
    public static TextLabels Values(float[] values, int width = 1)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (width < 1 || values.Length % width != 0) throw new ArgumentException($"{values.Length} values do not split into rows of {width}.", nameof(values));
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i])) throw new ArgumentException($"Value {i} is {values[i]}; regression targets must be finite.", nameof(values));
        return new TextLabels(TaskKind.Regression, values, width, null);
    }

    /// <summary>
    /// Labels read from text (a file's label column). With <paramref name="task"/> null the task is inferred:
    /// binary when every label is a sentiment label (1/0, true/false, pos/neg, positive/negative) of both kinds or two numbers 0 and 1,
    /// regression when some number is not whole, multi-class otherwise (whole numbers or names). <paramref name="reason"/> says why.
    /// </summary>
    /// <exception cref="ArgumentException">A label does not fit the task.</exception>
    public static TextLabels FromStrings(IReadOnlyList<string> labels, TaskKind? task, out string reason, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var trimmed = labels.Select(l => l.Trim()).ToArray();
        var distinct = trimmed.Distinct(StringComparer.Ordinal).ToArray();
        bool numeric = trimmed.All(l => float.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && float.IsFinite(v));
        bool whole = numeric && trimmed.All(l => float.Parse(l, CultureInfo.InvariantCulture) is var v && v == MathF.Floor(v));
        bool sentiment = trimmed.All(l => Data.SentimentLabel.TryParse(l, out _));
        if (task is null)
        {
            (task, reason) = sentiment && (!numeric || distinct.Length <= 2)
                ? (TaskKind.BinaryClassification, $"binary: the labels are {string.Join(" and ", distinct.Take(4))}")
                : numeric && !whole
                    ? (TaskKind.Regression, "regression: the labels are numbers that are not all whole")
                    : (TaskKind.MulticlassClassification, $"multi-class: {distinct.Length} distinct labels ({string.Join(", ", OrderClasses(distinct).Take(12))}{(distinct.Length > 12 ? ", ..." : "")})");
        }
        else reason = $"{Describe(task.Value)} (as asked)";
        switch (task)
        {
            case TaskKind.BinaryClassification:
                {
                    var parsed = new bool[trimmed.Length];
                    for (int i = 0; i < trimmed.Length; i++)
                        if (!Data.SentimentLabel.TryParse(trimmed[i], out parsed[i]))
                            throw new ArgumentException($"Label {i}, '{trimmed[i]}', is not a binary label ({Data.SentimentLabel.Accepted}).", nameof(labels));
                    return Binary(parsed);
                }
            case TaskKind.MulticlassClassification:
                return Classes(trimmed, classNames);
            default:
                {
                    var values = new float[trimmed.Length];
                    for (int i = 0; i < trimmed.Length; i++)
                        if (!float.TryParse(trimmed[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !float.IsFinite(values[i]))
                            throw new ArgumentException($"Label {i}, '{trimmed[i]}', is not a number, which a regression target must be.", nameof(labels));
                    return Values(values);
                }
        }
    }

    /// <summary>"binary", "multi-class" or "regression".</summary>
    public static string Describe(TaskKind task) => task switch
    {
        TaskKind.BinaryClassification => "binary",
        TaskKind.MulticlassClassification => "multi-class",
        _ => "regression",
    };

    /// <summary>Numbers in numeric order when every name is one; otherwise ordinal order.</summary>
    public static IReadOnlyList<string> OrderClasses(IEnumerable<string> names)
    {
        var list = names.ToList();
        if (list.All(n => double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            return [.. list.OrderBy(n => double.Parse(n, CultureInfo.InvariantCulture)).ThenBy(n => n, StringComparer.Ordinal)];
        return [.. list.Order(StringComparer.Ordinal)];
    }

    /// <summary>The labels of <paramref name="rows"/>, in that order (same task, width and class names).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A row is outside [0, <see cref="Count"/>).</exception>
    public TextLabels Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var targets = new float[rows.Count * Width];
        for (int i = 0; i < rows.Count; i++)
        {
            int row = rows[i];
            if ((uint)row >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(rows), row, $"Row {row} is outside the {Count} labels.");
            Array.Copy(_targets, row * Width, targets, i * Width, Width);
        }
        return new TextLabels(Task, targets, Width, ClassNames);
    }

    /// <summary>
    /// The stratum of each row for a stratified split: the label (binary), the class (multi-class), or for regression the
    /// decile of the first target by rank, so that each part covers the range of values.
    /// </summary>
    public int[] Strata()
    {
        var strata = new int[Count];
        if (Task != TaskKind.Regression)
        {
            for (int i = 0; i < strata.Length; i++) strata[i] = (int)_targets[i * Width];
            return strata;
        }
        int[] order = [.. Enumerable.Range(0, Count).OrderBy(i => _targets[i * Width]).ThenBy(i => i)];
        for (int rank = 0; rank < order.Length; rank++) strata[order[rank]] = (int)((long)rank * 10 / order.Length);
        return strata;
    }

    /// <summary>The padded <paramref name="sequences"/> with these labels as a training set.</summary>
    public SequenceDataset ToDataset(IReadOnlyList<int[]> sequences, IReadOnlyList<float>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        return Task switch
        {
            TaskKind.BinaryClassification => new SequenceDataset(sequences, [.. _targets.Select(t => t > 0.5f)], weights),
            TaskKind.MulticlassClassification => SequenceDataset.ForClasses(sequences, [.. _targets.Select(t => (int)t)], weights),
            _ => SequenceDataset.ForValues(sequences, _targets, Width, weights),
        };
    }
}
