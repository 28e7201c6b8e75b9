using Lstm.Training;
using Lstm.Training.Data;
using Lstm.Training.Training;

namespace Lstm.Cli.Data;

/// <summary>
/// Holds out a deterministic, class-stratified fraction of labelled texts for validation (what
/// <c>--validation-split</c> does for a user's file): each class is shuffled with the seed and the first
/// round(fraction × class size) of it are held out. Both parts keep the file's order.
/// </summary>
internal static class ValidationSplit
{
    /// <summary>Splits <paramref name="texts"/>; a fraction of 0 gives an empty validation part.</summary>
    /// <exception cref="ArgumentException">The fraction is outside [0, 1), or nothing would be left to train on.</exception>
    public static (IReadOnlyList<LabelledText> Train, IReadOnlyList<LabelledText> Validation) Split(
        IReadOnlyList<LabelledText> texts, double fraction, ulong seed)
    {
        if (fraction is < 0 or >= 1 || double.IsNaN(fraction))
            throw new ArgumentException($"--validation-split must be in [0, 1), got {fraction}.");
        var heldOut = new bool[texts.Count];
        var random = new SeededRandom(seed);
        foreach (bool label in (bool[])[false, true])
        {
            int[] indices = [.. Enumerable.Range(0, texts.Count).Where(i => texts[i].Label == label)];
            random.Shuffle(indices);
            int take = (int)Math.Round(fraction * indices.Length, MidpointRounding.AwayFromZero);
            foreach (int i in indices.AsSpan(0, take)) heldOut[i] = true;
        }
        var train = new List<LabelledText>();
        var validation = new List<LabelledText>();
        for (int i = 0; i < texts.Count; i++) (heldOut[i] ? validation : train).Add(texts[i]);
        if (train.Count == 0)
            throw new ArgumentException($"--validation-split {fraction} leaves no training rows out of {texts.Count}.");
        return (train, validation);
    }
}
