using System.IO.Compression;
using Lstm.Training.Data;
using Lstm.Training.Embeddings;
using Lstm.Training.Models;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Models;

/// <summary>Issue 12: the embedding starts from word2vec learned on the training rows (plus unlabelled texts), or from a user's vectors.</summary>
public class PretrainedEmbeddingTests
{
    private static readonly string[] Good = ["great", "wonderful", "superb", "fine"];
    private static readonly string[] Bad = ["awful", "terrible", "dull", "poor"];

    private static LabelledTexts Reviews(int count, int seed)
    {
        var random = new Random(seed);
        var texts = new List<string>();
        var labels = new List<bool>();
        for (int i = 0; i < count; i++)
        {
            bool positive = i % 2 == 0;
            string[] words = positive ? Good : Bad;
            texts.Add($"the film was {words[random.Next(4)]} and {words[random.Next(4)]} with a {words[random.Next(4)]} plot");
            labels.Add(positive);
        }
        return new LabelledTexts(texts, TextLabels.Binary(labels));
    }

    private static TextModelOptions Options(PretrainedEmbedding? pretrained, List<string>? info = null) => new()
    {
        NumWords = 40,
        MaxLength = 12,
        Network = NetworkSpec.Seed with { EmbeddingDim = 8, Recurrent = [new RecurrentLayerSpec { Units = 4 }] },
        Fit = new FitOptions { Epochs = 1, Seed = 3, MaxDegreeOfParallelism = 1 },
        PretrainedEmbedding = pretrained,
        Info = info is null ? null : info.Add,
    };

    [Fact]
    public void Word2vec_rows_are_those_word2vec_learns_from_the_training_rows_and_the_unlabelled_texts()
    {
        var data = Reviews(60, 1);
        string[] unlabelled = ["a superb and wonderful film", "a dull and poor plot", ""];
        var w2v = new Word2VecOptions { Epochs = 2, Seed = 9, Threads = 1, SubsampleThreshold = 0 };
        var info = new List<string>();
        var trainer = new TextModelTrainer(Options(new PretrainedEmbedding { Word2Vec = w2v, UnlabelledTexts = unlabelled }, info));
        var prepared = trainer.Prepare(data);
        var network = trainer.CreateNetwork(prepared);

        // Independent: word2vec run directly on the same rows, with the embedding's width.
        var vocabulary = prepared.Vectorizer.Vocabulary;
        var expected = Word2Vec.Train([.. prepared.Train.Sequences, .. unlabelled.Select(vocabulary.Encode)], 40, w2v with { Dimensions = 8 });
        var random = new SequenceNetwork(prepared.Spec, 3);
        int superb = vocabulary.GetId("superb");
        Assert.True(superb >= 4);
        for (int id = 0; id < 40; id++)
        {
            var row = network.Parameters.Embedding.AsSpan(id * 8, 8);
            Assert.True(expected.HasVector(id)
                ? row.SequenceEqual(expected.Row(id))
                : row.SequenceEqual(random.Parameters.Embedding.AsSpan(id * 8, 8)), $"row {id}");
        }
        Assert.Contains(info, m => m.StartsWith("Embedding initialised from word2vec skip-gram on the training texts and 3 unlabelled texts", StringComparison.Ordinal));

        var without = new TextModelTrainer(Options(new PretrainedEmbedding { Word2Vec = w2v }));
        var plain = without.CreateNetwork(without.Prepare(data));
        Assert.False(plain.Parameters.Embedding.AsSpan(superb * 8, 8).SequenceEqual(network.Parameters.Embedding.AsSpan(superb * 8, 8)));
    }

