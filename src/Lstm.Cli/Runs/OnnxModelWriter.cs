using Lstm.Cli.Data;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Text;

namespace Lstm.Cli.Runs;

/// <summary>
/// Exports a network to ONNX for <c>lstm train</c> (<c>model.onnx</c>, the text variant, beside <c>model.lstm</c>)
/// and <c>lstm export</c>. The only place the command line calls <see cref="OnnxExporter"/>.
/// </summary>
internal static class OnnxModelWriter
{
    /// <summary>
    /// Writes <paramref name="network"/>, with its vocabulary and the padding it was trained with, to
    /// <paramref name="path"/> atomically (temp file, then move).
    /// </summary>
    /// <remarks><paramref name="paddingFree"/> writes the padding-free graph (<see cref="OnnxExportOptions.PaddingFree"/>).</remarks>
    /// <exception cref="ArgumentException">The vocabulary does not fit the network, or it cannot be written padding-free.</exception>
    public static void Write(SequenceNetwork network, Vocabulary vocabulary, SequencePadding padding, OnnxModelVariant variant, string path, bool paddingFree = false)
    {
        var options = new OnnxExportOptions
        {
            Variant = variant,
            MaxLength = padding.MaxLen,
            Padding = padding.Padding,
            Truncating = padding.Truncating,
            PaddingFree = paddingFree,
        };
        OnnxExporter.ExportToFile(network, vocabulary, options, path);
    }
}
