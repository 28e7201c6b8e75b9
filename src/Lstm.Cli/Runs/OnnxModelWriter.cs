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
    /// <remarks>
    /// The graph is padding-free wherever the network has such a graph (<see cref="OnnxGraphLayout.Auto"/>);
    /// <paramref name="padded"/> writes every step instead (<see cref="OnnxGraphLayout.Padded"/>). Returns whether the
    /// file is padding-free.
    /// </remarks>
    /// <exception cref="ArgumentException">The vocabulary does not fit the network.</exception>
    public static bool Write(SequenceNetwork network, Vocabulary vocabulary, SequencePadding padding, OnnxModelVariant variant, string path, bool padded = false)
    {
        var options = new OnnxExportOptions
        {
            Variant = variant,
            MaxLength = padding.MaxLen,
            Padding = padding.Padding,
            Truncating = padding.Truncating,
            Layout = padded ? OnnxGraphLayout.Padded : OnnxGraphLayout.Auto,
        };
        OnnxExporter.ExportToFile(network, vocabulary, options, path);
        return options.WritesPaddingFree(network.Spec);
    }
}
