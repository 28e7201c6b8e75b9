using System.Globalization;
using System.Text;
using Lstm.Training.Explanations;

namespace Lstm.Cli.Explain;

/// <summary>
/// <c>lstm explain</c>'s report on standard output, per text: the prediction, the tokens (on a terminal with an ANSI
/// background from red to green by attribution; redirected, as <c>token(+0.123)</c>), the completeness line and the
/// tokens that moved the output most, with their occlusion scores beside.
/// </summary>
internal static class ExplanationConsoleWriter
{
    /// <summary>Tokens listed as the most positive and most negative.</summary>
    public const int TopCount = 5;

    /// <summary>Writes the report of <paramref name="texts"/>; <paramref name="colour"/> for a terminal, lines at most <paramref name="width"/> wide.</summary>
    public static void Write(TextWriter output, IReadOnlyList<ExplainedText> texts, bool colour, int width)
    {
        for (int i = 0; i < texts.Count; i++)
        {
            if (i > 0) output.WriteLine();
            WriteText(output, i + 1, texts[i], colour, Math.Max(40, width));
        }
    }

    private static void WriteText(TextWriter output, int number, ExplainedText text, bool colour, int width)
    {
        var explanation = text.Explanation;
        var integrated = explanation.Integrated;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Text {number}: {PredictionLine(text)}; explaining the {text.OutputName}, f(x) = {integrated.Score:F4}"));
        WriteTokens(output, explanation, colour, width);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  completeness: sum of attributions {TokenShading.Signed(integrated.Sum)}, f(x) - f(baseline) {TokenShading.Signed(integrated.Difference)} (f(baseline) = {integrated.BaselineScore:F4}), relative error {integrated.RelativeError:0.0E+0}"));
        if (explanation.Start is { } start)
            output.WriteLine($"  start id: {TokenShading.Signed(start.Attribution)}; padding steps: {TokenShading.Signed(explanation.Padding)}");
        var ranked = explanation.Tokens.OrderByDescending(t => t.Attribution).ToList();
        WriteTop(output, "most positive", ranked.Where(t => t.Attribution > 0).Take(TopCount));
        WriteTop(output, "most negative", ranked.AsEnumerable().Reverse().Where(t => t.Attribution < 0).Take(TopCount));
    }

    private static string PredictionLine(ExplainedText text)
    {
        var p = text.Prediction;
        if (p.Values is { } values) return "predicted " + string.Join(", ", values.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture, $"{p.Label} ({(p.Label is "positive" or "negative" ? "P(positive)" : "probability")} {p.Probability:F4})");
    }

    private static void WriteTokens(TextWriter output, TextExplanation explanation, bool colour, int width)
    {
        double largest = explanation.Tokens.Count == 0 ? 0 : explanation.Tokens.Max(t => Math.Abs(t.Attribution));
        var line = new StringBuilder("  ");
        int visible = 2;
        foreach (var token in explanation.Tokens)
        {
            string shown = colour ? Printable(token.Token) : $"{Printable(token.Token)}({TokenShading.Signed(token.Attribution)})";
            if (visible + shown.Length + 1 > width && visible > 2)
            {
                output.WriteLine(line.ToString().TrimEnd());
                line.Clear().Append("  ");
                visible = 2;
            }
            if (colour)
            {
                var (r, g, b) = TokenShading.Background(token.Attribution, largest);
                line.Append(CultureInfo.InvariantCulture, $"\u001b[48;2;{r};{g};{b}m\u001b[38;2;0;0;0m{shown}\u001b[0m ");
            }
            else line.Append(shown).Append(' ');
            visible += shown.Length + 1;
        }
        if (visible > 2) output.WriteLine(line.ToString().TrimEnd());
    }

    private static void WriteTop(TextWriter output, string heading, IEnumerable<TokenAttribution> tokens)
    {
        var parts = tokens.Select(t => $"{Printable(t.Token)} {TokenShading.Signed(t.Attribution)} (occlusion {TokenShading.Signed(t.Occlusion)})").ToList();
        output.WriteLine($"  {heading}: {(parts.Count == 0 ? "none" : string.Join(", ", parts))}");
    }

    // Subword pieces may begin with a space or hold control characters; neither may move the terminal's cursor.
    private static string Printable(string token)
    {
        var builder = new StringBuilder(token.Length);
        foreach (char c in token) builder.Append(char.IsControl(c) ? '?' : c == ' ' ? '\u2581' : c);
        return builder.ToString();
    }
}
