namespace Lstm.Training.Evaluation;

/// <summary>Counts of (actual class, predicted class) pairs; rows are the actual class, columns the predicted one.</summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;

    /// <summary>An empty matrix of <paramref name="classes"/> × <paramref name="classes"/>.</summary>
    public ConfusionMatrix(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        _counts = new long[classes, classes];
    }

    /// <summary>
    /// The matrix of a classifier's raw outputs ([rows, <paramref name="classes"/>]; the prediction is the first largest
    /// output, as the accuracy counts it) against the actual classes <paramref name="labels"/>.
    /// </summary>
    public static ConfusionMatrix FromArgMax(ReadOnlySpan<float> outputs, IReadOnlyList<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (outputs.Length != labels.Count * classes) throw new ArgumentException($"{outputs.Length} outputs for {labels.Count} labels of {classes} classes.", nameof(outputs));
        var matrix = new ConfusionMatrix(classes);
        for (int i = 0; i < labels.Count; i++) matrix.Add(labels[i], Losses.SoftmaxCrossEntropy.ArgMax(outputs.Slice(i * classes, classes)));
        return matrix;
    }

    /// <summary>Number of classes.</summary>
    public int Classes => _counts.GetLength(0);

    /// <summary>Examples counted.</summary>
    public long Total { get; private set; }

    /// <summary>Examples of class <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => _counts[actual, predicted];

    /// <summary>Counts one example.</summary>
    public void Add(int actual, int predicted)
    {
        if ((uint)actual >= (uint)Classes) throw new ArgumentOutOfRangeException(nameof(actual), actual, $"Expected a class 0-{Classes - 1}.");
        if ((uint)predicted >= (uint)Classes) throw new ArgumentOutOfRangeException(nameof(predicted), predicted, $"Expected a class 0-{Classes - 1}.");
        _counts[actual, predicted]++;
        Total++;
    }

    /// <summary>Examples whose actual class is <paramref name="actual"/> (a row sum).</summary>
    public long Actual(int actual)
    {
        long sum = 0;
        for (int j = 0; j < Classes; j++) sum += _counts[actual, j];
        return sum;
    }

    /// <summary>Examples predicted as <paramref name="predicted"/> (a column sum).</summary>
    public long Predicted(int predicted)
    {
        long sum = 0;
        for (int i = 0; i < Classes; i++) sum += _counts[i, predicted];
        return sum;
    }

    /// <summary>Share of examples on the diagonal (ML.NET's MicroAccuracy); NaN when empty.</summary>
    public double Accuracy
    {
        get
        {
            long correct = 0;
            for (int i = 0; i < Classes; i++) correct += _counts[i, i];
            return Total == 0 ? double.NaN : (double)correct / Total;
        }
    }

    /// <summary>
    /// ML.NET's MacroAccuracy: the mean over classes of the share of that class's examples predicted right (its
    /// recall), over the classes that have examples (classes absent from the data are left out); NaN when empty.
    /// </summary>
    public double MacroAccuracy
    {
        get
        {
            double sum = 0;
            int present = 0;
            for (int c = 0; c < Classes; c++)
            {
                long n = Actual(c);
                if (n == 0) continue;
                sum += (double)_counts[c, c] / n;
                present++;
            }
            return present == 0 ? double.NaN : sum / present;
        }
    }

    /// <summary>Of the examples predicted <paramref name="c"/>, the share that are <paramref name="c"/>; NaN when none is.</summary>
    public double Precision(int c) => Predicted(c) is var p and > 0 ? (double)_counts[c, c] / p : double.NaN;

    /// <summary>Of the examples of class <paramref name="c"/>, the share predicted <paramref name="c"/>; NaN when there are none.</summary>
    public double Recall(int c) => Actual(c) is var a and > 0 ? (double)_counts[c, c] / a : double.NaN;

    /// <summary>Harmonic mean of <see cref="Precision"/> and <see cref="Recall"/> of class <paramref name="c"/> (2TP / (2TP + FP + FN)); NaN when both are undefined, 0 when TP is 0.</summary>
    public double F1(int c)
    {
        long tp = _counts[c, c];
        long denominator = Actual(c) + Predicted(c);
        return denominator == 0 ? double.NaN : 2.0 * tp / denominator;
    }

    /// <summary>The counts as rows (actual) of columns (predicted).</summary>
    public long[][] ToRows() =>
        [.. Enumerable.Range(0, Classes).Select(i => Enumerable.Range(0, Classes).Select(j => _counts[i, j]).ToArray())];
}
