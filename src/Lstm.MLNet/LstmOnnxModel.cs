using System.Globalization;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Text;

namespace Lstm.MLNet;

/// <summary>
/// An ONNX model written by Lstm.MLNet's exporter, text variant, checked once: its bytes, the metadata that say how
/// text becomes ids, and the network's task, outputs and class names, which decide the columns a transformer adds.
/// Other files are refused with an <see cref="InvalidDataException"/> that says why.
/// </summary>
internal sealed class LstmOnnxModel
{
    /// <summary>The graph input the normalised text goes to (string <c>[batch, 1]</c>).</summary>
    public const string TextInput = "text";

    /// <summary>The graph output holding the logit (float <c>[batch, 1]</c>).</summary>
    public const string LogitOutput = "logit";

    /// <summary>The graph output holding the probability (float <c>[batch, 1]</c>; multi-class <c>[batch, classes]</c>).</summary>
    public const string ProbabilityOutput = "probability";

    /// <summary>The graph output of a regression model holding its values (float <c>[batch, outputs]</c>).</summary>
    public const string ValueOutput = "value";

    /// <summary>The graph input of a subword model's ids variant (int64 <c>[batch, max_len]</c>, tokenized and padded in .NET).</summary>
    public const string IdsInput = "input_ids";

    private LstmOnnxModel(byte[] bytes, OnnxModelMetadata metadata, NetworkSpec network, Vocabulary vocabulary)
    {
        Bytes = bytes;
        Vocabulary = vocabulary;
        Metadata = metadata;
        Network = network;
        if (network.Task == TaskKind.MulticlassClassification)
            ClassNames = network.ClassNames ?? [.. Enumerable.Range(0, network.Outputs).Select(i => i.ToString(CultureInfo.InvariantCulture))];
    }

    /// <summary>The serialized model; never modified.</summary>
    public byte[] Bytes { get; }

    /// <summary>What the file records about the network and its preprocessing.</summary>
    public OnnxModelMetadata Metadata { get; }

    /// <summary>The vocabulary (words or subword pieces), for the unknown-token share and for tokenizing a subword model's text.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>
    /// Whether the file is a subword model (ids variant; its byte-pair encoding cannot be an ONNX graph): texts are then
    /// normalised, split into pieces, mapped and padded in .NET and the graph reads <see cref="IdsInput"/>.
    /// </summary>
    public bool TokenizesInDotNet => Metadata.Variant == OnnxModelVariant.Ids;

    /// <summary>The network: layers, task, outputs and class names.</summary>
    public NetworkSpec Network { get; }

    /// <summary>The network's task.</summary>
    public TaskKind Task => Network.Task;

    /// <summary>Outputs per row: 1 (binary), the number of classes, or the number of regression values.</summary>
    public int Outputs => Network.Outputs;

    /// <summary>A multi-class model's class names in output order (the indices "0" … "K−1" when the file names none); null otherwise.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>
    /// Reads and checks the file at <paramref name="path"/>, or, when <paramref name="path"/> is a model folder (a run
    /// folder of <c>lstm train</c>, such as <c>models/imdb-lstm</c>), its <c>model.onnx</c> (else its
    /// <c>model.ids.onnx</c>, which a subword model has).
    /// </summary>
    public static LstmOnnxModel FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) path = ModelFileIn(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"The ONNX model '{path}' does not exist.", path);
        return FromBytes(File.ReadAllBytes(path), $"'{path}'");
    }

    // The names FromFile looks for in a model folder, in order.
    private static readonly string[] FolderModelFiles = ["model.onnx", "model.ids.onnx"];

    private static string ModelFileIn(string folder)
    {
        foreach (string name in FolderModelFiles)
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            $"The folder '{folder}' holds no ONNX model: expected {string.Join(" or ", FolderModelFiles)} in it (as 'lstm train' writes; 'lstm export --model {folder}' writes one from its model.lstm).",
            Path.Combine(folder, FolderModelFiles[0]));
    }

    /// <summary>Reads <paramref name="stream"/> to its end and checks the model.</summary>
    public static LstmOnnxModel FromStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromBytes(buffer.ToArray(), "The ONNX model stream");
    }

    /// <summary>Checks <paramref name="bytes"/> (kept, not copied); <paramref name="source"/> names them in errors.</summary>
    public static LstmOnnxModel FromBytes(byte[] bytes, string source = "The ONNX model")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var metadata = OnnxModelMetadata.Read(bytes, source);
        bool subword = metadata.Tokenizer != SubwordTokenizer.Words;
        if (metadata.Variant != OnnxModelVariant.Text && !subword)
            throw new InvalidDataException($"{source} is the ids variant (input '{metadata.InputName}'); Lstm.MLNet's ML.NET components need the text variant, whose graph maps words to ids. Export it again with OnnxModelVariant.Text.");
        if (metadata.NormalizerName != TextNormalizer.Name || metadata.NormalizerVersion != TextNormalizer.Version)
            throw new InvalidDataException($"{source} expects text normalised by \"{metadata.NormalizerName}\" version {metadata.NormalizerVersion}; this library implements \"{TextNormalizer.Name}\" version {TextNormalizer.Version}.");
        var network = metadata.Network;
        Expect(source, "input", metadata.InputName, subword ? IdsInput : TextInput);
        if (network.Task == TaskKind.Regression)
        {
            Expect(source, "value output", metadata.ValueOutputName, ValueOutput);
        }
        else
        {
            Expect(source, "logit output", metadata.LogitOutputName, LogitOutput);
            Expect(source, "probability output", metadata.ProbabilityOutputName, ProbabilityOutput);
        }
        // The graph itself must be what the metadata says (input, outputs, layers and weights), so that a file whose
        // metadata was changed is refused here rather than at the first prediction with an ONNX Runtime message.
        var imported = OnnxImporter.Import(bytes, source);
        return new LstmOnnxModel(bytes, metadata, network, imported.Vocabulary);
    }

    private static void Expect(string source, string what, string? found, string expected)
    {
        if (found != expected)
            throw new InvalidDataException($"{source} names its {what} '{found}'; Lstm.MLNet's text variant names it '{expected}'.");
    }
}
