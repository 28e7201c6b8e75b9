using Lstm.Training.Onnx;
using Lstm.Training.Tests.Family;
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
        Assert.Contains("The vocabulary's ids run up to 399 (num_words 400)", error.Message);
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

    public static TheoryData<OnnxExportOptions, string, string> InvalidOptionCases => new()
    {
        { new OnnxExportOptions { Variant = (OnnxModelVariant)5 }, "Variant", "Unknown ONNX model variant." },
        { new OnnxExportOptions { MaxLength = 0 }, "MaxLength", "MaxLength must be positive." },
        { new OnnxExportOptions { Padding = (PaddingSide)7 }, "Padding", "Unknown padding side." },
        { new OnnxExportOptions { Truncating = (PaddingSide)7 }, "Truncating", "Unknown truncating side." },
        { new OnnxExportOptions { Variant = OnnxModelVariant.Ids, IncludeTokenIdsOutput = true }, "IncludeTokenIdsOutput", "IncludeTokenIdsOutput applies to the text variant only" },
        { new OnnxExportOptions { NormalizerName = " " }, "NormalizerName", "NormalizerName must not be empty." },
        { new OnnxExportOptions { NormalizerVersion = 0 }, "NormalizerVersion", "NormalizerVersion must be positive." },
        { new OnnxExportOptions { NormalizerRule = null! }, "NormalizerRule", "Value cannot be null." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptionCases))]
    public void EachInvalidOption_IsNamedWithWhatIsWrong(OnnxExportOptions options, string property, string message)
    {
        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);
        Assert.Equal(property, error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void TheSmallestValidLengthAndVersion_AreAccepted()
    {
        var options = new OnnxExportOptions { MaxLength = 1, NormalizerVersion = 2, Variant = OnnxModelVariant.Ids };
        options.Validate();
        var metadata = OnnxModelMetadata.Read(OnnxExporter.ExportToBytes(Model, Vocabulary.FromWords(TestNetworks.Words(300), 300), options));
        Assert.Equal((1, 2), (metadata.MaxLength, metadata.NormalizerVersion));
    }

    [Fact]
    public void StreamAndFileExports_WriteTheOptionsGiven()
    {
        using var dir = new TempDirectory();
        var options = new OnnxExportOptions { Variant = OnnxModelVariant.Ids, MaxLength = 7, Padding = PaddingSide.Post };
        var vocabulary = Vocabulary.FromWords(TestNetworks.Words(300), 300);
        byte[] expected = OnnxExporter.ExportToBytes(Model, vocabulary, options);
        Assert.Equal((OnnxModelVariant.Ids, 7, PaddingSide.Post), Summary(expected));
        using (var stream = new MemoryStream())
        {
            OnnxExporter.Export(Model, vocabulary, options, stream);
            Assert.Equal(expected, stream.ToArray());
        }
        OnnxExporter.ExportToFile(Model, vocabulary, options, Path.Combine(dir.Path, "classifier.onnx"));
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(dir.Path, "classifier.onnx")));

        var spec = FamilyCases.Get("bigru-lstm-masked-max-multiclass").Spec;
        var network = FamilyOnnxNetworks.Create(spec, seed: 5);
        var familyVocabulary = Vocabulary.FromWords(["x", "y"], spec.VocabularySize);
        byte[] family = OnnxExporter.ExportToBytes(network, familyVocabulary, options);
        Assert.Equal((OnnxModelVariant.Ids, 7, PaddingSide.Post), Summary(family));
        using (var stream = new MemoryStream())
        {
            OnnxExporter.Export(network, familyVocabulary, options, stream);
            Assert.Equal(family, stream.ToArray());
        }
        OnnxExporter.ExportToFile(network, familyVocabulary, options, Path.Combine(dir.Path, "family.onnx"));
        Assert.Equal(family, File.ReadAllBytes(Path.Combine(dir.Path, "family.onnx")));

        static (OnnxModelVariant, int, PaddingSide) Summary(byte[] model)
        {
            var metadata = OnnxModelMetadata.Read(model);
            return (metadata.Variant, metadata.MaxLength, metadata.Padding);
        }
    }
}
