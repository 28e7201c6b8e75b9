using Lstm.Training.Models;
using Lstm.Training.Onnx.Proto;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Onnx;

/// <summary>
/// Reads a numeric-series model written by <see cref="OnnxExporter.ExportSeries"/> (metadata format
/// <see cref="OnnxModelMetadata.SeriesFormatVersion"/>) back into a trainable <see cref="SequenceNetwork"/> (weights bit
/// for bit) and the <see cref="SeriesExportOptions"/> it was written with, so that export → import → export gives the
/// same bytes.
/// </summary>
/// <remarks>
/// Only such files are accepted: a text or token-id model (formats 1-3) is refused naming <see cref="OnnxImporter"/>,
/// and the producer, metadata, opset, input, outputs, initializers (their names, shapes, and the scaling against the
/// metadata) and recurrent nodes are checked, an <see cref="InvalidDataException"/> saying what was expected and found.
/// </remarks>
public static class OnnxSeriesImporter
{
    /// <summary>Reads the model at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a numeric-series model written by Lstm.MLNet.</exception>
    public static OnnxImportedSeriesModel ImportFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Import(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a serialized model from <paramref name="stream"/> (to its end); <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a numeric-series model written by Lstm.MLNet.</exception>
    public static OnnxImportedSeriesModel Import(Stream stream, string source = "ONNX model")
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Import(buffer.ToArray(), source);
    }

    /// <summary>Reads a serialized model; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a numeric-series model written by Lstm.MLNet.</exception>
    public static OnnxImportedSeriesModel Import(byte[] model, string source = "ONNX model")
    {
        ArgumentNullException.ThrowIfNull(model);
        var proto = OnnxModelParser.Parse(model, source);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in proto.MetadataProps)
        {
            if (!properties.TryAdd(entry.Key, entry.Value))
                throw new InvalidDataException($"{source}: metadata key '{entry.Key}' appears more than once.");
        }
        var metadata = SeriesMetadata.FromProperties(proto.ProducerName, properties, source);
        var spec = metadata.Spec;
        CheckOpset(proto, source);
        var graph = proto.Graph;
        CheckSignature(graph, spec, source);

        var shapes = NetworkInitializers.Shapes(spec);
        var scalingShapes = SeriesGraph.ScalingShapes(spec.InputFeatures);
        var values = OnnxImporter.ReadInitializers(graph, [.. shapes, .. scalingShapes], $"{spec.Describe()}, horizon {spec.Outputs}", source);
        OnnxImporter.CheckRecurrentNodes(graph, spec, paddingFree: false, source);
        var options = metadata.Options with
        {
            InputMean = Agreeing(values[SeriesGraph.InputMean], metadata.Options.InputMean!, OnnxMetadataKeys.SeriesInputMean, source),
            InputStd = Agreeing(values[SeriesGraph.InputStd], metadata.Options.InputStd!, OnnxMetadataKeys.SeriesInputStd, source),
            TargetMean = Agreeing(values[SeriesGraph.TargetMean], [metadata.Options.TargetMean], OnnxMetadataKeys.SeriesTargetMean, source)[0],
            TargetStd = Agreeing(values[SeriesGraph.TargetStd], [metadata.Options.TargetStd], OnnxMetadataKeys.SeriesTargetStd, source)[0],
        };
        try
        {
            options.Validate(spec.InputFeatures);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: the graph's scaling is invalid: {e.Message}", e);
        }
        var network = new SequenceNetwork(NetworkInitializers.FromOnnx(spec, [.. shapes.Select(s => values[s.Name])]));
        return new OnnxImportedSeriesModel { Network = network, Options = options, ProducerVersion = metadata.ProducerVersion };
    }

    private static void CheckOpset(ModelProto model, string source)
    {
        var imports = model.OpsetImport.Select(o => $"{(o.Domain is "" or "ai.onnx" ? "ai.onnx" : o.Domain)} {o.Version}").ToList();
        if (model.OpsetImport.Count != 1 || model.OpsetImport[0].Domain is not ("" or "ai.onnx") || model.OpsetImport[0].Version != OnnxExporter.SeriesOpset)
            throw new InvalidDataException($"{source}: imports opsets [{string.Join(", ", imports)}]; Lstm.MLNet writes numeric-series models with ai.onnx opset {OnnxExporter.SeriesOpset} only.");
    }

    /// <summary>The single float input [batch, time, features] and the two outputs [batch, horizon].</summary>
    private static void CheckSignature(GraphProto graph, NetworkSpec spec, string source)
    {
        if (graph.Input.Count != 1 || graph.Input[0].Name != SeriesGraph.Input)
            throw new InvalidDataException($"{source}: the graph's inputs are [{string.Join(", ", graph.Input.Select(i => i.Name))}]; expected the single input '{SeriesGraph.Input}'.");
        var input = graph.Input[0].Type?.TensorType;
        var dims = input?.Shape?.Dim;
        if (input is null || input.ElemType != (int)DataType.Float || dims is null || dims.Count != 3 || dims[2].DimValue != spec.InputFeatures)
            throw new InvalidDataException($"{source}: input '{SeriesGraph.Input}' is not float [batch, time, {spec.InputFeatures}] as the network's {spec.InputFeatures} features need.");
        string[] outputs = [SeriesGraph.ValueOutput, SeriesGraph.ScaledValueOutput];
        if (!graph.Output.Select(o => o.Name).SequenceEqual(outputs))
            throw new InvalidDataException($"{source}: the graph's outputs are [{string.Join(", ", graph.Output.Select(o => o.Name))}]; expected [{string.Join(", ", outputs)}].");
    }

    /// <summary>The graph's scaling <paramref name="graph"/>, checked equal to the metadata's.</summary>
    private static float[] Agreeing(float[] graph, IReadOnlyList<float> metadata, string key, string source)
    {
        if (!graph.SequenceEqual(metadata))
            throw new InvalidDataException(
                $"{source}: metadata key '{key}' ([{string.Join(", ", metadata)}]) disagrees with the graph's initializer ([{string.Join(", ", graph)}]).");
        return graph;
    }
}
