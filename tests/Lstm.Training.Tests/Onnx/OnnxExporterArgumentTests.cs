using Lstm.Training.Onnx;
using Lstm.Training.Text;

namespace Lstm.Training.Tests.Onnx;

/// <summary>The exporter rejects what it cannot write faithfully, and handles edge vocabularies.</summary>
public sealed class OnnxExporterArgumentTests
{
    private static readonly Lstm.Training.Layers.LstmClassifier Model = TestNetworks.Create(TestNetworks.Small, seed: 41);

    [Fact]
    public void VocabularyLargerThanTheEmbedding_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.ExportToBytes(Model, Vocabulary.FromWords(TestNetworks.Words(400), 400)));
        Assert.Contains("num_words 400", error.Message);
        Assert.Contains("300 rows", error.Message);
    }

    [Fact]
    public void InvalidOptions_AreRejected()
    {
        var vocabulary = Vocabulary.FromWords(TestNetworks.Words(300), 300);
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxExporter.ExportToBytes(Model, vocabulary, new OnnxExportOptions { MaxLength = 0 }));
        Assert.Throws<ArgumentException>(() => OnnxExporter.ExportToBytes(Model, vocabulary, new OnnxExportOptions { Variant = OnnxModelVariant.Ids, IncludeTokenIdsOutput = true }));
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxExporter.ExportToBytes(Model, vocabulary, new OnnxExportOptions { Padding = (PaddingSide)7 }));
    }

    [Fact]
    public void SmallerVocabularyThanTheEmbedding_Works()
    {
        var words = TestNetworks.Words(300);
        var vocabulary = Vocabulary.FromWords(words, 50);
        using var session = new OnnxSession(OnnxExporter.ExportToBytes(Model, vocabulary, new OnnxExportOptions { MaxLength = 6, IncludeTokenIdsOutput = true }));
        var ids = session.RunText(["w0 w45 w46 w47 nothing"], tokenIds: true).TokenIds![0];
        Assert.Equal([1L, 4, 49, 2, 2, 2], ids); // w45 has id 49 (< num_words 50); w46, w47 and unknown words are OOV
    }

    [Fact]
    public void EmptyVocabulary_MapsEveryWordToOov()
    {
        using var session = new OnnxSession(OnnxExporter.ExportToBytes(Model, Vocabulary.FromWords([], 300), new OnnxExportOptions { MaxLength = 4, IncludeTokenIdsOutput = true }));
        Assert.Equal([1L, 2, 2, 2], session.RunText(["a b c"], tokenIds: true).TokenIds![0]);
    }

    [Fact]
    public void ExportToFile_ReplacesAnExistingFileAtomically()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "sub", "model.onnx");
        var vocabulary = Vocabulary.FromWords(TestNetworks.Words(300), 300);
        OnnxExporter.ExportToFile(Model, vocabulary, new OnnxExportOptions { Variant = OnnxModelVariant.Ids }, path);
        OnnxExporter.ExportToFile(Model, vocabulary, null, path);
        Assert.Equal(OnnxExporter.ExportToBytes(Model, vocabulary), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        using var stream = new MemoryStream();
        OnnxExporter.Export(Model, vocabulary, null, stream);
        Assert.Equal(File.ReadAllBytes(path), stream.ToArray());
    }
}
