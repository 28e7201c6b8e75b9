using System.Globalization;
using System.Text;

namespace Lstm.Training.Layers;

/// <summary>
/// Keras 2's <c>print_summary</c> for a sequential model: 65 columns, column stops at 29, 55 and 65, a field too
/// long for its column continued on the next line (broken after <c>),</c> when it can be), as Keras breaks it.
/// </summary>
internal static class ModelSummaryText
{
    /// <summary>Width of the table (Keras's <c>line_length</c>).</summary>
    public const int LineLength = 65;

    // Keras's positions [.45, .85, 1] times the line length.
    private static readonly int[] Stops = [29, 55, LineLength];
    private static readonly string[] BreakAfter = ["),", "},", "],", "',"];

    /// <summary>The lines of the table, trailing spaces trimmed.</summary>
    public static IEnumerable<string> Lines(ModelSummary summary)
    {
        yield return $"Model: \"{summary.Name}\"";
        yield return new string('_', LineLength);
        foreach (string line in Row("Layer (type)", "Output Shape", "Param #")) yield return line;
        yield return new string('=', LineLength);
        foreach (var layer in summary.Layers)
        {
            foreach (string line in Row(layer.Label, layer.OutputShapeText, layer.Parameters.ToString(CultureInfo.InvariantCulture)))
                yield return line;
        }
        yield return new string('=', LineLength);
        yield return $"Total params: {Count(summary.TotalParameters)}";
        yield return $"Trainable params: {Count(summary.TrainableParameters)}";
        yield return $"Non-trainable params: {Count(summary.NonTrainableParameters)}";
        yield return new string('_', LineLength);
    }

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Keras's <c>print_row</c>: one line, or more when a field does not fit its column.</summary>
    private static IEnumerable<string> Row(params string[] fields)
    {
        string[] left = [.. fields];
        while (left.Any(field => field.Length > 0))
        {
            var line = new StringBuilder(" ");
            for (int column = 0; column < left.Length; column++)
            {
                bool last = column == Stops.Length - 1;
                int start = column == 0 ? 0 : Stops[column - 1];
                int space = last ? 0 : 2;
                int cutoff = Stops[column] - start - space - (last ? 0 : 1);
                string fit = left[column][..Math.Min(cutoff, left[column].Length)];
                int breakAt = BreakAfter.Select(b => fit.IndexOf(b, StringComparison.Ordinal) is var i and >= 0 ? i + b.Length : int.MaxValue).Min();
                if (breakAt != int.MaxValue)
                {
                    cutoff = breakAt;
                    fit = fit[..cutoff];
                }
                line.Append(fit).Append(' ', space);
                left[column] = left[column][Math.Min(cutoff, left[column].Length)..];
                line.Append(' ', Math.Max(0, Stops[column] - line.Length));
            }
            yield return line.ToString().TrimEnd();
        }
    }
}
