using Lstm.Training.Layers;
using Lstm.Training.Onnx;
using Lstm.Training.Tests.TestData;
using Lstm.Training.Text;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.Onnx;

/// <summary>
/// On all 50,000 labelled IMDB reviews, the text variant's in-graph preprocessing yields exactly the trainer's ids:
/// <see cref="TextNormalizer"/> → <see cref="Vocabulary.Encode(IReadOnlyList{string})"/> → <see cref="PadSequences"/> (pre/pre, 500).
/// </summary>
public sealed class OnnxImdbTokenIdsTests(ITestOutputHelper output)
{
    private const int MaxLength = 500;
    private const int BatchSize = 500;

    [SkippableFact]
    public void TokenIdsFromTheGraph_EqualTheTrainersIds_OnEveryReview()
    {
        var imdb = RealImdb.LoadOrSkip(); // skipped without the archive; fails instead when CI=true
        var train = imdb.Train.Select(r => r.Text).ToArray();
        var test = imdb.Test.Select(r => r.Text).ToArray();
        Assert.Equal(25_000, train.Length);
        Assert.Equal(25_000, test.Length);
        var vocabulary = Vocabulary.BuildFromTexts(train, 10_000);
        // The ids do not depend on the network; a tiny one keeps the LSTM's share of the run negligible.
        var model = new LstmClassifier(new LstmClassifierConfig { VocabularySize = 10_000, EmbeddingDim = 2, Units = 2 }, seed: 1);
        using var session = new OnnxSession(OnnxExporter.ExportToBytes(model, vocabulary, new OnnxExportOptions { MaxLength = MaxLength, IncludeTokenIdsOutput = true }));

        var reviews = train.Concat(test).ToArray();
        var expected = new int[MaxLength];
        long tokens = 0, truncated = 0, oov = 0;
        for (int start = 0; start < reviews.Length; start += BatchSize)
        {
            var batch = reviews.AsSpan(start, Math.Min(BatchSize, reviews.Length - start)).ToArray();
            var normalised = batch.Select(TextNormalizer.Normalize).ToArray();
            var actual = session.RunTokenIds(normalised);
            for (int i = 0; i < batch.Length; i++)
            {
                var ids = vocabulary.Encode(TextNormalizer.Tokenize(batch[i]));
                PadSequences.PadInto(ids, expected);
                if (!actual[i].AsSpan().SequenceEqual(Array.ConvertAll(expected, id => (long)id)))
                    Assert.Fail($"Review {start + i}: the graph's ids differ from the trainer's.\nexpected [{string.Join(", ", expected)}]\nactual   [{string.Join(", ", actual[i])}]");
                tokens += ids.Length;
                truncated += ids.Length > MaxLength ? 1 : 0;
                oov += ids.Count(id => id == Vocabulary.OovId);
            }
        }
        output.WriteLine($"50,000 reviews: the graph's ids equal the trainer's; {truncated} truncated to {MaxLength}, {oov} of {tokens} tokens out of vocabulary.");
        // The data exercise what matters: long reviews are truncated, rare words are out of vocabulary.
        Assert.InRange(truncated, 1_000, 50_000);
        Assert.InRange(oov, 1, tokens / 5);
    }
}
