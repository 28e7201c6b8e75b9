using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lstm.Cli.Predictions;

/// <summary>Writes <c>lstm predict</c>'s results in a <see cref="PredictionFormat"/>.</summary>
internal static class PredictionWriter
{
    /// <summary>Characters of a review shown in a <see cref="PredictionFormat.Table"/> line.</summary>
    public const int PreviewLength = 60;

    /// <summary>The header of the table: <c>P(positive)  label     text</c>.</summary>
    public const string TableHeader = "P(positive)  label     text";

    /// <summary>The header row of the TSV output; <c>unknown_share</c> is the share of the text's tokens outside the vocabulary.</summary>
    public const string TsvHeader = "probability\tlabel\ttext\tunknown_share";

    private static readonly JsonWriterOptions Json = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="predictions"/> to <paramref name="output"/> as <paramref name="format"/> says.</summary>
    public static void Write(TextWriter output, IReadOnlyList<Prediction> predictions, PredictionFormat format)
    {
        if (predictions.Count > 0 && predictions[0].Values is { } first)
        {
            WriteValues(output, predictions, format, first.Length);
            return;
        }
        bool classes = predictions.Any(p => p.Label is not ("positive" or "negative"));
        switch (format)
        {
            case PredictionFormat.Tsv:
                output.WriteLine(TsvHeader);
                foreach (var p in predictions)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Probability:R}\t{p.Label}\t{OneLine(p.Text)}\t{p.UnknownShare:R}"));
                break;
            case PredictionFormat.Json:
                output.WriteLine(ToJson(predictions));
                break;
            default:
                output.WriteLine(classes ? ClassTableHeader(predictions) : TableHeader);
                foreach (var p in predictions)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Probability,-11:0.0000}  {p.Label}  \"{Preview(p.Text)}\""));
                break;
        }
    }

    /// <summary>The table header of a multi-class model: <c>P(label)    label     text</c>, the label column as wide as the widest class.</summary>
    private static string ClassTableHeader(IReadOnlyList<Prediction> predictions) => "P(label)     label  text";

    // Regression: one value per output; the table and TSV name them value (or value_1, value_2, ...), JSON gives "values".
    private static void WriteValues(TextWriter output, IReadOnlyList<Prediction> predictions, PredictionFormat format, int width)
    {
        string[] names = width == 1 ? ["value"] : [.. Enumerable.Range(1, width).Select(i => $"value_{i}")];
        switch (format)
        {
            case PredictionFormat.Json:
                using (var buffer = new MemoryStream())
                {
                    using (var writer = new Utf8JsonWriter(buffer, Json))
                    {
                        writer.WriteStartArray();
                        foreach (var p in predictions)
                        {
                            writer.WriteStartObject();
                            writer.WriteString("text", p.Text);
                            writer.WriteStartArray("values");
                            foreach (float v in p.Values!) writer.WriteNumberValue(v);
                            writer.WriteEndArray();
                            writer.WriteNumber("unknownShare", p.UnknownShare);
                            writer.WriteEndObject();
                        }
                        writer.WriteEndArray();
                    }
                    output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }
                break;
            case PredictionFormat.Tsv:
                output.WriteLine(string.Join('\t', names) + "\ttext\tunknown_share");
                foreach (var p in predictions)
                    output.WriteLine(string.Join('\t', p.Values!.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\t" + OneLine(p.Text) + "\t" + p.UnknownShare.ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                output.WriteLine(string.Join("  ", names.Select(n => n.PadRight(10))) + "  text");
                foreach (var p in predictions)
                    output.WriteLine(string.Join("  ", p.Values!.Select(v => v.ToString("0.0000", CultureInfo.InvariantCulture).PadRight(10))) + $"  \"{Preview(p.Text)}\"");
                break;
        }
    }

    /// <summary>The JSON array: <c>[{"text": "…", "probability": 0.88, "label": "positive", "unknownShare": 0.0}, …]</c>.</summary>
    public static string ToJson(IReadOnlyList<Prediction> predictions)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Json))
        {
            writer.WriteStartArray();
            foreach (var p in predictions)
            {
                writer.WriteStartObject();
                writer.WriteString("text", p.Text);
                writer.WriteNumber("probability", p.Probability);
                writer.WriteString("label", p.Label);
                writer.WriteNumber("unknownShare", p.UnknownShare);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The review on one line, at most <see cref="PreviewLength"/> characters, cut with "…"; quotes escaped.</summary>
    public static string Preview(string text)
    {
        string line = OneLine(text).Replace("\"", "\\\"", StringComparison.Ordinal);
        return line.Length <= PreviewLength ? line : line[..(PreviewLength - 1)].TrimEnd() + "…";
    }

    // Runs of whitespace (tabs, line breaks) become one space, so that a review stays in its line and TSV field.
    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
