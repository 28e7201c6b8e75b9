using Lstm.Training.Onnx;

namespace Lstm.Fuzz.Targets;

/// <summary><see cref="OnnxImporter.Import(byte[], string)"/> on the input's bytes.</summary>
internal sealed class OnnxTarget : FuzzTarget
{
    public override string Name => "onnx";

    public override string Description => "OnnxImporter.Import(byte[]): protobuf, metadata, initializers, nodes, vocabulary";

    public override string SourceName => "fuzz-input.onnx";

    public override Action Prepare(byte[] input, Workspace workspace) => () => OnnxImporter.Import(input, SourceName);

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds(SeedSources sources) =>
        sources.Fixture("model.onnx").Concat(TinyModels.Onnx());
}
