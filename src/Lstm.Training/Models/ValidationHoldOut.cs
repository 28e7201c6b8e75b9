namespace Lstm.Training.Models;

/// <summary>
/// Carves a validation part out of the training data for model selection (early stopping, learning-rate schedules,
/// choosing settings), so that the test data is looked at only once, after selection: Keras's <c>validation_split</c>,
/// but stratified and seeded. Each stratum (<see cref="TextLabels.Strata"/>: the label, the class, or the decile of a
/// regression target) is shuffled with the seed and its first round(fraction × size) rows are held out; both parts keep
/// the input's order.
/// </summary>
public static class ValidationHoldOut
{
    /// <summary>Which rows of <paramref name="labels"/> are held out, in ascending order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is outside (0, 1).</exception>
    /// <exception cref="ArgumentException">Nothing would be left to train on, or nothing held out.</exception>
    public static int[] Rows(TextLabels labels, double fraction, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!(fraction is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The validation fraction must be in (0, 1).");
        int[] strata = labels.Strata();
        var heldOut = new bool[strata.Length];
        var random = new SeededRandom(seed);
        foreach (int stratum in strata.Distinct().Order())
        {
            int[] rows = [.. Enumerable.Range(0, strata.Length).Where(i => strata[i] == stratum)];
            random.Shuffle(rows);
            int take = (int)Math.Round(fraction * rows.Length, MidpointRounding.AwayFromZero);
            foreach (int i in rows.AsSpan(0, take)) heldOut[i] = true;
        }
        int[] result = [.. Enumerable.Range(0, heldOut.Length).Where(i => heldOut[i])];
        if (result.Length == 0)
            throw new ArgumentException($"A validation fraction of {fraction} of {labels.Count} rows holds out none; use a larger fraction or give validation data.", nameof(fraction));
        if (result.Length == labels.Count)
            throw new ArgumentException($"A validation fraction of {fraction} of {labels.Count} rows leaves none to train on.", nameof(fraction));
        return result;
    }

    /// <summary>Splits <paramref name="data"/> into the rows to train on and the held-out validation rows.</summary>
    /// <inheritdoc cref="Rows" path="/exception"/>
    public static (LabelledTexts Train, LabelledTexts Validation) Split(LabelledTexts data, double fraction, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] held = Rows(data.Labels, fraction, seed);
        var isHeld = new bool[data.Count];
        foreach (int i in held) isHeld[i] = true;
        int[] kept = [.. Enumerable.Range(0, data.Count).Where(i => !isHeld[i])];
        return (Subset(data, kept), Subset(data, held));
    }

    private static LabelledTexts Subset(LabelledTexts data, int[] rows) =>
        new([.. rows.Select(i => data.Texts[i])], data.Labels.Select(rows), data.Weights is null ? null : [.. rows.Select(i => data.Weights[i])]);
}
