using Google.Protobuf;
using Lstm.Training.Models;
using Lstm.Training.Onnx.Proto;

namespace Lstm.Training.Onnx;

// Export of numeric-series networks (NetworkSpec.IsNumeric): raw float input [batch, time, features], standardised in
// the graph, and the forecast un-scaled in the graph; metadata format 4 (SeriesMetadata).
public static partial class OnnxExporter
{
    /// <summary>ai.onnx opset of numeric-series models; 17 so that onnx 1.12's checker reads them.</summary>
    public const int SeriesOpset = 17;

    /// <summary>
    /// Writes a numeric-series network to <paramref name="destination"/>: input <c>input</c>, float
    /// <c>[batch, time, features]</c> of raw feature values; outputs <c>value</c> (the forecast in the target's scale)
    /// and <c>value_scaled</c> (the head's own output), float <c>[batch, horizon]</c>; metadata format
    /// <see cref="OnnxModelMetadata.SeriesFormatVersion"/>. Exporting the same network and options twice gives identical bytes.
    /// </summary>
    /// <param name="network">A trained network of <see cref="NetworkSpec.IsNumeric"/> with a regression head of H outputs (the horizon).</param>
    /// <param name="options">Feature names, target, trained window length, sampling interval, scaling and preprocessing.</param>
    /// <param name="destination">A writable stream; left open.</param>
    /// <exception cref="ArgumentException">The network reads token ids or is not a regression, or the options do not fit it.</exception>
    public static void ExportSeries(SequenceNetwork network, SeriesExportOptions options, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        BuildSeries(network, options).WriteTo(destination);
    }

    /// <summary>Writes a numeric-series network to <paramref name="path"/> atomically (temp file, then move); see <see cref="ExportSeries"/>.</summary>
    /// <param name="network">The trained numeric network.</param>
    /// <param name="options">Feature names, target, window length, scaling and preprocessing.</param>
    /// <param name="path">The .onnx file to create or replace.</param>
    public static void ExportSeriesToFile(SequenceNetwork network, SeriesExportOptions options, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var built = BuildSeries(network, options);
        AtomicFile.Write(path, built.WriteTo);
    }

    /// <summary>Returns the serialized numeric-series model; see <see cref="ExportSeries"/>.</summary>
    /// <param name="network">The trained numeric network.</param>
    /// <param name="options">Feature names, target, window length, scaling and preprocessing.</param>
    public static byte[] ExportSeriesToBytes(SequenceNetwork network, SeriesExportOptions options) =>
        BuildSeries(network, options).ToByteArray();

    internal static ModelProto BuildSeries(SequenceNetwork network, SeriesExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        var spec = network.Spec;
        if (!spec.IsNumeric)
            throw new ArgumentException($"{spec.Describe()} reads token ids, not numeric sequences: export it with OnnxExporter.Export and its vocabulary.", nameof(network));
        if (spec.Task != TaskKind.Regression)
            throw new ArgumentException($"{spec.Describe()} is not a regression network; a series export writes a forecast of {spec.Outputs} value(s) (NetworkSpec.ForFeatures).", nameof(network));
        options.Validate(spec.InputFeatures);
        int features = spec.InputFeatures;
        var metadata = new SeriesMetadata(ProducerVersion, spec, options with
        {
            InputMean = options.EffectiveInputMean(features),
            InputStd = options.EffectiveInputStd(features),
        });
        var graph = new OnnxGraphBuilder("lstm_mlnet_series_forecast");
        SeriesGraph.Add(graph, network.Parameters, [.. metadata.Options.InputMean!], [.. metadata.Options.InputStd!], options.TargetMean, options.TargetStd, SeriesOpset);
        var onnx = new ModelProto
        {
            IrVersion = 8, // the IR version that came with opset 17
            ProducerName = OnnxMetadataKeys.ProducerName,
            ProducerVersion = ProducerVersion,
            DocString = $"Keras-style {spec.Describe()} forecaster of '{options.TargetName}' exported by Lstm.MLNet. " +
                $"Input: raw features, float [batch, time, {features}] (trained on {options.WindowLength} steps), standardised in the graph. " +
                $"Outputs: value (the next {spec.Outputs} step(s) in the target's scale) and value_scaled, float [batch, {spec.Outputs}].",
            Graph = graph.Graph,
        };
        onnx.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = SeriesOpset });
        foreach (var (key, value) in metadata.ToProperties())
            onnx.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return onnx;
    }
}
