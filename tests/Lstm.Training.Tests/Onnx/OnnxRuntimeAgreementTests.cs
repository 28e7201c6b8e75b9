using Lstm.Training.Layers;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Onnx;

/// <summary>ONNX Runtime runs both exported variants and agrees with an independent double-precision forward pass.</summary>
public sealed class OnnxRuntimeAgreementTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void SmallNetwork_TextVariant_MatchesReference_Batch64AndBatch1()
    {
        var model = TestNetworks.Create(TestNetworks.Small, seed: 7);
        var words = TestNetworks.Words(300);
        const int maxLen = 20;
        var random = new SeededRandom(3);
        var lengths = TestNetworks.EdgeLengths(maxLen).Concat(Enumerable.Range(0, 54).Select(_ => random.NextInt(50)));
        var texts = TestNetworks.Texts(words, lengths, seed: 11);
        Assert.Equal(64, texts.Length);
        var encoder = new ReferenceTextEncoder(words, 300);
        var padded = texts.Select(t => encoder.EncodePadded(t, maxLen)).ToList();
        var expected = ReferenceLstmForward.Probabilities(model.Parameters, padded);

        var trainer = model.PredictProbabilities(AsInt32(padded));

        var bytes = OnnxExporter.ExportToBytes(model, Vocabulary.FromWords(words, 300), new OnnxExportOptions { MaxLength = maxLen, IncludeTokenIdsOutput = true });
        using var session = new OnnxSession(bytes);
        var batch = session.RunText(texts, tokenIds: true);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.InRange(Math.Abs(trainer[i] - expected[i]), 0, Tolerance);
            Assert.Equal(padded[i], batch.TokenIds![i]);
            Assert.InRange(Math.Abs(batch.Probabilities[i] - expected[i]), 0, Tolerance);
            Assert.InRange(Math.Abs(1 / (1 + Math.Exp(-batch.Logits[i])) - expected[i]), 0, Tolerance);
            var single = session.RunText([texts[i]], tokenIds: true);
            Assert.Equal(padded[i], single.TokenIds![0]);
            Assert.InRange(Math.Abs(single.Probabilities[0] - expected[i]), 0, Tolerance);
        }
    }

    [Fact]
    public void SmallNetwork_IdsVariant_MatchesReference()
    {
        var model = TestNetworks.Create(TestNetworks.Small, seed: 8);
        var words = TestNetworks.Words(300);
        var encoder = new ReferenceTextEncoder(words, 300);
        var texts = TestNetworks.Texts(words, TestNetworks.EdgeLengths(30).Concat(Enumerable.Range(0, 54)), seed: 12);
        var padded = texts.Select(t => encoder.EncodePadded(t, 30)).ToList();
        var expected = ReferenceLstmForward.Probabilities(model.Parameters, padded);

        using var session = new OnnxSession(OnnxExporter.ExportToBytes(model, Vocabulary.FromWords(words, 300), new OnnxExportOptions { Variant = OnnxModelVariant.Ids }));
        var batch = session.RunIds(padded);
        for (int i = 0; i < padded.Count; i++)
        {
            Assert.InRange(Math.Abs(batch.Probabilities[i] - expected[i]), 0, Tolerance);
            Assert.InRange(Math.Abs(session.RunIds([padded[i]]).Probabilities[0] - expected[i]), 0, Tolerance);
        }
    }

    [Theory]
    [InlineData(PaddingSide.Pre, PaddingSide.Pre)]
    [InlineData(PaddingSide.Pre, PaddingSide.Post)]
    [InlineData(PaddingSide.Post, PaddingSide.Pre)]
    [InlineData(PaddingSide.Post, PaddingSide.Post)]
    public void TextVariant_PadsAndTruncatesRaggedRowsPerSide(PaddingSide padding, PaddingSide truncating)
    {
        var model = TestNetworks.Create(TestNetworks.Small, seed: 9);
        var words = TestNetworks.Words(300);
        const int maxLen = 7;
        var texts = TestNetworks.Texts(words, [0, 1, 5, 6, 7, 8, 30, 2], seed: 13).ToList();
        texts.Add("  w1   w2 w3  "); // runs of spaces and edge spaces, beyond what the normaliser emits
        var encoder = new ReferenceTextEncoder(words, 300);
        var bytes = OnnxExporter.ExportToBytes(model, Vocabulary.FromWords(words, 300),
            new OnnxExportOptions { MaxLength = maxLen, Padding = padding, Truncating = truncating, IncludeTokenIdsOutput = true });
        using var session = new OnnxSession(bytes);
        var ids = session.RunText(texts, tokenIds: true).TokenIds!;
        for (int i = 0; i < texts.Count; i++)
        {
            var expected = ReferenceTextEncoder.Pad(
                [1, .. texts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => encoder.Encode(w)[1])], maxLen, padding, truncating);
            Assert.Equal(expected, ids[i]);
        }
    }

    [Fact]
    public void TextVariant_BatchOfOnlyEmptyTexts_GivesStartIdAndPadding()
    {
        var model = TestNetworks.Create(TestNetworks.Small, seed: 10);
        var words = TestNetworks.Words(300);
        using var session = new OnnxSession(OnnxExporter.ExportToBytes(model, Vocabulary.FromWords(words, 300), new OnnxExportOptions { MaxLength = 5, IncludeTokenIdsOutput = true }));
        var result = session.RunText(["", "", ""], tokenIds: true);
        var expected = ReferenceLstmForward.Probabilities(model.Parameters, [[0, 0, 0, 0, 1]]);
        foreach (var row in result.TokenIds!) Assert.Equal([0L, 0, 0, 0, 1], row);
        foreach (var p in result.Probabilities) Assert.InRange(Math.Abs(p - expected[0]), 0, Tolerance);
    }

    [Fact]
    public void SeedSizedNetwork_BothVariants_MatchReference()
    {
        var model = TestNetworks.Create(TestNetworks.SeedSized, seed: 42);
        var words = TestNetworks.Words(10_000);
        const int maxLen = 500;
        var random = new SeededRandom(5);
        var lengths = TestNetworks.EdgeLengths(maxLen).Concat(Enumerable.Range(0, 54).Select(_ => random.NextInt(800)));
        var texts = TestNetworks.Texts(words, lengths, seed: 14);
        var encoder = new ReferenceTextEncoder(words, 10_000);
        var padded = texts.Select(t => encoder.EncodePadded(t, maxLen)).ToList();
        var expected = ReferenceLstmForward.Probabilities(model.Parameters, padded);

        using var text = new OnnxSession(OnnxExporter.ExportToBytes(model, Vocabulary.FromWords(words, 10_000), new OnnxExportOptions { IncludeTokenIdsOutput = true }));
        using var ids = new OnnxSession(OnnxExporter.ExportToBytes(model, Vocabulary.FromWords(words, 10_000), new OnnxExportOptions { Variant = OnnxModelVariant.Ids }));
        var textBatch = text.RunText(texts, tokenIds: true);
        var idsBatch = ids.RunIds(padded);
        var trainer = model.PredictProbabilities(AsInt32(padded));
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.InRange(Math.Abs(trainer[i] - expected[i]), 0, Tolerance);
            Assert.Equal(padded[i], textBatch.TokenIds![i]);
            Assert.InRange(Math.Abs(textBatch.Probabilities[i] - expected[i]), 0, Tolerance);
            Assert.InRange(Math.Abs(idsBatch.Probabilities[i] - expected[i]), 0, Tolerance);
        }
        foreach (int i in new[] { 0, 5, 8, 9 })
        {
            Assert.InRange(Math.Abs(text.RunText([texts[i]]).Probabilities[0] - expected[i]), 0, Tolerance);
            Assert.InRange(Math.Abs(ids.RunIds([padded[i]]).Probabilities[0] - expected[i]), 0, Tolerance);
        }
    }

    private static int[][] AsInt32(IEnumerable<long[]> padded) => [.. padded.Select(row => row.Select(id => checked((int)id)).ToArray())];
}
