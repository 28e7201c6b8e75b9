using Google.Protobuf;
using Lstm.Training.Onnx.Proto;

namespace Lstm.Training.Onnx;

/// <summary>Parses serialized ONNX models, turning protobuf failures into <see cref="InvalidDataException"/>s that name the source.</summary>
internal static class OnnxModelParser
{
    public static ModelProto Parse(byte[] bytes, string source)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"{source} is not a readable ONNX model ({bytes.Length} bytes; truncated or not protobuf): {e.Message}", e);
        }
        if (model.IrVersion <= 0 || model.Graph is null)
            throw new InvalidDataException($"{source} is not an ONNX model: it has no ir_version or no graph ({bytes.Length} bytes).");
        return model;
    }
}
