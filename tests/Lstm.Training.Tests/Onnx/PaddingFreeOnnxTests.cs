using System.Diagnostics;
using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Onnx.Proto;
using Lstm.Training.Tests.Family;
using Lstm.Training.Tests.TestData;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.Onnx;

/// <summary>
/// The padding-free graph (<see cref="OnnxGraphLayout.PaddingFree"/>) gives the padded graph's probabilities under
/// ONNX Runtime, for rows of every length (empty, full, over-long, all padding), in both variants, and is read back.
/// </summary>
public sealed class PaddingFreeOnnxTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    public static TheoryData<int, int, int, ulong> Networks => new()
    {
        { 8, 6, 12, 1 },
        { 5, 16, 7, 2 },
        { 16, 3, 1, 3 },
        { 12, 24, 30, 4 },
    };

    private static (LstmClassifier Model, Vocabulary Vocabulary, string[] Words) Network(int embedding, int units, ulong seed)
    {
        var model = TestNetworks.Create(new LstmClassifierConfig { VocabularySize = 300, EmbeddingDim = embedding, Units = units }, seed);
        var words = TestNetworks.Words(300);
        return (model, Vocabulary.FromWords(words, 300), words);
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"{what}, row {i}: padded {expected[i]:R}, padding-free {actual[i]:R}");
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void TextVariant_GivesThePaddedGraphsProbabilities_ForTextsOfEveryLength(int embedding, int units, int maxLen, ulong seed)
    {
        var (model, vocabulary, words) = Network(embedding, units, seed);
        var texts = TestNetworks.Texts(words, Enumerable.Range(0, maxLen + 6).Concat([0, 3 * maxLen]), seed + 10);
        var options = new OnnxExportOptions { MaxLength = maxLen };
        using var padded = new OnnxSession(OnnxExporter.ExportToBytes(model, vocabulary, options with { Layout = OnnxGraphLayout.Padded }));
        using var free = new OnnxSession(OnnxExporter.ExportToBytes(model, vocabulary, options with { Layout = OnnxGraphLayout.PaddingFree }));

        var expected = padded.RunText(texts);
        var batch = free.RunText(texts);
        AssertClose(expected.Probabilities, batch.Probabilities, "batch");
        AssertClose(expected.Logits, batch.Logits, "batch logits");
        var reversed = free.RunText([.. texts.Reverse()]);
        AssertClose([.. expected.Probabilities.Reverse()], reversed.Probabilities, "reversed batch");
        for (int i = 0; i < texts.Length; i++)
            AssertClose([expected.Probabilities[i]], free.RunText([texts[i]]).Probabilities, $"text of {texts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length} words alone");
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void IdsVariant_GivesThePaddedGraphsProbabilities_ForEveryLength_AllPadding_AndOverLongRows(int embedding, int units, int maxLen, ulong seed)
    {
        var (model, vocabulary, words) = Network(embedding, units, seed);
        var encoder = new ReferenceTextEncoder(words, 300);
        var texts = TestNetworks.Texts(words, Enumerable.Range(0, maxLen + 6), seed + 20);
        var rows = texts.Select(t => encoder.EncodePadded(t, maxLen)).ToList();
        var random = new SeededRandom(seed);
        rows.Add(new long[maxLen]); // all padding: no real step
        var inner = new long[maxLen]; // zeros after the first real id are read as ids
        for (int t = maxLen / 2; t < maxLen; t++) inner[t] = t % 3 == 0 ? 0 : 1 + random.NextInt(299);
        rows.Add(inner);
        var options = new OnnxExportOptions { Variant = OnnxModelVariant.Ids, MaxLength = maxLen };
        using var padded = new OnnxSession(OnnxExporter.ExportToBytes(model, vocabulary, options with { Layout = OnnxGraphLayout.Padded }));
        using var free = new OnnxSession(OnnxExporter.ExportToBytes(model, vocabulary, options with { Layout = OnnxGraphLayout.PaddingFree }));

        var expected = padded.RunIds(rows);
        AssertClose(expected.Probabilities, free.RunIds(rows).Probabilities, "batch");
        for (int i = 0; i < rows.Count; i++)
            AssertClose([expected.Probabilities[i]], free.RunIds([rows[i]]).Probabilities, $"row {i} alone");
        AssertClose(padded.RunIds([new long[maxLen]]).Probabilities, free.RunIds([new long[maxLen], new long[maxLen]]).Probabilities[..1], "a batch of empty rows");

        // Rows longer than max_len (the ids variant takes any length): more leading padding than the table holds, and none.
        foreach (int extra in new[] { 1, 5 })
        {
            var longer = new List<long[]> { new long[maxLen + extra] };
            for (int k = 0; k <= maxLen + extra; k++)
            {
                var row = new long[maxLen + extra];
                for (int t = k; t < row.Length; t++) row[t] = 1 + random.NextInt(299);
                longer.Add(row);
            }
            AssertClose(padded.RunIds(longer).Probabilities, free.RunIds(longer).Probabilities, $"rows of {maxLen + extra} ids");
        }
    }

    [Theory]
    [InlineData(TaskKind.MulticlassClassification, 3)]
    [InlineData(TaskKind.Regression, 2)]
    [InlineData(TaskKind.BinaryClassification, 1)]
    public void FamilyNetworkWithOneForwardLstm_GivesThePaddedGraphsOutputs_AndIsReadBack(TaskKind task, int outputs)
    {
        // Binary with dropout recorded is still the seed's shape; multi-class and regression take the family's path.
        var spec = new NetworkSpec
        {
            VocabularySize = 300,
            EmbeddingDim = 5,
            Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.Lstm, Units = 4, Dropout = 0.2f }],
            Task = task,
            Outputs = outputs,
        };
        var network = FamilyOnnxNetworks.Create(spec, seed: 40 + (ulong)outputs);
        var words = TestNetworks.Words(300);
        var vocabulary = Vocabulary.FromWords(words, 300);
        const int maxLen = 9;
        var texts = TestNetworks.Texts(words, Enumerable.Range(0, maxLen + 6), seed: 41);
        var names = FamilyOnnxNetworks.OutputNames(spec);
        var random = new SeededRandom(42);
        var rows = FamilyOnnxNetworks.AsInt64(FamilyOnnxNetworks.PrePadded(maxLen, 300, 10, random));
        foreach (var variant in new[] { OnnxModelVariant.Text, OnnxModelVariant.Ids })
        {
            var options = new OnnxExportOptions { Variant = variant, MaxLength = maxLen };
            byte[] freeBytes = OnnxExporter.ExportToBytes(network, vocabulary, options with { Layout = OnnxGraphLayout.PaddingFree });
            using var padded = new OnnxSession(OnnxExporter.ExportToBytes(network, vocabulary, options with { Layout = OnnxGraphLayout.Padded }));
            using var free = new OnnxSession(freeBytes);
            float[][] expected = variant == OnnxModelVariant.Text ? padded.RunText(texts, names) : padded.RunIds(rows, names);
            float[][] actual = variant == OnnxModelVariant.Text ? free.RunText(texts, names) : free.RunIds(rows, names);
            for (int o = 0; o < names.Length; o++) AssertClose(expected[o], actual[o], $"{variant} {names[o]}");

            var imported = OnnxImporter.Import(freeBytes);
            Assert.True(imported.Metadata.PaddingFree);
            Assert.Equal(spec.IsClassifierShape ? 1 : 2, imported.Metadata.FormatVersion);
            Assert.Equal(freeBytes, OnnxExporter.ExportToBytes(imported.Network, imported.Vocabulary, imported.ExportOptions));
        }
    }

    [Fact]
    public void OnnxChecker_PassesTheIdsVariant()
    {
        if (OnnxCheckTool.Find() is not { } tool) return;
        var (model, vocabulary, _) = Network(8, 6, 5);
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "padding-free-ids.onnx");
        OnnxExporter.ExportToFile(model, vocabulary, new OnnxExportOptions { Variant = OnnxModelVariant.Ids, MaxLength = 40, Layout = OnnxGraphLayout.PaddingFree }, path);
        string family = Path.Combine(dir.Path, "padding-free-multiclass-ids.onnx");
        var spec = new NetworkSpec { VocabularySize = 300, EmbeddingDim = 5, Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.Lstm, Units = 4 }], Task = TaskKind.MulticlassClassification, Outputs = 3 };
        OnnxExporter.ExportToFile(FamilyOnnxNetworks.Create(spec, seed: 9), vocabulary, new OnnxExportOptions { Variant = OnnxModelVariant.Ids, MaxLength = 40, Layout = OnnxGraphLayout.PaddingFree }, family);
        var (exitCode, text) = tool.Run([path, family]);
        Assert.True(exitCode == 0, text);
        Assert.Contains($"OK   {path}", text);
        Assert.Contains($"OK   {family}", text);
    }

    [Theory]
    [InlineData(OnnxModelVariant.Text)]
    [InlineData(OnnxModelVariant.Ids)]
    public void Importer_ReadsTheLayout_AndExportsTheSameBytesAgain(OnnxModelVariant variant)
    {
        var (model, vocabulary, _) = Network(8, 6, 6);
        var options = new OnnxExportOptions { Variant = variant, MaxLength = 15, Layout = OnnxGraphLayout.PaddingFree };
        byte[] bytes = OnnxExporter.ExportToBytes(model, vocabulary, options);
        var imported = OnnxImporter.Import(bytes);
        Assert.True(imported.Metadata.PaddingFree);
        Assert.Equal(1, imported.Metadata.FormatVersion);
        Assert.Equal(OnnxGraphLayout.PaddingFree, imported.ExportOptions.Layout);
        Assert.Equal(model.Parameters.Kernel, imported.Model.Parameters.Kernel);
        Assert.Equal(bytes, OnnxExporter.ExportToBytes(imported.Network, imported.Vocabulary, imported.ExportOptions));
        var keys = ModelProto.Parser.ParseFrom(bytes).MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("padding-free", keys[OnnxMetadataKeys.Layout]);

        // The padded graph has no layout key.
        byte[] padded = OnnxExporter.ExportToBytes(model, vocabulary, options with { Layout = OnnxGraphLayout.Padded });
        Assert.DoesNotContain(ModelProto.Parser.ParseFrom(padded).MetadataProps, p => p.Key == OnnxMetadataKeys.Layout);
        Assert.False(OnnxImporter.Import(padded).Metadata.PaddingFree);
        Assert.Equal(padded, OnnxExporter.ExportToBytes(model, vocabulary, options with { Layout = OnnxGraphLayout.Padded }));
    }

    [Fact]
    public void Importer_RefusesAPaddingFreeKeyOnAPaddedGraph_AndAnUnknownLayout()
    {
        var (model, vocabulary, _) = Network(8, 6, 7);
        var proto = ModelProto.Parser.ParseFrom(OnnxExporter.ExportToBytes(model, vocabulary, new OnnxExportOptions { Variant = OnnxModelVariant.Ids, Layout = OnnxGraphLayout.Padded }));
        proto.MetadataProps.Add(new StringStringEntryProto { Key = OnnxMetadataKeys.Layout, Value = "padding-free" });
        var error = Assert.Throws<InvalidDataException>(() => OnnxImporter.Import(Google.Protobuf.MessageExtensions.ToByteArray(proto)));
        Assert.Contains("sequence_lens, initial_h, initial_c", error.Message);
        proto.MetadataProps[^1].Value = "sparse";
        error = Assert.Throws<InvalidDataException>(() => OnnxImporter.Import(Google.Protobuf.MessageExtensions.ToByteArray(proto)));
        Assert.Contains("'sparse'", error.Message);
    }

    [Fact]
    public void Export_RefusesPaddingFreeWhereItIsNotExact()
    {
        var (model, vocabulary, _) = Network(8, 6, 8);
        var post = Assert.Throws<ArgumentException>(() => OnnxExporter.ExportToBytes(model, vocabulary, new OnnxExportOptions { Layout = OnnxGraphLayout.PaddingFree, Padding = PaddingSide.Post }));
        Assert.Contains("pre-padding", post.Message);
        var spec = FamilyCases.Get("lstm-masked-last-binary").Spec;
        var family = Assert.Throws<ArgumentException>(() => OnnxExporter.ExportToBytes(FamilyOnnxNetworks.Create(spec, seed: 2), Vocabulary.FromWords(["x", "y"], spec.VocabularySize), new OnnxExportOptions { Layout = OnnxGraphLayout.PaddingFree }));
        Assert.Contains("seed's shape", family.Message);
    }

    [SkippableFact]
    public void ShippedModel_OnAllImdbTestReviews_GivesThePaddedGraphsProbabilities()
    {
        var imdb = RealImdb.LoadOrSkip();
        string path = RepositoryPaths.FindUpwards(Path.Combine("models", "imdb-lstm", "model.onnx"))!;
        byte[] freeBytes = File.ReadAllBytes(path);
        var imported = OnnxImporter.Import(freeBytes, path);
        Assert.True(imported.Metadata.PaddingFree);
        byte[] paddedBytes = OnnxExporter.ExportToBytes(imported.Network, imported.Vocabulary, imported.ExportOptions with { Layout = OnnxGraphLayout.Padded });
        Assert.Equal(freeBytes, OnnxExporter.ExportToBytes(imported.Network, imported.Vocabulary, imported.ExportOptions));
        var texts = imdb.Test.Select(r => TextNormalizer.Normalize(r.Text)).ToArray();
        var byLength = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Count(c => c == ' ')).ToArray();
        using var padded = new OnnxSession(paddedBytes);
        using var free = new OnnxSession(freeBytes);

        (float[] Probabilities, double Seconds) Score(OnnxSession session, int[] order)
        {
            var probabilities = new float[texts.Length];
            var clock = Stopwatch.StartNew();
            for (int start = 0; start < order.Length; start += 256)
            {
                var rows = order[start..Math.Min(order.Length, start + 256)];
                var result = session.RunText([.. rows.Select(i => texts[i])]);
                for (int r = 0; r < rows.Length; r++) probabilities[rows[r]] = result.Probabilities[r];
            }
            return (probabilities, clock.Elapsed.TotalSeconds);
        }

        // Sorted batches for both: the padded graph's batches then hold the same rows as the padding-free graph's, and
        // the padding-free graph's unsorted speed is the benchmarks' business, not a test's.
        var paddedRun = Score(padded, byLength);
        var freeRun = Score(free, byLength);
        double worst = 0;
        for (int i = 0; i < texts.Length; i++) worst = Math.Max(worst, Math.Abs(paddedRun.Probabilities[i] - freeRun.Probabilities[i]));
        output.WriteLine($"{texts.Length} IMDB test reviews, batch 256 sorted by length, 1 intra-op thread: max |Δp| {worst:E2}; padded {paddedRun.Seconds:F1} s, padding-free {freeRun.Seconds:F1} s");
        Assert.True(worst <= Tolerance, $"max |Δp| {worst:E2}");
    }
}
