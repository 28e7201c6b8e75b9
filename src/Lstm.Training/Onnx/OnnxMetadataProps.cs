using Google.Protobuf;
using Lstm.Training.Onnx.Proto;

namespace Lstm.Training.Onnx;

/// <summary>
/// The <c>metadata_props</c> of an ONNX model, read or added without touching its graph (e.g. for a host that records
/// where the model sits in its own pipeline).
/// </summary>
public static class OnnxMetadataProps
{
    /// <summary>The model's metadata entries (the first value of a key repeated).</summary>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model.</exception>
    public static IReadOnlyDictionary<string, string> Read(byte[] model)
    {
        var proto = Parse(model);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in proto.MetadataProps) entries.TryAdd(entry.Key, entry.Value);
        return entries;
    }

    /// <summary>The model with <paramref name="entries"/> set in its metadata (an existing key gets the new value); the graph is unchanged.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an ONNX model.</exception>
    public static byte[] With(byte[] model, IReadOnlyDictionary<string, string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var proto = Parse(model);
        foreach (var (key, value) in entries)
        {
            for (int i = proto.MetadataProps.Count - 1; i >= 0; i--)
                if (proto.MetadataProps[i].Key == key) proto.MetadataProps.RemoveAt(i);
            proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }
        return proto.ToByteArray();
    }

    private static ModelProto Parse(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            var proto = ModelProto.Parser.ParseFrom(model);
            if (proto.Graph is null) throw new InvalidDataException("The bytes are not an ONNX model: no graph.");
            return proto;
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"The bytes are not an ONNX model: {e.Message}", e);
        }
    }
}
