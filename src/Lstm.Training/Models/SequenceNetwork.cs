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

    private const string LegacyMagic = "LSTMNET2";
    private const string Magic = "LSTMNET3";
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

    /// <summary>
    /// SHA-256 (hex) of the vocabulary this network was trained with (<c>Vocabulary.ContentHash</c>), saved with it so that
    /// a reader can refuse a vocabulary file that is not the one; null when unknown (files written before it was recorded).
    /// </summary>
    public string? VocabularyHash { get; set; }

    /// <summary>Writes the network to <paramref name="path"/> atomically (temp file, then move).</summary>
    /// <exception cref="InvalidOperationException">A weight is NaN or infinite (the model diverged): nothing is written.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfNotFinite();
        AtomicFile.Write(path, Write);
    }

    /// <summary>
    /// Writes the network (format 3): magic "LSTMNET3", the spec's JSON, the vocabulary hash (empty when unknown), the
    /// tensor count, each tensor as length + float32 LE, then the SHA-256 of everything before it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A weight is NaN or infinite (the model diverged): nothing is written.</exception>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ThrowIfNotFinite();
        ChecksummedSection.Write(stream, section =>
        {
            using var writer = new BinaryWriter(section, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic.ToCharArray());
            writer.Write(SpecToJson(Spec));
            writer.Write(VocabularyHash ?? "");
            writer.Write(Parameters.Tensors.Count);
            foreach (var tensor in Parameters.Tensors)
            {
                writer.Write(tensor.LongLength);
                writer.Write(MemoryMarshal.AsBytes(tensor.AsSpan()));
            }
        });
    }

    private void ThrowIfNotFinite()
    {
        for (int i = 0; i < Parameters.Tensors.Count; i++)
            if (FirstNonFinite(Parameters.Tensors[i]) is int at)
                throw new InvalidOperationException($"Weight {Parameters.Names[i]}[{at}] is {Parameters.Tensors[i][at]}: the model diverged, and is not saved.");
    }

    private static int? FirstNonFinite(float[] tensor)
    {
        for (int i = 0; i < tensor.Length; i++)
            if (!float.IsFinite(tensor[i])) return i;
        return null;
    }

    /// <summary>Reads a network written by <see cref="Save"/> or by <see cref="LstmClassifier.Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a model written by this library, is truncated or damaged, or holds a weight that is not finite.</exception>
    public static SequenceNetwork Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>
    /// Reads a network written by <see cref="Write"/> (format 3, checksum checked), by this library's earlier format 2,
    /// or by <see cref="LstmClassifier.Write"/> (format 1); <paramref name="source"/> names it in errors.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is not a model written by this library, is truncated or damaged, or holds a weight that is not finite.</exception>
    public static SequenceNetwork Read(Stream stream, string source = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek) throw new ArgumentException("The stream must be seekable.", nameof(stream));
        long start = stream.Position;
        string magic = ReadMagic(stream, ClassifierMagicLength, source);
        stream.Position = start;
        SequenceNetwork network;
        try
        {
            network = magic switch
            {
                Magic => ChecksummedSection.Read(stream, source, section => ReadBody(section, stream.Length - start, source, hasVocabularyHash: true)),
                LegacyMagic => ReadBody(stream, stream.Length - start, source, hasVocabularyHash: false),
                _ => FromClassifier(LstmClassifier.ReadFormat1(stream, source)),
            };
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{source}: the model file is truncated.", e);
        }
        for (int i = 0; i < network.Parameters.Tensors.Count; i++)
            if (FirstNonFinite(network.Parameters.Tensors[i]) is int at)
                throw new InvalidDataException($"{source}: weight {network.Parameters.Names[i]}[{at}] is {network.Parameters.Tensors[i][at]}; a model's weights must be finite numbers.");
        return network;
    }

    private static SequenceNetwork ReadBody(Stream stream, long fileBytes, string source, bool hasVocabularyHash)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        reader.ReadBytes(ClassifierMagicLength);
        var spec = SpecFromJson(ReadString(reader, source, "network description"), source);
        string? vocabularyHash = hasVocabularyHash ? ReadString(reader, source, "vocabulary hash") : null;
        // Checked before allocating: a damaged description must not ask for gigabytes the file cannot hold.
        long needed = NetworkParameters.ValueCount(spec) * sizeof(float);
        if (needed > fileBytes)
            throw new InvalidDataException($"{source}: {spec} needs {needed:N0} bytes of weights but the file has {fileBytes:N0} bytes; it is truncated or its description was changed.");
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
        return new SequenceNetwork(parameters) { VocabularyHash = string.IsNullOrEmpty(vocabularyHash) ? null : vocabularyHash };
    }

    /// <summary>
    /// The first <paramref name="length"/> bytes of a model or checkpoint file as text, one character per byte (magics
    /// are ASCII), read as bytes: <see cref="BinaryReader.ReadChars"/> throws ArgumentException on some invalid UTF-8.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream ends first.</exception>
    internal static string ReadMagic(Stream stream, int length, string source)
    {
        Span<byte> magic = stackalloc byte[length];
        if (stream.ReadAtLeast(magic, length, throwOnEndOfStream: false) < length)
            throw new InvalidDataException($"{source}: the model file is truncated.");
        return System.Text.Encoding.Latin1.GetString(magic);
    }

    /// <summary>A length-prefixed string of a model or checkpoint file; <paramref name="what"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The length prefix is malformed or negative.</exception>
    /// <exception cref="EndOfStreamException">The stream ends first.</exception>
    internal static string ReadString(BinaryReader reader, string source, string what)
    {
        try
        {
            return reader.ReadString();
        }
        catch (Exception e) when (e is FormatException || (e is IOException && e is not EndOfStreamException))
        {
            throw new InvalidDataException($"{source}: the {what} is damaged (its length prefix is malformed).", e);
        }
    }
}
