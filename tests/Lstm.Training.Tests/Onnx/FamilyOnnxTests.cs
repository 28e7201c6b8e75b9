using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Tests.Family;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.Onnx;

/// <summary>
/// Every configuration of the model family exported to ONNX: ONNX Runtime agrees with <see cref="SequenceNetwork"/>
/// in both variants, the ids variant passes onnx.checker, and import gives back the spec and the weights bit for bit.
/// </summary>
public sealed class FamilyOnnxTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;
    private const int Steps = 7;

    public static TheoryData<string> Cases => new(FamilyCases.Names);

    /// <summary>Words w0, w1, … in rank order; with num_words 7 only w0-w2 get their own ids (4-6), the rest are OOV.</summary>
    private static readonly string[] Words = [.. Enumerable.Range(0, 12).Select(i => $"w{i}")];

    [Theory]
    [MemberData(nameof(Cases))]
    public void IdsVariant_MatchesTheNetwork_InABatchAndRowByRow(string name)
    {
        var spec = FamilyCases.Get(name).Spec;
        var network = FamilyOnnxNetworks.Create(spec, seed: 11);
        var random = new SeededRandom(21);
        var rows = FamilyOnnxNetworks.PrePadded(Steps, spec.VocabularySize, extra: 6, random);
        // A 0 inside a row: masked networks skip it wherever it stands, and so must the graph.
        rows = [.. rows, [0, 3, 5, 0, 2, 0, 6]];
        using var session = new OnnxSession(OnnxExporter.ExportToBytes(network, Vocabulary.FromWords(Words, spec.VocabularySize), new OnnxExportOptions { Variant = OnnxModelVariant.Ids }));
        var names = FamilyOnnxNetworks.OutputNames(spec);

        double batch = FamilyOnnxNetworks.MaxDifference(network, rows, session.RunIds(FamilyOnnxNetworks.AsInt64(rows), names));
        double single = rows.Max(row => FamilyOnnxNetworks.MaxDifference(network, [row], session.RunIds(FamilyOnnxNetworks.AsInt64([row]), names)));

        output.WriteLine($"{name} ids: max |ORT - C#| batch of {rows.Length} {batch:E2}, rows alone {single:E2}");
        Assert.InRange(batch, 0, Tolerance);
        Assert.InRange(single, 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryLayout_MatchesTheNetwork_AndTheDefaultSkipsPaddingOnlyWhereThatIsExact(string name)
    {
        // Each architecture gets an exact shortcut or the full computation: the table of states after k padding ids
        // holds for one unmasked forward LSTM read to its last state; a backward direction, pooling over time, a
        // second layer or another cell reads every step (a mask skips padding in either layout).
        var spec = FamilyCases.Get(name).Spec;
        bool exact = !spec.MaskZero && spec.Pooling == PoolingKind.Last && spec.Recurrent.Count == 1
            && spec.Recurrent[0].Kind == RecurrentKind.Lstm && !spec.Recurrent[0].Bidirectional;
        var network = FamilyOnnxNetworks.Create(spec, seed: 13);
        var vocabulary = Vocabulary.FromWords(Words, spec.VocabularySize);
        var rows = FamilyOnnxNetworks.PrePadded(Steps, spec.VocabularySize, extra: 6, new SeededRandom(24));
        var names = FamilyOnnxNetworks.OutputNames(spec);
        foreach (var layout in new[] { OnnxGraphLayout.Auto, OnnxGraphLayout.Padded })
        {
            byte[] bytes = OnnxExporter.ExportToBytes(network, vocabulary, new OnnxExportOptions { Variant = OnnxModelVariant.Ids, Layout = layout });
            Assert.Equal(layout == OnnxGraphLayout.Auto && exact, OnnxImporter.Import(bytes).Metadata.PaddingFree);
            using var session = new OnnxSession(bytes);
            double difference = FamilyOnnxNetworks.MaxDifference(network, rows, session.RunIds(FamilyOnnxNetworks.AsInt64(rows), names));
            output.WriteLine($"{name} {layout}: max |ORT - C#| {difference:E2}");
            Assert.InRange(difference, 0, Tolerance);
        }
        var post = OnnxExporter.ExportToBytes(network, vocabulary, new OnnxExportOptions { Padding = PaddingSide.Post });
        Assert.False(OnnxImporter.Import(post).Metadata.PaddingFree);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TextVariant_MatchesTheNetwork_PreAndPostPadded(string name)
    {
        var spec = FamilyCases.Get(name).Spec;
        var network = FamilyOnnxNetworks.Create(spec, seed: 12);
        var vocabulary = Vocabulary.FromWords(Words, spec.VocabularySize);
        var encoder = new ReferenceTextEncoder(Words, spec.VocabularySize);
        var texts = TestNetworks.Texts(Words, Enumerable.Range(0, Steps + 3).Concat([2, 4, 5]), seed: 23);
        Assert.Contains(texts, t => t.Contains("unknown", StringComparison.Ordinal));
        foreach (var padding in new[] { PaddingSide.Pre, PaddingSide.Post })
        {
            var options = new OnnxExportOptions { MaxLength = Steps, Padding = padding, IncludeTokenIdsOutput = true };
            using var session = new OnnxSession(OnnxExporter.ExportToBytes(network, vocabulary, options));
            var padded = texts.Select(t => encoder.EncodePadded(t, Steps, padding)).ToList();
            Assert.Equal(padded, session.RunTokenIds(texts));
            var rows = padded.Select(r => r.Select(id => (int)id).ToArray()).ToArray();

            double max = FamilyOnnxNetworks.MaxDifference(network, rows, session.RunText(texts, FamilyOnnxNetworks.OutputNames(spec)));

            output.WriteLine($"{name} text ({padding}-padded): max |ORT - C#| over {texts.Length} texts {max:E2}");
            Assert.InRange(max, 0, Tolerance);
        }
    }

    [Fact]
    public void BiggerBidirectionalStack_MatchesTheNetwork_BothVariants()
    {
        var spec = new NetworkSpec
        {
            VocabularySize = 300,
            EmbeddingDim = 16,
            MaskZero = true,
            Recurrent = [new RecurrentLayerSpec { Units = 12, Bidirectional = true }, new RecurrentLayerSpec { Units = 12, Bidirectional = true }],
            Pooling = PoolingKind.Max,
            Task = TaskKind.MulticlassClassification,
            Outputs = 5,
            ClassNames = ["one", "two", "three", "four", "five"],
        };
        const int steps = 40;
        var network = FamilyOnnxNetworks.Create(spec, seed: 13);
        var random = new SeededRandom(24);
        var rows = FamilyOnnxNetworks.PrePadded(steps, spec.VocabularySize, extra: 50 - (steps + 1), random);
        Assert.Equal(50, rows.Length);
        var words = TestNetworks.Words(300);
        var vocabulary = Vocabulary.FromWords(words, 300);
        using var ids = new OnnxSession(OnnxExporter.ExportToBytes(network, vocabulary, new OnnxExportOptions { Variant = OnnxModelVariant.Ids }));
        double idsMax = FamilyOnnxNetworks.MaxDifference(network, rows, ids.RunIds(FamilyOnnxNetworks.AsInt64(rows), ["logit", "probability"]));

        var texts = TestNetworks.Texts(words, Enumerable.Range(0, 50).Select(i => i == 0 ? 0 : random.NextInt(60)), seed: 25);
        var encoder = new ReferenceTextEncoder(words, 300);
        var padded = texts.Select(t => encoder.EncodePadded(t, steps).Select(id => (int)id).ToArray()).ToArray();
        using var text = new OnnxSession(OnnxExporter.ExportToBytes(network, vocabulary, new OnnxExportOptions { MaxLength = steps }));
        double textMax = FamilyOnnxNetworks.MaxDifference(network, padded, text.RunText(texts, ["logit", "probability"]));

        output.WriteLine($"{spec.Describe()}: max |ORT - C#| ids (50 rows, T={steps}) {idsMax:E2}, text {textMax:E2}");
        Assert.InRange(idsMax, 0, Tolerance);
        Assert.InRange(textMax, 0, Tolerance);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Import_GivesBackTheSpecAndEveryWeightBitForBit_AndExportsTheSameBytes(string name)
    {
        var spec = FamilyCases.Get(name).Spec;
        var network = FamilyOnnxNetworks.Create(spec, seed: 14);
        network.Parameters.Tensors[^1][0] = -0f; // signed zeros in biases survive too
        network.Parameters.Tensors[network.Parameters.KernelIndex(0, 0) + 2][1] = -0f;
        var vocabulary = Vocabulary.FromWords(Words, spec.VocabularySize);
        foreach (var options in new OnnxExportOptions[] { new() { Variant = OnnxModelVariant.Ids }, new() { MaxLength = 9, Padding = PaddingSide.Post } })
        {
            var bytes = OnnxExporter.ExportToBytes(network, vocabulary, options);
            var imported = OnnxImporter.Import(bytes, name);

            Assert.Equal(spec, imported.Network.Spec);
            Assert.Equal(spec, imported.Metadata.Network);
            // lstm-unmasked-last-binary is the seed's shape: format 1, and an LstmClassifier too.
            bool seed = spec.IsClassifierShape;
            Assert.Equal(seed ? OnnxModelMetadata.SeedFormatVersion : OnnxModelMetadata.CurrentFormatVersion, imported.Metadata.FormatVersion);
            for (int t = 0; t < network.Parameters.Tensors.Count; t++)
                Assert.True(Bits(network.Parameters.Tensors[t]).SequenceEqual(Bits(imported.Network.Parameters.Tensors[t])), $"{network.Parameters.Names[t]} differs after import");
            Assert.Equal(vocabulary.Words, imported.Vocabulary.Words);
            // The file records the layout Auto chose; exporting with that layout again gives the same bytes.
            var layout = options.WritesPaddingFree(spec) ? OnnxGraphLayout.PaddingFree : OnnxGraphLayout.Padded;
            Assert.Equal(options with { Layout = layout }, imported.ExportOptions);
            Assert.Equal(bytes, OnnxExporter.ExportToBytes(imported.Network, imported.Vocabulary, imported.ExportOptions));
            Assert.Contains(spec.Describe(), imported.ToString());
            if (seed)
            {
                Assert.Same(imported.Network.Classifier, imported.Model);
                continue;
            }
            var error = Assert.Throws<InvalidOperationException>(() => imported.Model);
            Assert.Contains(spec.Describe(), error.Message);
        }
    }

    [Fact]
    public void IdsVariant_PassesOnnxChecker_ForEveryCase()
    {
        if (OnnxCheckTool.Find() is not { } tool) return;
        using var dir = new TempDirectory();
        var paths = FamilyCases.Names.Select(name =>
        {
            var spec = FamilyCases.Get(name).Spec;
            string path = Path.Combine(dir.Path, $"{name}.onnx");
            OnnxExporter.ExportToFile(FamilyOnnxNetworks.Create(spec, seed: 15), Vocabulary.FromWords(Words, spec.VocabularySize), new OnnxExportOptions { Variant = OnnxModelVariant.Ids }, path);
            return path;
        }).ToArray();

        var (exitCode, text) = tool.Run(paths);

        Assert.True(exitCode == 0, text);
        foreach (var path in paths) Assert.Contains($"OK   {path}", text);
    }

    [Fact]
    public void SeedShapedNetwork_IsExportedAsTheClassifierIs_ByteForByte()
    {
        var classifier = TestNetworks.Create(TestNetworks.Small, seed: 16);
        var vocabulary = Vocabulary.FromWords(TestNetworks.Words(300), 300);
        var fromSpec = new SequenceNetwork(NetworkSpec.FromClassifierConfig(TestNetworks.Small), seed: 17);
        foreach (var options in new OnnxExportOptions[] { new() { Variant = OnnxModelVariant.Ids }, new() { IncludeTokenIdsOutput = true } })
        {
            Assert.Equal(OnnxExporter.ExportToBytes(classifier, vocabulary, options), OnnxExporter.ExportToBytes(SequenceNetwork.FromClassifier(classifier), vocabulary, options));
            var bytes = OnnxExporter.ExportToBytes(fromSpec, vocabulary, options);
            Assert.Equal(OnnxExporter.ExportToBytes(fromSpec.Classifier!, vocabulary, options), bytes);
            var imported = OnnxImporter.Import(bytes);
            Assert.Equal(OnnxModelMetadata.SeedFormatVersion, imported.Metadata.FormatVersion);
            Assert.Same(imported.Model, imported.Network.Classifier);
            Assert.Equal(fromSpec.Spec, imported.Network.Spec);
        }
    }

    [Fact]
    public void Metadata_RecordsTaskClassNamesAndNetwork_AndOnnxRuntimeReadsTheSameRecord()
    {
        var spec = FamilyCases.Get("gru-max-multiclass").Spec with { ClassNames = ["négatif", "neutral", "positive \"+\""] };
        var bytes = OnnxExporter.ExportToBytes(FamilyOnnxNetworks.Create(spec, seed: 18), Vocabulary.FromWords(Words, 7));
        using var session = new OnnxSession(bytes);
        var map = session.Session.ModelMetadata.CustomMetadataMap;

        Assert.Equal("2", map[OnnxMetadataKeys.FormatVersion]);
        Assert.Equal("multiclass_classification", map[OnnxMetadataKeys.Task]);
        Assert.Equal(spec.ClassNames, System.Text.Json.JsonSerializer.Deserialize<string[]>(map[OnnxMetadataKeys.ClassNames]));
        Assert.Equal(spec, SequenceNetwork.SpecFromJson(map[OnnxMetadataKeys.Network]));
        Assert.Equal("3", map[OnnxMetadataKeys.Units]);
        Assert.Equal("logit", map[OnnxMetadataKeys.LogitOutputName]);
        Assert.Equal("probability", map[OnnxMetadataKeys.ProbabilityOutputName]);
        Assert.False(map.ContainsKey(OnnxMetadataKeys.ValueOutputName));
        var metadata = OnnxModelMetadata.FromProperties(session.Session.ModelMetadata.ProducerName, map.ToDictionary(), "session");
        Assert.Equal(OnnxModelMetadata.Read(bytes), metadata);
        Assert.Equal(spec, metadata.Network);
        Assert.Equal([3L], session.Session.OutputMetadata["probability"].Dimensions.Skip(1).Select(d => (long)d));
    }

    [Fact]
    public void Metadata_OfARegressionModel_NamesOnlyTheValueOutput()
    {
        var spec = FamilyCases.Get("rnn-masked-mean-regression").Spec;
        var bytes = OnnxExporter.ExportToBytes(FamilyOnnxNetworks.Create(spec, seed: 19), Vocabulary.FromWords(Words, 7), new OnnxExportOptions { Variant = OnnxModelVariant.Ids });
        var metadata = OnnxModelMetadata.Read(bytes);
        var keys = OnnxModelParser.Parse(bytes, "regression").MetadataProps.Select(p => p.Key).ToHashSet();

        Assert.Equal("value", metadata.ValueOutputName);
        Assert.Null(metadata.LogitOutputName);
        Assert.Null(metadata.ProbabilityOutputName);
        Assert.Contains(OnnxMetadataKeys.Task, keys);
        Assert.DoesNotContain(OnnxMetadataKeys.LogitOutputName, keys);
        Assert.DoesNotContain(OnnxMetadataKeys.ClassNames, keys);
        using var session = new OnnxSession(bytes);
        Assert.Equal(["value"], session.Session.OutputNames);
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
