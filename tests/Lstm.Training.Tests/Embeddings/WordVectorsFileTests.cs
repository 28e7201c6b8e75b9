using System.IO.Compression;
using System.Text;
using Lstm.Training.Embeddings;

namespace Lstm.Training.Tests.Embeddings;

public sealed class WordVectorsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("w2v-file-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static PretrainedVectors Parse(string text, int? maxWords = null) => WordVectorsFile.Read(new StringReader(text), "v.txt", maxWords);

    private static InvalidDataException Bad(string text) => Assert.Throws<InvalidDataException>(() => Parse(text));

    [Fact]
    public void Reads_word2vec_text_with_a_header_and_trailing_spaces()
    {
        // The C code writes "word v1 v2 ... vd " with a trailing space.
        var vectors = WordVectorsFile.Read(Write("w.vec", "3 2\nthe 0.5 -1 \nof 1e-3 2.5 \nfilm -0.25 0 \n"));
        Assert.Equal(2, vectors.Dimensions);
        Assert.Equal(3, vectors.Count);
        Assert.Equal([0.5f, -1f], vectors["the"]);
        Assert.Equal([0.001f, 2.5f], vectors["of"]);
        Assert.Equal(["the", "of", "film"], vectors.Keys);
        Assert.Equal(0, vectors.DuplicateWords);
    }

    [Fact]
    public void Reads_glove_text_without_a_header()
    {
        var vectors = Parse("the 0.1 0.2 0.3\nfilm 1 2 3\n, 4 5 6");
        Assert.Equal(3, vectors.Dimensions);
        Assert.Equal(3, vectors.Count);
        Assert.Equal([4f, 5f, 6f], vectors[","]);
    }

    [Fact]
    public void Reads_crlf_a_bom_tabs_blank_lines_and_utf8_words()
    {
        string path = Path.Combine(_folder, "crlf.txt");
        File.WriteAllText(path, "2 3\r\nüber 1 2 3\r\n\r\n한국어\t4\t5\t6\r\n", new UTF8Encoding(true));
        var vectors = WordVectorsFile.Read(path);
        Assert.Equal([1f, 2f, 3f], vectors["über"]);
        Assert.Equal([4f, 5f, 6f], vectors["한국어"]);
        Assert.DoesNotContain(vectors.Keys, k => k.Contains('\r') || k.Contains('\uFEFF'));
    }

    [Fact]
    public void Reads_gzip_files()
    {
        string path = Path.Combine(_folder, "v.txt.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("a 1 2\nb 3 4\n"));
        }
        Assert.Equal([3f, 4f], WordVectorsFile.Read(path)["b"]);
    }

    [Fact]
    public void Duplicate_words_keep_the_first_vector_and_are_counted()
    {
        var vectors = Parse("a 1 2\nb 3 4\na 5 6\na 7 8");
        Assert.Equal(2, vectors.Count);
        Assert.Equal([1f, 2f], vectors["a"]);
        Assert.Equal(2, vectors.DuplicateWords);
    }

    [Fact]
    public void Max_words_reads_only_the_first_lines()
    {
        var vectors = Parse("3 1\na 1\nb 2\nc 3", maxWords: 2);
        Assert.Equal(["a", "b"], vectors.Keys);
    }

    [Fact]
    public void Wrong_field_counts_name_the_line()
    {
        var e = Bad("a 1 2\nb 3 4\nc 5\n");
        Assert.Contains("'v.txt', line 3: 1 values after the word; expected 2 (as on the first line).", e.Message);
        e = Bad("2 2\na 1 2\nb 3 4 5\n");
        Assert.Contains("line 3: 3 values after the word; expected 2 (as the header says).", e.Message);
        e = Bad("lonely\n");
        Assert.Contains("line 1: a single field", e.Message);
    }

    [Fact]
    public void Non_numbers_name_line_field_and_column()
    {
        var e = Bad("a 1 2\nbb 3 x4\n");
        Assert.Contains("'v.txt', line 2, field 3 (column 6): 'x4' is not a number.", e.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("Infinity")]
    [InlineData("-inf")]
    [InlineData("1e39")]
    public void Non_finite_values_are_refused(string value)
    {
        var e = Bad($"a 1 2\nb 3 {value}\n");
        Assert.Contains("line 2, field 3", e.Message);
    }

    [Fact]
    public void Empty_files_and_header_only_files_are_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => WordVectorsFile.Read(Write("empty.txt", "")));
        Assert.Contains("empty.txt' holds no word vectors", e.Message);
        Assert.Contains("no word vectors", Bad("\n \n").Message);
        Assert.Contains("no word vectors (only a header)", Bad("5 3\n").Message);
        Assert.Contains("holds 0 vectors", Bad("0 3\n").Message);
    }

    [Fact]
    public void Header_count_must_match_and_dimensions_are_capped()
    {
        Assert.Contains("the header promises 3 vectors, but the file has 2", Bad("3 1\na 1\nb 2\n").Message);
        Assert.Contains("the header says 9000 dimensions", Bad("3 9000\n").Message);
        Assert.Contains("more than 8192 values", Bad("a " + string.Join(' ', Enumerable.Repeat("0", 8193))).Message);
    }

    [Fact]
    public void Absurdly_long_lines_are_refused_without_reading_them_whole()
    {
        var e = Bad("a 1\n" + new string('x', WordVectorsFile.MaxLineLength + 1) + " 1\n");
        Assert.Contains("line 2: longer than 1,000,000 characters", e.Message);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        string path = Path.Combine(_folder, "latin1.txt");
        File.WriteAllBytes(path, [.. "a 1\n"u8, 0xFC, .. "ber 2\n"u8]);
        var e = Assert.Throws<InvalidDataException>(() => WordVectorsFile.Read(path));
        Assert.Contains("not valid UTF-8", e.Message);
    }

    [Fact]
    public void Missing_files_are_reported()
    {
        Assert.Throws<FileNotFoundException>(() => WordVectorsFile.Read(Path.Combine(_folder, "none.txt")));
    }

    [Fact]
    public void Vectors_built_in_code_are_validated()
    {
        var ok = new PretrainedVectors(2, [new("a", [1f, 2f])]);
        Assert.Single(ok);
        Assert.Throws<ArgumentException>(() => new PretrainedVectors(2, [new("a", [1f])]));
        Assert.Throws<ArgumentException>(() => new PretrainedVectors(2, [new("a", [1f, float.NaN])]));
        Assert.Throws<ArgumentException>(() => new PretrainedVectors(2, [new("a", [1f, 2f]), new("a", [1f, 2f])]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PretrainedVectors(0, []));
    }
}
