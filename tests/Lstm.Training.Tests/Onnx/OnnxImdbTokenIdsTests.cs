using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Lstm.Training.Layers;
using Lstm.Training.Onnx;
using Lstm.Training.Text;

namespace Lstm.Training.Tests.Onnx;

/// <summary>
/// On all 50,000 labelled IMDB reviews, the text variant's in-graph preprocessing yields exactly the trainer's ids:
/// <see cref="TextNormalizer"/> → <see cref="Vocabulary.Encode(IReadOnlyList{string})"/> → <see cref="PadSequences"/> (pre/pre, 500).
/// </summary>
public sealed class OnnxImdbTokenIdsTests
{
    private const string ArchiveName = "aclImdb_v1_labelled.tar.gz";
    private const int MaxLength = 500;
    private const int BatchSize = 500;

    [Fact]
    public void TokenIdsFromTheGraph_EqualTheTrainersIds_OnEveryReview()
    {
        string? archive = RepositoryPaths.FindUpwards(Path.Combine("shared", "data", ArchiveName));
        if (archive is null)
        {
            Assert.False(RepositoryPaths.IsCi, $"CI=true but shared/data/{ArchiveName} was not found above {AppContext.BaseDirectory}.");
            return;
        }
        var (train, test) = ReadReviews(archive);
        Assert.Equal(25_000, train.Count);
        Assert.Equal(25_000, test.Count);
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
        // The data exercise what matters: long reviews are truncated, rare words are out of vocabulary.
        Assert.InRange(truncated, 1_000, 50_000);
        Assert.InRange(oov, 1, tokens / 5);
    }

    private static (List<string> Train, List<string> Test) ReadReviews(string archive)
    {
        var train = new List<string>();
        var test = new List<string>();
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            string[] parts = entry.Name.Split('/');
            if (entry.DataStream is null || parts.Length != 4 || parts[2] is not ("pos" or "neg") || !parts[3].EndsWith(".txt", StringComparison.Ordinal)) continue;
            using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
            (parts[1] == "train" ? train : test).Add(reader.ReadToEnd());
        }
        return (train, test);
    }
}
