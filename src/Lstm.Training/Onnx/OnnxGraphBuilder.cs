using System.Text;
using Google.Protobuf;
using Lstm.Training.Onnx.Proto;
using AttributeType = Lstm.Training.Onnx.Proto.AttributeProto.Types.AttributeType;
using DataType = Lstm.Training.Onnx.Proto.TensorProto.Types.DataType;

namespace Lstm.Training.Onnx;

/// <summary>Appends nodes, initializers, inputs and outputs to a <see cref="GraphProto"/>; names are chosen by the caller.</summary>
internal sealed class OnnxGraphBuilder(string name)
{
    /// <summary>Domain of the classic machine-learning operators (LabelEncoder).</summary>
    public const string MlDomain = "ai.onnx.ml";

    public GraphProto Graph { get; } = new() { Name = name };

    /// <summary>Adds a node with one output, named <paramref name="output"/>, and returns that name.</summary>
    public string Node(string opType, string output, string[] inputs, params AttributeProto[] attributes) =>
        Node(opType, "", [output], inputs, attributes)[0];

    /// <summary>Adds a node of <paramref name="domain"/>; an empty output name skips that optional output.</summary>
    public string[] Node(string opType, string domain, string[] outputs, string[] inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Domain = domain, Name = $"{opType}_{Graph.Node.Count}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return outputs;
    }

    public string Initializer(TensorProto tensor)
    {
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    public string Int64Constant(string name, long[] dims, params long[] values) => Initializer(OnnxTensors.Int64(name, dims, values));

    /// <summary>A float initializer; <paramref name="dims"/> empty for a scalar.</summary>
    public string FloatConstant(string name, long[] dims, params float[] values) => Initializer(OnnxTensors.Float(name, dims, values));

    public void Input(string name, DataType type, params object[] dims) => Graph.Input.Add(ValueInfo(name, type, dims));

    public void Output(string name, DataType type, params object[] dims) => Graph.Output.Add(ValueInfo(name, type, dims));

    /// <summary>A tensor value description; each dim is a number (fixed) or a string (symbolic).</summary>
    private static ValueInfoProto ValueInfo(string name, DataType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim switch
            {
                int n => new TensorShapeProto.Types.Dimension { DimValue = n },
                string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
                _ => throw new ArgumentException($"Dimension {dim} is neither an int nor a string.", nameof(dims)),
            });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Strings(string name, IEnumerable<string> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeType.Strings };
        attribute.Strings.AddRange(values.Select(v => ByteString.CopyFrom(v, Encoding.UTF8)));
        return attribute;
    }
}