    [Fact]
    public void A_users_vectors_fill_the_rows_of_their_words_and_the_rest_stay_random()
    {
        var data = Reviews(40, 2);
        var vectors = new PretrainedVectors(8, [new("GREAT", [1, 2, 3, 4, 5, 6, 7, 8]), new("plot", [8, 7, 6, 5, 4, 3, 2, 1])]);
        var info = new List<string>();
        var trainer = new TextModelTrainer(Options(new PretrainedEmbedding { Vectors = vectors, VectorsSource = "mine.vec" }, info));
        var prepared = trainer.Prepare(data);
        var network = trainer.CreateNetwork(prepared);
        var vocabulary = prepared.Vectorizer.Vocabulary;
        Assert.Equal([1f, 2, 3, 4, 5, 6, 7, 8], network.Parameters.Embedding.AsSpan(vocabulary.GetId("great") * 8, 8).ToArray());
        Assert.Equal([8f, 7, 6, 5, 4, 3, 2, 1], network.Parameters.Embedding.AsSpan(vocabulary.GetId("plot") * 8, 8).ToArray());
        var random = new SequenceNetwork(prepared.Spec, 3);
        int film = vocabulary.GetId("film");
        Assert.Equal(random.Parameters.Embedding.AsSpan(film * 8, 8).ToArray(), network.Parameters.Embedding.AsSpan(film * 8, 8).ToArray());
        Assert.Contains(info, m => m.Contains("word vectors of mine.vec: 2 of", StringComparison.Ordinal));
    }

    [Fact]
    public void Vectors_of_another_width_or_two_sources_are_refused_naming_the_problem()
    {
        var vectors = new PretrainedVectors(300, [new("great", new float[300])]);
        var error = Assert.Throws<ArgumentException>(() => new TextModelTrainer(Options(new PretrainedEmbedding { Vectors = vectors, VectorsSource = "glove.txt" })));
        Assert.Contains("glove.txt have 300 dimensions but the embedding has 8", error.Message);
        Assert.Throws<ArgumentException>(() => new TextModelTrainer(Options(new PretrainedEmbedding { Vectors = vectors, Word2Vec = new Word2VecOptions() })));
        Assert.Throws<ArgumentException>(() => new TextModelTrainer(Options(new PretrainedEmbedding())));
        Assert.Throws<ArgumentException>(() => new TextModelTrainer(Options(new PretrainedEmbedding { Vectors = new PretrainedVectors(8, []), UnlabelledTexts = ["x"] })));
    }

    [Fact]
    public void Word_vectors_for_a_subword_vocabulary_are_refused_rather_than_matched_to_piece_numbers()
    {
        var vectors = new PretrainedVectors(8, [new("1999", [1, 2, 3, 4, 5, 6, 7, 8])]);
        var trainer = new TextModelTrainer(Options(new PretrainedEmbedding { Vectors = vectors, VectorsSource = "numbers.vec" }) with { Tokenizer = Lstm.Training.Text.TokenizerKind.O200kBase });
        var prepared = trainer.Prepare(Reviews(20, 3));
        Assert.True(prepared.Vectorizer.Vocabulary.IsSubword);
        var error = Assert.Throws<ArgumentException>(() => trainer.CreateNetwork(prepared));
        Assert.Contains("subword pieces", error.Message);
        Assert.Contains("--tokenizer words", error.Message);
    }

    [Fact]
    public void Unlabelled_text_files_are_read_line_by_line_gzipped_or_not_with_clear_errors()
    {
        string folder = Directory.CreateTempSubdirectory("unlabelled").FullName;
        try
        {
            string plain = Path.Combine(folder, "texts.txt");
            File.WriteAllText(plain, "first text\r\n\n  \nsecond text\n");
            Assert.Equal(["first text", "second text"], UnlabelledTextFile.Read(plain));

            string gz = Path.Combine(folder, "texts.txt.gz");
            using (var stream = new GZipStream(File.Create(gz), CompressionLevel.Fastest))
                stream.Write("한국어 리뷰\nanother\n"u8);
            Assert.Equal(["한국어 리뷰", "another"], UnlabelledTextFile.Read(gz));

            string empty = Path.Combine(folder, "empty.txt");
            File.WriteAllText(empty, "\n\n");
            Assert.Contains("holds no text", Assert.Throws<InvalidDataException>(() => UnlabelledTextFile.Read(empty)).Message);

            string broken = Path.Combine(folder, "broken.txt");
            File.WriteAllBytes(broken, [(byte)'o', (byte)'k', (byte)'\n', 0xFF, 0xFE, 0x41, (byte)'\n']);
            Assert.Contains("not valid UTF-8", Assert.Throws<InvalidDataException>(() => UnlabelledTextFile.Read(broken)).Message);

            Assert.Throws<FileNotFoundException>(() => UnlabelledTextFile.Read(Path.Combine(folder, "missing.txt")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
