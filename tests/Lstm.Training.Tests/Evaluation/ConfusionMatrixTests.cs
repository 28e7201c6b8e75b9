using Lstm.Training.Evaluation;

namespace Lstm.Training.Tests.Evaluation;

public class ConfusionMatrixTests
{
    [Fact]
    public void Arg_max_counts_macro_accuracy_and_per_class_figures()
    {
        // Three classes; rows of outputs, prediction = first largest.
        float[] outputs =
        [
            3, 1, 0, // → 0
            0, 2, 1, // → 1
            1, 1, 0, // → 0 (tie: the first)
            0, 0, 5, // → 2
            0, 4, 1, // → 1
            2, 0, 1, // → 0
        ];
        int[] actual = [0, 1, 1, 2, 2, 0];
        var m = ConfusionMatrix.FromArgMax(outputs, actual, 3);
        Assert.Equal([[2L, 0, 0], [1, 1, 0], [0, 1, 1]], m.ToRows());
        Assert.Equal(6, m.Total);
        Assert.Equal(4.0 / 6, m.Accuracy, 12);
        // Per-class recalls 2/2, 1/2, 1/2.
        Assert.Equal((1 + 0.5 + 0.5) / 3, m.MacroAccuracy, 12);
        Assert.Equal(2.0 / 3, m.Precision(0), 12);
        Assert.Equal(0.5, m.Recall(2), 12);
        Assert.Equal(2.0 * 1 / (2 + 2), m.F1(1), 12);
    }

    [Fact]
    public void Macro_accuracy_leaves_out_classes_without_examples()
    {
        var m = new ConfusionMatrix(3);
        m.Add(0, 0);
        m.Add(0, 2);
        m.Add(1, 1);
        // Class 2 has no examples: mean of 1/2 and 1/1.
        Assert.Equal(0.75, m.MacroAccuracy, 12);
        Assert.True(double.IsNaN(m.Recall(2)));
        Assert.Equal(0.0, m.Precision(2));
        Assert.Equal(0.0, m.F1(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Add(3, 0));
        Assert.True(double.IsNaN(new ConfusionMatrix(2).MacroAccuracy));
    }
}
