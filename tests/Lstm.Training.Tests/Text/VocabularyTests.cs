using System.Text.Json;
using Lstm.Training.Text;

namespace Lstm.Training.Tests.Text;

public sealed class VocabularyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vocabulary-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // Counts: the 3; a, cat, dog, sat 2 each; and, mat, on 1 each.
    // Ranks (count descending, ties in ordinal order): the, a, cat, dog, sat, and, mat, on → ids 4..11.
    private static readonly string[][] Corpus =
    [
        ["the", "cat", "sat", "on", "the", "mat"],
        ["the", "dog", "sat"],
        ["a", "cat", "and", "a", "dog"],
    ];

    [Fact]
    public void Ids_follow_frequency_rank_plus_three_with_ordinal_tie_break()
    {
        var vocabulary = Vocabulary.Build(Corpus);
        Assert.Equal(["the", "a", "cat", "dog", "sat", "and", "mat", "on"], vocabulary.Words);
        Assert.Equal(4, vocabulary.GetId("the"));
        Assert.Equal(5, vocabulary.GetId("a"));
        Assert.Equal(8, vocabulary.GetId("sat"));
        Assert.Equal(11, vocabulary.GetId("on"));
        Assert.Equal(Vocabulary.OovId, vocabulary.GetId("unseen"));
        Assert.Equal(10_000, vocabulary.NumWords);
    }

    [Fact]
    public void NumWords_keeps_only_ids_below_it()
    {
        var vocabulary = Vocabulary.Build(Corpus, numWords: 10);
        Assert.Equal(["the", "a", "cat", "dog", "sat", "and"], vocabulary.Words); // ids 4..9
        Assert.Equal(9, vocabulary.GetId("and"));
        Assert.Equal(2, vocabulary.GetId("mat")); // would be id 10
        Assert.Equal(2, vocabulary.GetId("on"));
        Assert.Equal(10, vocabulary.NumWords);
    }

    [Fact]
    public void Encode_puts_the_start_id_first_and_maps_unknown_words_to_oov()
    {
        var vocabulary = Vocabulary.Build(Corpus, numWords: 10);
        // the cat sat on the mat → start, 4, 6, 8, oov, 4, oov
        Assert.Equal([1, 4, 6, 8, 2, 4, 2], vocabulary.Encode(Corpus[0]));
        Assert.Equal([1], vocabulary.Encode(Array.Empty<string>()));
        Assert.Equal([1, 4, 6, 8, 2, 4, 2], vocabulary.Encode("The CAT sat... on<br />the mat!"));
        Assert.Equal([1], vocabulary.Encode(" <br /> "));
        Assert.Equal(6, vocabulary.GetId("xcatx".AsSpan(1, 3)));
    }

    [Fact]
    public void EncodePadded_pads_and_truncates_each_text_as_keras_does()
    {
        var vocabulary = Vocabulary.Build(Corpus, numWords: 10);
        string[] texts = ["The CAT sat... on<br />the mat!", "", "cat"];
        // Worked by hand: [1, 4, 6, 8, 2, 4, 2] keeps its last 5 ids; [1] and [1, 6] are padded at the front.
        Assert.Equal([[6, 8, 2, 4, 2], [0, 0, 0, 0, 1], [0, 0, 0, 1, 6]], vocabulary.EncodePadded(texts, 5));
        Assert.Equal([[1, 4, 6, 8, 2], [1, 0, 0, 0, 0], [1, 6, 0, 0, 0]], vocabulary.EncodePadded(texts, 5, PaddingSide.Post, PaddingSide.Post));
    }

    [Fact]
    public void Ties_use_ordinal_order_not_culture_order()
    {
        // Ordinal: "Zeta" (Z = 90) sorts before "alpha" (a = 97); culture-aware comparison would put alpha first.
        var vocabulary = Vocabulary.Build([["alpha", "Zeta"], ["Zeta", "alpha"]]);
        Assert.Equal(["Zeta", "alpha"], vocabulary.Words);
    }

    [Fact]
    public void Ranking_does_not_depend_on_input_order()
    {
        var forward = Vocabulary.Build(Corpus);
        var backward = Vocabulary.Build(Corpus.Reverse().Select(t => t.Reverse().ToArray()));
        Assert.Equal(forward.Words, backward.Words);
    }

    [Fact]
    public void BuildFromTexts_equals_Build_of_the_tokenized_texts()
    {
        string[] texts = ["The cat sat on the mat.", "The DOG sat<br />", "A cat, and a dog!", "don't, don't stop", ""];
        var fromTexts = Vocabulary.BuildFromTexts(texts, numWords: 12);
        var fromTokens = Vocabulary.Build(texts.Select(TextNormalizer.Tokenize), numWords: 12);
        Assert.Equal(fromTokens.Words, fromTexts.Words);
        Assert.Equal("the", fromTexts.Words[0]);
    }

    [Fact]
    public void NumWords_of_four_keeps_no_words()
    {
        var vocabulary = Vocabulary.Build(Corpus, numWords: 4);
        Assert.Empty(vocabulary.Words);
        Assert.Equal([1, 2, 2], vocabulary.Encode(["the", "cat"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(Corpus, numWords: 3));
    }

    [Fact]
    public void FromWords_numbers_words_from_four_and_drops_the_rest()
    {
        var vocabulary = Vocabulary.FromWords(["the", "and", "a", "of", "to"], numWords: 7);
        Assert.Equal(["the", "and", "a"], vocabulary.Words);
        Assert.Equal(6, vocabulary.GetId("a"));
        Assert.Equal(2, vocabulary.GetId("of"));
        var duplicate = Assert.Throws<ArgumentException>(() => Vocabulary.FromWords(["the", "and", "the"]));
        Assert.Contains("'the' appears twice", duplicate.Message);
        Assert.Throws<ArgumentException>(() => Vocabulary.FromWords(["two words"]));
        Assert.Throws<ArgumentException>(() => Vocabulary.FromWords([""]));
    }

    [Fact]
    public void Save_and_Load_round_trip_and_write_the_documented_format()
    {
        var vocabulary = Vocabulary.Build([["über", "naïve", "the"], ["the", "rock'n'roll", "한국어"]], numWords: 20);
        string path = Path.Combine(_folder, "sub", "vocabulary.json");
        vocabulary.Save(path);

        var loaded = Vocabulary.Load(path);
        Assert.Equal(vocabulary.Words, loaded.Words);
        Assert.Equal(20, loaded.NumWords);
        Assert.Equal(vocabulary.GetId("한국어"), loaded.GetId("한국어"));

        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        Assert.Equal("lstm-mlnet-vocabulary", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(20, root.GetProperty("numWords").GetInt32());
        Assert.Equal("lstm-mlnet-words", root.GetProperty("normalizer").GetString());
        Assert.Equal(1, root.GetProperty("normalizerVersion").GetInt32());
        Assert.Equal("the", root.GetProperty("words")[0].GetString());
        Assert.Contains("한국어", File.ReadAllText(path)); // written readably, not \u-escaped
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!)); // no temp file left
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("""{"format":"something-else","version":1,"numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[]}""", "expected \"format\": \"lstm-mlnet-vocabulary\"")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":3,"numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[]}""", "version 3 is not supported")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[]}""", "\"numWords\" is missing")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":"ten","normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[]}""", "\"numWords\" should be an integer")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":3,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[]}""", "at least 4")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":6,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":["a","b","c"]}""", "numWords 6 is too small for 3 words: ids run from 4 to numWords - 1, so at most 2 words fit.")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":["a","b","a"]}""", "'a' appears twice")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":["a",7]}""", "\"words\"[1] should be a string")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":10,"normalizer":"bert","normalizerVersion":1,"words":[]}""", "normaliser \"bert\" version 1")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":["a",""]}""", "Word 1 is empty.")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":["a b"]}""", "Word 0 ('a b') contains whitespace; tokens never do.")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":"a b"}""", "expected \"words\": an array of strings")]
    [InlineData("""{"version":1,"numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[]}""", "the property \"format\" is missing")]
    [InlineData("""{"format":1,"version":1,"numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[]}""", "\"format\" should be a string, found the number 1.")]
    [InlineData("""{"format":{},"version":1,"numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[]}""", "\"format\" should be a string, found an object.")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":10,"normalizer":[],"normalizerVersion":1,"words":[]}""", "\"normalizer\" should be a string, found an array.")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":"1","numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[]}""", "\"version\" should be an integer, found the string \"1\".")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":10.5,"normalizer":"lstm-mlnet-words","normalizerVersion":1,"words":[]}""", "\"numWords\" should be an integer, found the number 10.5.")]
    [InlineData("""{"format":"lstm-mlnet-vocabulary","version":1,"numWords":10,"normalizer":"lstm-mlnet-words","normalizerVersion":null,"words":[]}""", "\"normalizerVersion\" should be an integer, found null.")]
    public void Load_explains_what_is_wrong_and_names_the_file(string content, string expected)
    {
        string path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, content);
        var error = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_vocabulary_of_numWords_four_saves_and_loads()
    {
        string path = Path.Combine(_folder, "four.json");
        Vocabulary.FromWords([], numWords: 4).Save(path);
        var loaded = Vocabulary.Load(path);
        Assert.Equal(4, loaded.NumWords);
        Assert.Empty(loaded.Words);
    }

    [Fact]
    public void Every_builder_refuses_numWords_below_four_naming_it()
    {
        foreach (Func<Vocabulary> build in new Func<Vocabulary>[] { () => Vocabulary.Build(Corpus, 3), () => Vocabulary.BuildFromTexts(["the cat"], 3), () => Vocabulary.FromWords(["the"], 3) })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(build);
            Assert.Equal("numWords", error.ParamName);
            Assert.StartsWith("numWords must be at least 4: ids 0-3 are reserved.", error.Message);
        }
    }

    [Fact]
    public void Null_inputs_and_empty_tokens_are_refused_as_arguments()
    {
        var vocabulary = Vocabulary.Build(Corpus);
        Assert.Throws<ArgumentNullException>(() => Vocabulary.Build(null!));
        Assert.Throws<ArgumentNullException>(() => Vocabulary.Build([["a"], null!]));
        Assert.StartsWith("Tokens must not be null or empty.", Assert.Throws<ArgumentException>(() => Vocabulary.Build([["a", ""]])).Message);
        Assert.Throws<ArgumentNullException>(() => Vocabulary.BuildFromTexts(null!));
        Assert.Throws<ArgumentNullException>(() => Vocabulary.BuildFromTexts(["a", null!]));
        Assert.Throws<ArgumentNullException>(() => Vocabulary.FromWords(null!));
        Assert.Throws<ArgumentNullException>(() => vocabulary.Encode((IReadOnlyList<string>)null!));
        Assert.Throws<ArgumentNullException>(() => vocabulary.Encode((string)null!));
    }

    [Fact]
    public void ContentHash_is_the_documented_sha256_of_normaliser_numWords_and_words()
    {
        var vocabulary = Vocabulary.FromWords(["the", "cat"], numWords: 10);
        // Models record this hash: changing the recipe would make every saved run folder look mismatched.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("lstm-mlnet-words\n1\n10\nthe\ncat\n"u8)), vocabulary.ContentHash);
        Assert.NotEqual(vocabulary.ContentHash, Vocabulary.FromWords(["cat", "the"], numWords: 10).ContentHash);
        Assert.NotEqual(vocabulary.ContentHash, Vocabulary.FromWords(["the", "cat"], numWords: 11).ContentHash);
        Assert.NotEqual(vocabulary.ContentHash, Vocabulary.FromWords(["thecat"], numWords: 10).ContentHash);
    }
}
