using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lstm.Training.Layers;

namespace Lstm.Training.Models;

/// <summary>
/// A network of the model family (<see cref="NetworkSpec"/>): its parameters, inference over padded id sequences
/// (<see cref="PredictOutputs(IReadOnlyList{int[]}, int, int?)"/>) and a binary file format. Training is <c>Trainer</c>'s.
/// A network of the seed's shape runs on <see cref="LstmClassifier"/>'s kernels and is saved in its format, so that it
/// trains, predicts and saves bit for bit as that class does.
/// </summary>
public sealed partial class SequenceNetwork
{
    /// <summary>Creates a network with Keras's default initialisation drawn from <paramref name="seed"/>.</summary>
    public SequenceNetwork(NetworkSpec spec, ulong seed = 42)
        : this(new NetworkParameters(spec))
    {
        Parameters.InitializeAsKeras(new SeededRandom(seed));
    }

    /// <summary>Wraps existing parameters (not copied).</summary>
    public SequenceNetwork(NetworkParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        if (Spec.IsClassifierShape) Classifier = new LstmClassifier(parameters.AsClassifierParameters());
    }

    /// <summary>The seed-shaped network <paramref name="classifier"/> as a <see cref="SequenceNetwork"/>, sharing its tensors.</summary>
    public static SequenceNetwork FromClassifier(LstmClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var parameters = new NetworkParameters(NetworkSpec.FromClassifierConfig(classifier.Config), classifier.Parameters.Tensors);
        return new SequenceNetwork(parameters, classifier);
    }

    private SequenceNetwork(NetworkParameters parameters, LstmClassifier classifier)
    {
        Parameters = parameters;
        Classifier = classifier;
    }

    /// <summary>The network's layers and head.</summary>
    public NetworkSpec Spec => Parameters.Spec;

    /// <summary>The trainable tensors.</summary>
    public NetworkParameters Parameters { get; }

    /// <summary>For a network of the seed's shape, the same network (same tensors) as an <see cref="LstmClassifier"/>; else null.</summary>
    public LstmClassifier? Classifier { get; }

    private const string Magic = "LSTMNET2";
    private const int ClassifierMagicLength = 8;

    private static readonly JsonSerializerOptions SpecJson = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The spec as the JSON saved in model files (enum values by name).</summary>
    public static string SpecToJson(NetworkSpec spec) => JsonSerializer.Serialize(spec, SpecJson);

    /// <summary>Reads <see cref="SpecToJson"/>'s JSON and validates it.</summary>
    /// <exception cref="InvalidDataException">The JSON is not a valid spec; <paramref name="source"/> names the file.</exception>
    public static NetworkSpec SpecFromJson(string json, string source = "spec")
    {
        try
        {
            var spec = JsonSerializer.Deserialize<NetworkSpec>(json, SpecJson) ?? throw new InvalidDataException($"{source}: empty network description.");
            spec.Validate();
            return spec;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: the network description is not valid: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: invalid network description: {e.Message}", e);
        }
    }

    /// <summary>Writes the network to <paramref name="path"/> atomically (temp file, then move).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, Write);
    }

    /// <summary>
    /// Writes the network: a seed-shaped one as <see cref="LstmClassifier.Write"/> does (format 1, which every version
    /// reads), any other as magic "LSTMNET2", the spec's JSON, the tensor count, then each tensor as length + float32 LE.
    /// </summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (Classifier is not null)
        {
            Classifier.Write(stream);
            return;
        }
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic.ToCharArray());
        writer.Write(SpecToJson(Spec));
        writer.Write(Parameters.Tensors.Count);
        foreach (var tensor in Parameters.Tensors)
        {
            writer.Write(tensor.LongLength);
            writer.Write(MemoryMarshal.AsBytes(tensor.AsSpan()));
        }
    }

    /// <summary>Reads a network written by <see cref="Save"/> or by <see cref="LstmClassifier.Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a model written by this library, or is truncated.</exception>
    public static SequenceNetwork Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a network written by <see cref="Write"/> or <see cref="LstmClassifier.Write"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model written by this library, or is truncated.</exception>
    public static SequenceNetwork Read(Stream stream, string source = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(stream));
        long start = stream.Position;
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            var magic = new string(reader.ReadChars(ClassifierMagicLength));
            if (magic != Magic)
            {
                stream.Position = start;
                return FromClassifier(LstmClassifier.Read(stream, source));
            }
            var spec = SpecFromJson(reader.ReadString(), source);
            var parameters = new NetworkParameters(spec);
            int count = reader.ReadInt32();
            if (count != parameters.Tensors.Count)
                throw new InvalidDataException($"{source}: the file holds {count} tensors; {spec} has {parameters.Tensors.Count}.");
            for (int i = 0; i < count; i++)
            {
                var tensor = parameters.Tensors[i];
                long length = reader.ReadInt64();
                if (length != tensor.LongLength)
                    throw new InvalidDataException($"{source}: tensor '{parameters.Names[i]}' has {length} values; {spec} needs {tensor.LongLength}.");
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(tensor.AsSpan()));
            }
            return new SequenceNetwork(parameters);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{source}: the model file is truncated.", e);
        }
    }
}
