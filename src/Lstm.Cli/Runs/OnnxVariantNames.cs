using System.Globalization;
using Lstm.Training.Onnx;

namespace Lstm.Cli.Runs;

/// <summary>How the command line names the two ONNX variants, their default file names and their opsets.</summary>
internal static class OnnxVariantNames
{
    /// <summary>Value of <c>--variant</c> for <see cref="OnnxModelVariant.Text"/>.</summary>
    public const string Text = "text";

    /// <summary>Value of <c>--variant</c> for <see cref="OnnxModelVariant.Ids"/>.</summary>
    public const string Ids = "ids";

    /// <summary>"text" or "ids".</summary>
    public static string Format(OnnxModelVariant variant) => variant == OnnxModelVariant.Text ? Text : Ids;

    /// <summary>The variant named <paramref name="name"/> ("text" or "ids").</summary>
    public static OnnxModelVariant Parse(string name) => name switch
    {
        Text => OnnxModelVariant.Text,
        Ids => OnnxModelVariant.Ids,
        _ => throw new ArgumentException($"--variant must be '{Text}' or '{Ids}', got '{name}'."),
    };

    /// <summary><c>model.onnx</c> or <c>model.ids.onnx</c>: the file <c>lstm export</c> writes when no <c>--out</c> is given.</summary>
    public static string DefaultFileName(OnnxModelVariant variant) => variant == OnnxModelVariant.Text ? RunDirectory.OnnxFile : RunDirectory.OnnxIdsFile;

    /// <summary>The graph's input: <c>text (string [batch, 1], normalised text)</c> or <c>input_ids (int64 [batch, max-len], padded ids)</c>.</summary>
    public static string Input(OnnxModelVariant variant) =>
        variant == OnnxModelVariant.Text ? "text (string [batch, 1], normalised text)" : "input_ids (int64 [batch, sequence], padded ids)";

    /// <summary>The opsets the exporter writes: <c>ai.onnx 20 + ai.onnx.ml 3</c> or <c>ai.onnx 17</c>.</summary>
    public static string Opsets(OnnxModelVariant variant) => variant == OnnxModelVariant.Text
        ? string.Create(CultureInfo.InvariantCulture, $"ai.onnx {OnnxExporter.TextVariantOpset} + ai.onnx.ml {OnnxExporter.TextVariantMlOpset}")
        : string.Create(CultureInfo.InvariantCulture, $"ai.onnx {OnnxExporter.IdsVariantOpset}");
}
