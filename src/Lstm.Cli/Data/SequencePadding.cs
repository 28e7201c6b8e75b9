using System.Globalization;
using Lstm.Training.Text;

namespace Lstm.Cli.Data;

/// <summary>
/// How encoded reviews become rows of one length: Keras <c>pad_sequences(maxlen, padding, truncating)</c> with
/// padding id <see cref="Vocabulary.PaddingId"/>. <c>lstm train</c> pads and truncates at the front, as the seed does;
/// a run folder records the sides in <c>training.json</c>, an ONNX model in its metadata.
/// </summary>
/// <param name="MaxLen">Ids per row, counting the start id.</param>
/// <param name="Padding">Where short rows get their padding ids.</param>
/// <param name="Truncating">Which end of a long row is cut off.</param>
internal sealed record SequencePadding(int MaxLen, PaddingSide Padding, PaddingSide Truncating)
{
    /// <summary>The seed program's <c>pad_sequences(maxlen=<paramref name="maxLen"/>)</c>: padding and truncating at the front.</summary>
    public static SequencePadding Keras(int maxLen) => new(maxLen, PaddingSide.Pre, PaddingSide.Pre);

    /// <summary>"pre" or "post", as Keras and <c>training.json</c> spell the side.</summary>
    public static string Format(PaddingSide side) => side == PaddingSide.Pre ? "pre" : "post";

    /// <summary>The side spelled <paramref name="text"/> ("pre" or "post"); <paramref name="source"/> names the file in the error.</summary>
    /// <exception cref="InvalidDataException">Neither "pre" nor "post".</exception>
    public static PaddingSide Parse(string? text, string source) => text switch
    {
        "pre" => PaddingSide.Pre,
        "post" => PaddingSide.Post,
        _ => throw new InvalidDataException($"{source}: padding side '{text}' is neither 'pre' nor 'post'."),
    };

    /// <summary><c>max-len 500, padding pre, truncating pre</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"max-len {MaxLen}, padding {Format(Padding)}, truncating {Format(Truncating)}");
}
