using System.Globalization;
using System.Text;

namespace Lstm.Training.Tests.Fixtures;

/// <summary>
/// One artefact's recorded logits (or ML.NET scores) and probabilities, as float32 bit patterns, <see cref="Outputs"/>
/// per text, row-major: one for a binary model, one per class (in the order of <see cref="Classes"/>) for a multi-class one.
/// </summary>
/// <param name="Key">The artefact's name in expected.json.</param>
/// <param name="Source">The expected.json it comes from, for messages.</param>
/// <param name="BitExact">True when the writer recorded it as a C# path, which gives the same bits on every machine.</param>
/// <param name="Outputs">Values per text.</param>
/// <param name="Classes">The class names of a multi-class artefact; null otherwise.</param>
/// <param name="LogitBits">The raw outputs; null when the artefact records none (the multi-class zip's Score is its probabilities).</param>
/// <param name="ProbabilityBits">The probabilities.</param>
internal sealed record ExpectedPredictions(string Key, string Source, bool BitExact, int Outputs, IReadOnlyList<string>? Classes, int[]? LogitBits, int[] ProbabilityBits)
{
    /// <summary>The recorded probability of output <paramref name="output"/> for text <paramref name="text"/>.</summary>
    public float Probability(int text, int output = 0) => BitConverter.Int32BitsToSingle(ProbabilityBits[(text * Outputs) + output]);

    /// <summary>The index of text <paramref name="text"/>'s most probable class (the first of equal ones).</summary>
    public int PredictedClass(int text)
    {
        int best = 0;
        for (int k = 1; k < Outputs; k++)
            if (Probability(text, k) > Probability(text, best)) best = k;
        return best;
    }

    /// <summary>
    /// Asserts that <paramref name="logits"/> and <paramref name="probabilities"/> (row-major, <see cref="Outputs"/> per
    /// text) are the recorded values: the same bits, or within <paramref name="probabilityTolerance"/> (and 4× that for
    /// the logit, as σ' ≤ 1/4 and softmax's derivatives are at most 1/4 too) when the caller says the path is not
    /// bit-stable across machines. <paramref name="logits"/> is null for a path that gives none (ML.NET's multi-class
    /// Score is the probabilities); logits given must be recorded. Every value that differs is listed.
    /// </summary>
    public void AssertMatches(IReadOnlyList<string> texts, IReadOnlyList<float>? logits, IReadOnlyList<float> probabilities, float? probabilityTolerance = null)
    {
        Assert.True(logits is null || LogitBits is not null, $"{Key}: expected.json records no logits to compare with.");
        Assert.Equal(texts.Count * Outputs, probabilities.Count);
        if (logits is not null) Assert.Equal(texts.Count * Outputs, logits.Count);
        var failures = new StringBuilder();
        for (int i = 0; i < texts.Count * Outputs; i++)
        {
            float expectedProbability = BitConverter.Int32BitsToSingle(ProbabilityBits[i]);
            bool same = Same(probabilities[i], ProbabilityBits[i], probabilityTolerance);
            string logitText = "";
            if (logits is not null)
            {
                same &= Same(logits[i], LogitBits![i], 4 * probabilityTolerance);
                logitText = $"logit {logits[i]:R} (bits {Bits(logits[i])}), expected {BitConverter.Int32BitsToSingle(LogitBits[i]):R} ({LogitBits[i]}); ";
            }
            if (!same)
            {
                string text = texts[i / Outputs].Length > 40 ? texts[i / Outputs][..40] + "…" : texts[i / Outputs];
                string output = Outputs > 1 ? $" output {i % Outputs}{(Classes is { } names ? $" ({names[i % Outputs]})" : "")}" : "";
                failures.AppendLine(CultureInfo.InvariantCulture,
                    $"  text {i / Outputs} \"{text.ReplaceLineEndings(" ")}\"{output}: {logitText}"
                    + $"probability {probabilities[i]:R} ({Bits(probabilities[i])}), expected {expectedProbability:R} ({ProbabilityBits[i]})");
            }
        }
        string how = probabilityTolerance is { } t ? $"within {t:R}" : "bit for bit";
        Assert.True(failures.Length == 0, $"{Key}: the predictions differ from {Source} ({how}):\n{failures}");
    }

    private static bool Same(float actual, int expectedBits, float? tolerance) => tolerance is { } t
        ? Math.Abs(actual - BitConverter.Int32BitsToSingle(expectedBits)) <= t
        : Bits(actual) == expectedBits;

    private static int Bits(float value) => BitConverter.SingleToInt32Bits(value);
}
