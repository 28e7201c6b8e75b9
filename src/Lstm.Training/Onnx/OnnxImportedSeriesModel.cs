using Lstm.Training.Models;

namespace Lstm.Training.Onnx;

/// <summary>A numeric-series model read by <see cref="OnnxSeriesImporter"/>: the network and what the file says about its input, target and scaling.</summary>
public sealed record OnnxImportedSeriesModel
{
    /// <summary>The network, its weights bit for bit as exported (trainable, e.g. for fine-tuning).</summary>
    public required SequenceNetwork Network { get; init; }

    /// <summary>
    /// The options the file was written with: feature names, target, trained window length, sampling interval, the
    /// scaling (as the graph holds it; <see cref="SeriesExportOptions.InputMean"/> and <see cref="SeriesExportOptions.InputStd"/>
    /// always set) and the preprocessing JSON. Exporting <see cref="Network"/> with them gives the file's bytes again.
    /// </summary>
    public required SeriesExportOptions Options { get; init; }

    /// <summary>Version of Lstm.MLNet that wrote the file.</summary>
    public required string ProducerVersion { get; init; }
}
