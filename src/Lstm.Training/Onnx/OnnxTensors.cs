using System.Buffers.Binary;
using Google.Protobuf;
using Lstm.Training.Onnx.Proto;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Onnx;

/// <summary>Converts between .NET arrays and ONNX <see cref="TensorProto"/>s (numbers as little-endian <c>raw_data</c>).</summary>
internal static class OnnxTensors
{
    public static TensorProto Float(string name, long[] dims, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        return Create(name, dims, DataType.Float, bytes);
    }

    public static TensorProto Int64(string name, long[] dims, ReadOnlySpan<long> values)
    {
        var bytes = new byte[values.Length * sizeof(long)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        return Create(name, dims, DataType.Int64, bytes);
    }

    private static TensorProto Create(string name, long[] dims, DataType type, byte[] bytes)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = UnsafeByteOperations.UnsafeWrap(bytes) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    /// <summary>The values of a float tensor stored in <c>raw_data</c> or <c>float_data</c>.</summary>
    public static float[] ReadFloats(TensorProto tensor, string source)
    {
        if (tensor.DataType != (int)DataType.Float)
            throw new InvalidDataException($"{source}: initializer '{tensor.Name}' has data type {(DataType)tensor.DataType}; expected Float.");
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
            throw new InvalidDataException($"{source}: initializer '{tensor.Name}' is stored in an external file; only embedded tensors are supported.");
        long count = ElementCount(tensor, source);
        if (!tensor.RawData.IsEmpty)
        {
            if (tensor.RawData.Length != count * sizeof(float))
                throw new InvalidDataException($"{source}: initializer '{tensor.Name}' has {tensor.RawData.Length} bytes of raw data; its shape [{string.Join(", ", tensor.Dims)}] needs {count * sizeof(float)}.");
            var span = tensor.RawData.Span;
            var values = new float[count];
            for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(span[(i * sizeof(float))..]);
            return values;
        }
        if (tensor.FloatData.Count != count)
            throw new InvalidDataException($"{source}: initializer '{tensor.Name}' has {tensor.FloatData.Count} values; its shape [{string.Join(", ", tensor.Dims)}] needs {count}.");
        return [.. tensor.FloatData];
    }

    private static long ElementCount(TensorProto tensor, string source)
    {
        long count = 1;
        foreach (long d in tensor.Dims)
        {
            if (d < 0 || (d > 0 && count > Array.MaxLength / d))
                throw new InvalidDataException($"{source}: initializer '{tensor.Name}' has an invalid shape [{string.Join(", ", tensor.Dims)}].");
            count *= d;
        }
        return count;
    }
}
