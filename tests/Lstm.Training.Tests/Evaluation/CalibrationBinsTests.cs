using Lstm.Training.Evaluation;

namespace Lstm.Training.Tests.Evaluation;

public class CalibrationBinsTests
{
    [Fact]
    public void Expected_calibration_error_of_a_hand_computed_example()
    {
        // Bin [0, 0.1): 0.05 (negative): mean 0.05, rate 0, gap 0.05.
        // Bin [0.1, 0.2): 0.15 (positive), 0.12 (negative): mean 0.135, rate 0.5, gap 0.365.
        // Bin [0.9, 1]: 0.95, 0.99 (positive), 1.0 (negative): mean 0.98, rate 2/3, gap 0.98 - 2/3.
        // ECE = (1 × 0.05 + 2 × 0.365 + 3 × (0.98 - 2/3)) / 6 = 1.72 / 6.
        var bins = CalibrationBins.FromProbabilities([0.05, 0.15, 0.12, 0.95, 0.99, 1.0], [false, true, false, true, true, false]);
        Assert.Equal(1.72 / 6, bins.ExpectedCalibrationError, 12);
        Assert.Equal(10, bins.Bins.Count);
        Assert.Equal([1, 2, 0, 0, 0, 0, 0, 0, 0, 3], bins.Bins.Select(b => b.Count));
        Assert.Equal(0.135, bins.Bins[1].MeanPredicted, 12);
        Assert.Equal(0.5, bins.Bins[1].ObservedRate, 12);
        Assert.Equal(0.98, bins.Bins[9].MeanPredicted, 12);
        Assert.True(double.IsNaN(bins.Bins[5].MeanPredicted));
        Assert.Equal((0.9, 1.0), (bins.Bins[9].Lower, bins.Bins[9].Upper));
        Assert.Equal(6, bins.Count);
    }

    [Fact]
    public void Perfectly_calibrated_bins_have_no_error_and_bad_input_is_refused()
    {
        // 0.25 four times, one positive; 0.75 four times, three positive.
        var bins = CalibrationBins.FromProbabilities([0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75], [true, false, false, false, true, true, true, false]);
        Assert.Equal(0, bins.ExpectedCalibrationError, 12);
        Assert.Equal(2, CalibrationBins.FromProbabilities([0.0, 0.49, 0.5, 1.0], [false, false, true, true], binCount: 2).Bins[1].Count);
        Assert.Throws<ArgumentException>(() => CalibrationBins.FromProbabilities([1.5], [true]));
        Assert.Throws<ArgumentException>(() => CalibrationBins.FromProbabilities([double.NaN], [true]));
        Assert.Throws<ArgumentException>(() => CalibrationBins.FromProbabilities([0.5], [true, false]));
        Assert.True(double.IsNaN(CalibrationBins.FromProbabilities([], []).ExpectedCalibrationError));
    }
}
