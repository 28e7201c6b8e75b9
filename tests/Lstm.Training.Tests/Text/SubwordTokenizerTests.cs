using System.Diagnostics;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Tests.Onnx;
using Lstm.Training.Tests.TestData;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.Text;

/// <summary>Subword pieces (o200k_base through Microsoft.ML.Tokenizers), the automatic tokenizer choice and the unknown-token share.</summary>
public sealed class SubwordTokenizerTests(ITestOutputHelper output)
{
    private static readonly string[] Korean =
    [
        "정말 재미있어요 최고의 영화",
        "너무 재미없고 지루했다 ㅠㅠ",
        "배우들 연기가 정말 좋았어요",
        "스토리가 엉성하고 지루함",
        "최고의 영화 또 보고 싶다",
        "시간 아까운 영화 별로",
    ];

    private static readonly string[] English =
    [
        "This movie was GREAT! I'd watch it again.",
        "Boring and far too long; the plot made no sense.",
        "A wonderful film with great acting.",
        "The worst film I have seen this year.",
    ];

    [Fact]
    public void KoreanText_EncodesToMappedPieces_StartingWithTheStartId()
    {
        var vocabulary = Vocabulary.BuildFromPieces(Korean, numWords: 30);
        Assert.Equal("o200k_base", vocabulary.Tokenizer);
        Assert.True(vocabulary.IsSubword);
        Assert.Equal(SubwordTokenizer.LibraryVersion, vocabulary.TokenizerVersion);
        Assert.StartsWith("2.0.", vocabulary.TokenizerVersion);
        string text = "정말 최고의 영화";
        var pieces = SubwordTokenizer.EncodePieces("o200k_base", TextNormalizer.Normalize(text));
        Assert.Equal(TextNormalizer.Normalize(text), string.Concat(pieces.Select(p => SubwordTokenizer.DecodePiece("o200k_base", p))).Normalize());
        int[] ids = vocabulary.Encode(text);
        Assert.Equal(Vocabulary.StartId, ids[0]);
        Assert.Equal(pieces.Count + 1, ids.Length);
        for (int i = 0; i < pieces.Count; i++)
        {
            int rank = vocabulary.PieceIds.ToList().IndexOf(pieces[i]);
            Assert.Equal(rank < 0 ? Vocabulary.OovId : rank + 4, ids[i + 1]);
        }
        Assert.All(ids.Skip(1), id => Assert.InRange(id, 2, 29));
        Assert.Equal(vocabulary.PieceIds.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)), vocabulary.Words);
    }

    [Fact]
    public void EnglishText_EncodesToPieces_AndWordsStayWords()
    {
        var pieces = Vocabulary.BuildFromPieces(English, numWords: 200);
        int[] ids = pieces.Encode("This movie was great");
        Assert.Equal(5, ids.Length); // start + this, movie, was, great (each one o200k piece)
        Assert.DoesNotContain(Vocabulary.OovId, ids);
        var words = Vocabulary.BuildFromTexts(English, numWords: 200);
        Assert.Equal("words", words.Tokenizer);
        Assert.False(words.IsSubword);
        Assert.Empty(words.PieceIds);
        Assert.Equal([1, words.GetId("this"), words.GetId("movie"), words.GetId("was"), words.GetId("great")], words.Encode("This movie was great"));
    }

    [Fact]
    public void Vocabulary_KeepsTheMostFrequentPieces_TiesByPieceId()
    {
        string[] texts = ["b b b a a c", "b a d"];
        var all = texts.SelectMany(t => SubwordTokenizer.EncodePieces("o200k_base", TextNormalizer.Normalize(t))).ToList();
        var counts = all.GroupBy(p => p).Select(g => (Piece: g.Key, Count: g.Count())).OrderByDescending(x => x.Count).ThenBy(x => x.Piece).ToList();
        var vocabulary = Vocabulary.BuildFromPieces(texts, numWords: 6);
        Assert.Equal(counts.Take(2).Select(c => c.Piece), vocabulary.PieceIds);
        Assert.Equal(4, vocabulary.GetPieceId(counts[0].Piece));
        Assert.Equal(5, vocabulary.GetPieceId(counts[1].Piece));
        Assert.Equal(Vocabulary.OovId, vocabulary.GetPieceId(counts[2].Piece));
    }

    [Fact]
    public void AutoChoice_PicksPiecesForKorean_AndSaysSo_WordsForEnglish()
    {
        Assert.Equal("o200k_base", TokenizerChoice.Resolve(TokenizerKind.Auto, Korean, out string? message));
        Assert.Contains("subword pieces (o200k_base, Microsoft.ML.Tokenizers 2.0.", message);
        Assert.Contains("100% of the letters of 6 training texts", message);
        Assert.Equal("words", TokenizerChoice.Resolve(TokenizerKind.Auto, English, out message));
        Assert.Null(message);
        Assert.Equal("words", TokenizerChoice.Resolve(TokenizerKind.Words, Korean, out message));
        Assert.Equal("o200k_base", TokenizerChoice.Resolve(TokenizerKind.O200kBase, English, out _));

        var infos = new List<string>();
        var options = new TextModelOptions { NumWords = 50, MaxLength = 8, Network = Tiny, Fit = new FitOptions { Epochs = 1 }, Info = infos.Add };
        var labels = TextLabels.Binary([.. Korean.Select((_, i) => i % 2 == 0)]);
        var prepared = new TextModelTrainer(options).Prepare(new LabelledTexts(Korean, labels));
        Assert.Equal("o200k_base", prepared.Vectorizer.Tokenizer);
        Assert.Equal(prepared.TokenizerNote, Assert.Single(infos));
        var english = new TextModelTrainer(options).Prepare(new LabelledTexts(English, TextLabels.Binary([true, false, true, false])));
        Assert.Equal("words", english.Vectorizer.Tokenizer);
        Assert.Single(infos);
        Assert.Null(english.TokenizerNote);
    }

    [Fact]
    public void UnknownShare_IsNearZeroForTheTrainingLanguage_AndOneForAnother()
    {
        var words = TextVectorizer.Build(English, numWords: 100, maxLength: 20);
        Assert.Equal(0, words.UnknownShare("This movie was great"));
        Assert.Equal(1, words.UnknownShare(Korean[0]));
        Assert.Equal(0.5, words.UnknownShare("great zzzunknown"));
        Assert.Equal(0, words.UnknownShare("!!!"));
        Assert.Equal((1, 2), words.Vocabulary.CountUnknown("great zzzunknown"));
        var pieces = TextVectorizer.Build(Korean, numWords: 100, maxLength: 20, "o200k_base");
        Assert.Equal(0, pieces.UnknownShare(Korean[1]));
    }

    [Fact]
    public void VocabularyFile_RoundTripsTokenizerAndMapping_WordsFilesStayVersion1()
    {
        using var dir = new TempDirectory();
        var pieces = Vocabulary.BuildFromPieces(Korean, numWords: 40);
        string path = Path.Combine(dir.Path, "pieces.json");
        pieces.Save(path);
        string json = File.ReadAllText(path);
        Assert.Contains("\"version\": 2", json);
        Assert.Contains("\"tokenizer\": \"o200k_base\"", json);
        Assert.Contains("\"tokenizerLibrary\": \"Microsoft.ML.Tokenizers\"", json);
        var loaded = Vocabulary.Load(path);
        Assert.Equal("o200k_base", loaded.Tokenizer);
        Assert.Equal(pieces.PieceIds, loaded.PieceIds);
        Assert.Equal(pieces.ContentHash, loaded.ContentHash);
        Assert.Equal(pieces.Encode(Korean[2]), loaded.Encode(Korean[2]));

        var words = Vocabulary.BuildFromTexts(English, numWords: 40);
        string wordsPath = Path.Combine(dir.Path, "words.json");
        words.Save(wordsPath);
        Assert.Contains("\"version\": 1", File.ReadAllText(wordsPath));
        Assert.DoesNotContain("tokenizer", File.ReadAllText(wordsPath));
        Assert.Equal("words", Vocabulary.Load(wordsPath).Tokenizer);
        Assert.NotEqual(Vocabulary.FromWords(pieces.Words, 40).ContentHash, pieces.ContentHash);
    }

    [Fact]
    public void OnnxFile_OfASubwordModel_IsTheIdsVariant_RoundTripsAndMatchesOnnxRuntime()
    {
        var model = TinyKoreanModel();
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "ko.onnx");
        TextModelFile.Save(model, path);
        var metadata = OnnxModelMetadata.ReadFile(path);
        Assert.Equal(OnnxModelVariant.Ids, metadata.Variant);
        Assert.Equal(3, metadata.FormatVersion);
        Assert.Equal("o200k_base", metadata.Tokenizer);
        Assert.Equal("Microsoft.ML.Tokenizers", metadata.TokenizerLibrary);
        Assert.Equal(SubwordTokenizer.LibraryVersion, metadata.TokenizerVersion);

        var loaded = TextModelFile.Load(path);
        Assert.Equal("o200k_base", loaded.Vectorizer.Tokenizer);
        Assert.Equal(model.Vectorizer.Vocabulary.PieceIds, loaded.Vectorizer.Vocabulary.PieceIds);
        Assert.Equal(model.Vectorizer.MaxLength, loaded.Vectorizer.MaxLength);
        float[] expected = model.Predict(Korean);
        Assert.Equal(expected, loaded.Predict(Korean));

        using var session = new OnnxSession(File.ReadAllBytes(path));
        var ids = model.Vectorizer.Encode(Korean).Select(row => row.Select(i => (long)i).ToArray()).ToList();
        var result = session.RunIds(ids);
        for (int i = 0; i < Korean.Length; i++) Assert.Equal(expected[i], result.Probabilities[i], 1e-5f);

        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.ExportToBytes(model.Network, model.Vectorizer.Vocabulary, new OnnxExportOptions { Variant = OnnxModelVariant.Text }));
        Assert.Contains("no text variant", error.Message);
        Assert.Contains("ids variant", error.Message);

        if (OnnxCheckTool.Find() is { } tool)
        {
            var (code, text) = tool.Run([path]);
            Assert.True(code == 0, text);
        }
    }

    [Fact]
    public void OnnxFile_OfAFamilyNetwork_WithPieces_RoundTrips()
    {
        var options = new TextModelOptions { NumWords = 60, MaxLength = 10, Tokenizer = TokenizerKind.O200kBase, Network = Tiny with { Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.Gru, Units = 4 }] }, Fit = new FitOptions { Epochs = 1, BatchSize = 4 } };
        var model = new TextModelTrainer(options).Fit(new LabelledTexts(Korean, TextLabels.Binary([.. Korean.Select((_, i) => i % 2 == 0)])));
        var loaded = TextModelFile.Load(Save(model));
        Assert.Equal("o200k_base", loaded.Vectorizer.Tokenizer);
        Assert.Equal(model.Predict(Korean), loaded.Predict(Korean));
    }

    [SkippableFact]
    public void KoreanReviews_SubwordModelLearns_OnOtherMovies_AndWordsLeaveMuchUnknown()
    {
        var (train, heldOut) = NaverReviews.SplitByMovie(NaverReviews.Balanced(NaverReviews.Read(12_000)));
        var options = new TextModelOptions
        {
            NumWords = 8_000,
            MaxLength = 60,
            Network = NetworkSpec.Seed with { EmbeddingDim = 32, Recurrent = [new RecurrentLayerSpec { Units = 32, Dropout = 0, RecurrentDropout = 0 }] },
            Fit = new FitOptions { Epochs = 3, BatchSize = 32, LearningRate = 0.005f },
        };
        var data = new LabelledTexts([.. train.Select(r => r.Text)], TextLabels.Binary([.. train.Select(r => r.Positive)]));
        var heldOutData = new LabelledTexts([.. heldOut.Select(r => r.Text)], TextLabels.Binary([.. heldOut.Select(r => r.Positive)]));
        var clock = Stopwatch.StartNew();
        var model = new TextModelTrainer(options).Fit(data);
        double seconds = clock.Elapsed.TotalSeconds;
        Assert.Equal("o200k_base", model.Vectorizer.Tokenizer);
        var evaluation = model.Evaluate(heldOutData);
        double positives = heldOut.Count(r => r.Positive) / (double)heldOut.Count;
        double piecesUnknown = heldOut.Average(r => model.Vectorizer.UnknownShare(r.Text));
        var words = TextVectorizer.Build(data.Texts, options.NumWords, options.MaxLength, "words");
        double wordsUnknown = heldOut.Average(r => words.UnknownShare(r.Text));
        output.WriteLine($"train {train.Count} reviews, held out {heldOut.Count} of other movies ({positives:P1} positive); fit {seconds:0.0}s");
        output.WriteLine($"held-out accuracy {evaluation.Accuracy:0.000}, loss {evaluation.Loss:0.000}; unknown share: pieces {piecesUnknown:0.000}, words {wordsUnknown:0.000}");
        Assert.True(evaluation.Accuracy!.Value > 0.70, $"accuracy {evaluation.Accuracy}");
        Assert.True(wordsUnknown > 0.30, $"words unknown share {wordsUnknown}");
        Assert.True(piecesUnknown < 0.05, $"pieces unknown share {piecesUnknown}");
        Assert.True(seconds < 60, $"{seconds:0.0}s");
    }

    private static readonly NetworkSpec Tiny = NetworkSpec.Seed with { EmbeddingDim = 4, Recurrent = [new RecurrentLayerSpec { Units = 4 }] };

    private static TextModel TinyKoreanModel()
    {
        var options = new TextModelOptions { NumWords = 60, MaxLength = 12, Network = Tiny, Fit = new FitOptions { Epochs = 1, BatchSize = 4 } };
        return new TextModelTrainer(options).Fit(new LabelledTexts(Korean, TextLabels.Binary([.. Korean.Select((_, i) => i % 2 == 0)])));
    }

    private static string Save(TextModel model)
    {
        string path = Path.Combine(Path.GetTempPath(), $"lstm-subword-{Guid.NewGuid():N}.onnx");
        TextModelFile.Save(model, path);
        return path;
    }
}
