using Lstm.Training.Data;

namespace Lstm.Training.Tests.Data;

public sealed class LabelledTextFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("labelled-text-file-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Reads_tsv_without_header()
    {
        var rows = LabelledTextFile.Read(Write("reviews.tsv", "1\tGreat movie, \"really\".\n0\tBad one<br />\n"));
        Assert.Equal(
            [new LabelledText("Great movie, \"really\".", true, null, "reviews.tsv:1"), new LabelledText("Bad one<br />", false, null, "reviews.tsv:2")],
            rows);
    }

    [Fact]
    public void Reads_tsv_with_header_crlf_blank_lines_and_every_label_spelling()
    {
        string content = "sentiment\treview\r\n1\ta\r\n\r\n0\tb\r\nTRUE\tc\r\nfalse\td\r\nPos\te\r\nneg\tf\r\n Positive \tg\r\nNEGATIVE\th";
        var rows = LabelledTextFile.Read(Write("reviews.txt", content));
        Assert.Equal([true, false, true, false, true, false, true, false], rows.Select(r => r.Label));
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h"], rows.Select(r => r.Text));
        Assert.Equal(["reviews.txt:2", "reviews.txt:4"], rows.Take(2).Select(r => r.Source));
    }

    [Fact]
    public void Reads_csv_with_quotes_doubled_quotes_and_newlines_inside_quotes()
    {
        string content = "label,text\n1,\"Great, really \"\"great\"\" movie\"\n0,\"line one\nline two\"\n1,plain text with a \"quote\" inside\n0,\"\"\n";
        var rows = LabelledTextFile.Read(Write("reviews.csv", content));
        Assert.Equal(["Great, really \"great\" movie", "line one\nline two", "plain text with a \"quote\" inside", ""], rows.Select(r => r.Text));
        Assert.Equal(["reviews.csv:2", "reviews.csv:3", "reviews.csv:5", "reviews.csv:6"], rows.Select(r => r.Source));
    }

    [Fact]
    public void Reads_csv_without_header()
    {
        var rows = LabelledTextFile.Read(Write("reviews.csv", "pos,fine\r\nneg,\"not, fine\""));
        Assert.Equal([true, false], rows.Select(r => r.Label));
        Assert.Equal("not, fine", rows[1].Text);
    }

    [Fact]
    public void A_bad_label_names_file_line_and_column()
    {
        string content = "label,text\n1,a\n0,\"two\nlines\"\nmaybe,c\n";
        var error = Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(Write("reviews.csv", content)));
        Assert.Equal("reviews.csv line 5, column 1: expected a label (1/0, true/false, pos/neg, positive/negative), found 'maybe'.", error.Message);
    }

    [Fact]
    public void Only_the_first_row_can_be_a_header()
    {
        var error = Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(Write("reviews.tsv", "label\ttext\nlabel\ttext\n")));
        Assert.StartsWith("reviews.tsv line 2, column 1: expected a label", error.Message);
    }

    [Fact]
    public void Wrong_column_counts_are_named()
    {
        var extra = Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(Write("reviews.tsv", "1\tok\n0\ttext\twith a tab\n")));
        Assert.Equal("reviews.tsv line 2, column 3: expected 2 columns (label, text) separated by a tab, found 3.", extra.Message);
        var missing = Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(Write("reviews.csv", "1,ok\n0\n")));
        Assert.Equal("reviews.csv line 2: expected 2 columns (label, text) separated by a comma, found 1.", missing.Message);
    }

    [Fact]
    public void An_unterminated_quote_names_the_line_where_it_started()
    {
        var error = Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(Write("reviews.csv", "1,ok\n0,\"never closed\nmore\nand more\n")));
        Assert.StartsWith("reviews.csv line 2, column 2: the quoted field that starts here is never closed", error.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(Write("reviews.csv", "1,\"quoted\" tail\n")));
        Assert.StartsWith("reviews.csv line 1, column 2: expected ',' or the end of the line after the closing quote", error.Message);
    }

    [Fact]
    public void Empty_files_and_unknown_extensions_are_refused()
    {
        Assert.Contains("has no rows", Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(Write("empty.tsv", "\n\n"))).Message);
        Assert.Contains("has no rows", Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(Write("header.csv", "label,text\n"))).Message);
        string json = Write("reviews.json", "[]");
        var error = Assert.Throws<ArgumentException>(() => LabelledTextFile.Read(json));
        Assert.StartsWith($"'{json}': expected a .tsv, .txt (tab-separated) or .csv (comma-separated) file of label and text.", error.Message);
        Assert.Throws<ArgumentNullException>(() => LabelledTextFile.Read(null!));
        Assert.Throws<ArgumentNullException>(() => LabelledTextFile.Read(json, null!));
    }

    [Fact]
    public void A_tsv_field_starting_with_a_quote_is_kept_as_it_is()
    {
        // Tab-separated files have no quoting: reviews often start with a quotation.
        var rows = LabelledTextFile.Read(Write("reviews.tsv", "1\t\"Best\" film of the year\n0\t\"\n"));
        Assert.Equal(["\"Best\" film of the year", "\""], rows.Select(r => r.Text));
    }

    [Theory]
    [InlineData("reviews.tsv", "1\ta\n0\t")]
    [InlineData("reviews.csv", "1,a\n0,")]
    [InlineData("reviews.csv", "1,a\r\n0,")]
    public void An_empty_text_on_the_last_line_without_a_line_break_is_read(string name, string content)
    {
        var rows = LabelledTextFile.Read(Write(name, content));
        Assert.Equal([("a", true), ("", false)], rows.Select(r => (r.Text, r.Label)));
        Assert.Equal($"{name}:2", rows[1].Source);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Line_numbers_count_each_line_break_once_inside_and_outside_quotes(string lineBreak)
    {
        // Old Mac (CR), Windows (CRLF) and Unix (LF) files, each ending with a line break.
        string content = string.Join(lineBreak, "label,text", "1,\"two" + lineBreak + "lines\"", "0,b", "maybe,c", "");
        var error = Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(Write("reviews.csv", content)));
        Assert.StartsWith("reviews.csv line 5, column 1: expected a label", error.Message);

        var rows = LabelledTextFile.Read(Write("reviews.tsv", string.Join(lineBreak, "1\ta", "0\tb", "")));
        Assert.Equal(["reviews.tsv:1", "reviews.tsv:2"], rows.Select(r => r.Source));
    }
}
