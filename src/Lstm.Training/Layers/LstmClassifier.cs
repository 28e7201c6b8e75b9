using System.Text.Json;

namespace Lstm.Training.Layers;

/// <summary>
/// Keras's <c>Sequential([Embedding(V, E), LSTM(H, dropout, recurrent_dropout), Dense(1, sigmoid)])</c>:
/// its parameters, inference over padded id sequences, and a binary file format that round-trips exactly.
/// Training lives in <c>Trainer</c>.
/// </summary>
public sealed partial class LstmClassifier
{
    /// <summary>Creates a network with Keras's default initialisation drawn from <paramref name="seed"/>.</summary>
    public LstmClassifier(LstmClassifierConfig config, ulong seed = 42)
        : this(new LstmClassifierParameters(config))
    {
        KerasInitializers.Initialize(Parameters, new SeededRandom(seed));
    }

    /// <summary>Wraps existing parameters (not copied).</summary>
    public LstmClassifier(LstmClassifierParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
    }

    /// <summary>The network's shape.</summary>
    public LstmClassifierConfig Config => Parameters.Config;

    /// <summary>The trainable tensors.</summary>
    public LstmClassifierParameters Parameters { get; }

    private const string Magic = "LSTMCLS1";

    /// <summary>Writes the network to <paramref name="path"/> atomically (temp file, then move), as <see cref="Models.SequenceNetwork.Save"/> does.</summary>
    /// <exception cref="InvalidOperationException">A weight is NaN or infinite: nothing is written.</exception>
    public void Save(string path) => Models.SequenceNetwork.FromClassifier(this).Save(path);

    /// <summary>Writes the network to a stream as <see cref="Models.SequenceNetwork.Write"/> does (format 3, with a checksum).</summary>
    /// <exception cref="InvalidOperationException">A weight is NaN or infinite: nothing is written.</exception>
    public void Write(Stream stream) => Models.SequenceNetwork.FromClassifier(this).Write(stream);

    /// <summary>Writes format 1: magic "LSTMCLS1", config JSON, then each tensor as length + float32 LE (no checksum). For tests of old files.</summary>
    internal void WriteFormat1(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic.ToCharArray());
        writer.Write(JsonSerializer.Serialize(Config));
        foreach (var tensor in Parameters.Tensors)
        {
            writer.Write(tensor.LongLength);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.AsSpan()));
        }
    }

    /// <summary>Reads a network of the seed's shape written by <see cref="Save"/>, <see cref="Models.SequenceNetwork.Save"/> or an earlier version.</summary>
    /// <exception cref="InvalidDataException">The file is not a model written by this library, is damaged, or holds another network of the family.</exception>
    public static LstmClassifier Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a network of the seed's shape written by <see cref="Write"/> or an earlier version; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model written by this library, is damaged, or holds another network of the family.</exception>
    public static LstmClassifier Read(Stream stream, string source = "stream")
    {
        var network = Models.SequenceNetwork.Read(stream, source);
        return network.Classifier
            ?? throw new InvalidDataException($"{source}: holds {network.Spec.Describe()}, not Embedding -> LSTM -> Dense(1, sigmoid); read it with SequenceNetwork.Load.");
    }

    /// <summary>Reads format 1 (magic "LSTMCLS1"); <paramref name="source"/> names it in errors.</summary>
    internal static LstmClassifier ReadFormat1(Stream stream, string source)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            var magic = Models.SequenceNetwork.ReadMagic(stream, Magic.Length, source);
            if (magic != Magic)
                throw new InvalidDataException($"{source}: not an Lstm.Training model file (expected the header 'LSTMNET3', or 'LSTMNET2' or '{Magic}' of earlier versions; found '{Printable(magic)}').");
            var config = JsonSerializer.Deserialize<LstmClassifierConfig>(Models.SequenceNetwork.ReadString(reader, source, "model configuration"))
                ?? throw new InvalidDataException($"{source}: empty model configuration.");
            config.Validate();
            CheckFits(config, stream, source);
            var parameters = new LstmClassifierParameters(config);
            for (int i = 0; i < parameters.Tensors.Count; i++)
            {
                var tensor = parameters.Tensors[i];
                long length = reader.ReadInt64();
                if (length != tensor.LongLength)
                    throw new InvalidDataException($"{source}: tensor '{LstmClassifierParameters.TensorNames[i]}' has {length} values; the configuration {config} needs {tensor.LongLength}.");
                var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.AsSpan());
                reader.BaseStream.ReadExactly(bytes);
            }
            return new LstmClassifier(parameters);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{source}: the model file is truncated.", e);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException($"{source}: invalid model configuration: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: the model configuration is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// Refuses a configuration whose tensors (each a length and float32 values) need more bytes than the stream has left,
    /// before allocating them: a damaged configuration must not ask for gigabytes the file cannot hold.
    /// </summary>
    private static void CheckFits(LstmClassifierConfig config, Stream stream, string source)
    {
        if (!stream.CanSeek) return;
        Int128 e = config.EmbeddingDim, h = config.Units;
        Int128 values = config.VocabularySize * e + e * 4 * h + h * 4 * h + 4 * h + h + 1;
        Int128 needed = values * sizeof(float) + LstmClassifierParameters.TensorNames.Count * sizeof(long);
        long left = stream.Length - stream.Position;
        if (needed > left)
            throw new InvalidDataException($"{source}: the configuration {config} needs {needed:N0} bytes of weights but the file has {left:N0} bytes left; it is truncated or its configuration was changed.");
    }

    private static string Printable(string magic) =>
        string.Concat(magic.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\x{(int)c:X2}"));
}
