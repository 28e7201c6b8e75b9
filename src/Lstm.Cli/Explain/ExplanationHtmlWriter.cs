using System.Globalization;
using System.Net;
using System.Text;
using Lstm.Training;

namespace Lstm.Cli.Explain;

/// <summary>
/// <c>lstm explain --html FILE</c>: one self-contained page (inline CSS, no scripts) with every text's tokens shaded
/// by attribution, each token one <c>&lt;span class="tok"&gt;</c> whose tooltip holds its attribution and occlusion score.
/// </summary>
internal static class ExplanationHtmlWriter
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; line-height: 1.9; color: #222; }
        section { border-top: 1px solid #ccc; padding: 0.5em 0 1em; }
        .tok { padding: 0.1em 0.15em; border-radius: 0.2em; }
        .meta { color: #555; font-size: 0.9em; line-height: 1.4; }
        """;

    /// <summary>Writes the page to <paramref name="path"/> atomically (temp file, then move).</summary>
    public static void Write(string path, string model, IReadOnlyList<ExplainedText> texts)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>lstm explain</title>\n<style>\n")
            .Append(Style).Append("</style>\n</head>\n<body>\n<h1>lstm explain</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Model {Encode(model)}. Integrated gradients: green tokens pushed the explained output up, red ones down; hover a token for its attribution and occlusion score.</p>\n");
        for (int i = 0; i < texts.Count; i++) AppendText(html, i + 1, texts[i]);
        html.Append("</body>\n</html>\n");
        AtomicFile.WriteAllText(path, html.ToString());
    }

    private static void AppendText(StringBuilder html, int number, ExplainedText text)
    {
        var explanation = text.Explanation;
        var integrated = explanation.Integrated;
        var p = text.Prediction;
        string prediction = p.Values is { } values ? string.Join(", ", values.Select(v => v.ToString("F4", CultureInfo.InvariantCulture))) : string.Create(CultureInfo.InvariantCulture, $"{p.Label} ({p.Probability:F4})");
        html.Append(CultureInfo.InvariantCulture, $"<section>\n<h2>Text {number}: {Encode(prediction)}</h2>\n<p>");
        double largest = explanation.Tokens.Count == 0 ? 0 : explanation.Tokens.Max(t => Math.Abs(t.Attribution));
        foreach (var token in explanation.Tokens)
        {
            var (r, g, b) = TokenShading.Background(token.Attribution, largest);
            string tip = $"{TokenShading.Signed(token.Attribution)} (occlusion {TokenShading.Signed(token.Occlusion)})";
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"tok\" style=\"background:rgb({r},{g},{b})\" title=\"{Encode(tip)}\">{Encode(token.Token)}</span> ");
        }
        html.Append("</p>\n").Append(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">Explained: {Encode(text.OutputName)}, f(x) = {integrated.Score:F4}. Sum of attributions {TokenShading.Signed(integrated.Sum)}; f(x) − f(baseline) {TokenShading.Signed(integrated.Difference)}; relative error {integrated.RelativeError:0.0E+0}; start id {TokenShading.Signed(explanation.Start?.Attribution ?? 0)}.</p>\n</section>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
