namespace Lstm.Training.Evaluation;

/// <summary>One bin of a reliability diagram.</summary>
/// <param name="Lower">The bin's lower edge (included).</param>
/// <param name="Upper">The bin's upper edge (excluded, except 1 in the last bin).</param>
/// <param name="Count">Predictions in the bin.</param>
/// <param name="MeanPredicted">Mean predicted probability of the positive class in the bin; NaN when empty.</param>
/// <param name="ObservedRate">Share of the bin's examples that are positive; NaN when empty.</param>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);

/// <summary>
/// Calibration of predicted probabilities of the positive class: equal-width bins over [0, 1] (10 by default) and the
/// expected calibration error.
/// </summary>
/// <remarks>
/// Bin b of B holds the probabilities p with b/B ≤ p &lt; (b+1)/B (p = 1 in the last bin). The expected calibration
/// error is ECE = Σ_b (n_b / N) · |ō_b − p̄_b|, where n_b is the bin's count, p̄_b its mean predicted probability and ō_b
/// the share of its examples that are positive; empty bins add nothing. This is the reliability diagram's ECE of the
/// positive-class probability (as sklearn's <c>calibration_curve</c> bins it), not the top-label-confidence ECE of Guo
/// et al. (2017), which bins max(p, 1 − p) against accuracy; for a binary model the two generally differ.
/// </remarks>
public sealed class CalibrationBins
{
    /// <summary>The usual number of bins.</summary>
    public const int DefaultBinCount = 10;

    private CalibrationBins(IReadOnlyList<CalibrationBin> bins, double ece, int count)
    {
        Bins = bins;
        ExpectedCalibrationError = ece;
        Count = count;
    }

    /// <summary>The bins, lowest first.</summary>
    public IReadOnlyList<CalibrationBin> Bins { get; }

    /// <summary>The count-weighted mean of |observed rate − mean predicted| over the bins; NaN without examples.</summary>
    public double ExpectedCalibrationError { get; }

    /// <summary>Examples binned.</summary>
    public int Count { get; }

    /// <summary>Bins the probabilities <paramref name="probabilities"/> (each in [0, 1]) of examples labelled <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or a probability is NaN or outside [0, 1].</exception>
    public static CalibrationBins FromProbabilities(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int binCount = DefaultBinCount)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        if (probabilities.Count != labels.Count) throw new ArgumentException($"{probabilities.Count} probabilities but {labels.Count} labels.", nameof(labels));
        var counts = new int[binCount];
        var sums = new double[binCount];
        var positives = new int[binCount];
        for (int i = 0; i < probabilities.Count; i++)
        {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"Probability {i} is {p}, not in [0, 1].", nameof(probabilities));
            int b = Math.Min((int)(p * binCount), binCount - 1);
            counts[b]++;
            sums[b] += p;
            if (labels[i]) positives[b]++;
        }
        int n = probabilities.Count;
        double ece = 0;
        var bins = new CalibrationBin[binCount];
        for (int b = 0; b < binCount; b++)
        {
            double mean = counts[b] > 0 ? sums[b] / counts[b] : double.NaN;
            double rate = counts[b] > 0 ? (double)positives[b] / counts[b] : double.NaN;
            if (counts[b] > 0) ece += (double)counts[b] / n * Math.Abs(rate - mean);
            bins[b] = new CalibrationBin((double)b / binCount, (double)(b + 1) / binCount, counts[b], mean, rate);
        }
        return new CalibrationBins(bins, n == 0 ? double.NaN : ece, n);
    }
}
