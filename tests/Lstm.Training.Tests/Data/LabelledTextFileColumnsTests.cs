using Lstm.Training.Data;

namespace Lstm.Training.Tests.Data;

/// <summary><see cref="LabelledTextFileOptions"/>: label and text in other columns, by index or header name (issue 10).</summary>
public sealed class LabelledTextFileColumnsTests : IDisposable
{
    private static readonly LabelledTextFileOptions TextFirst = new() { TextColumn = "1", LabelColumn = "2" };

    private readonly string _folder = Directory.CreateTempSubdirectory("labelled-text-columns-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private InvalidDataException Refused(string name, string content, LabelledTextFileOptions options) =>
        Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(Write(name, content), options));

    [Fact]
    public void Reads_text_then_label_without_header_as_in_the_MLNet_sentiment_tutorial()
    {
        // yelp_labelled.txt: sentence, tab, 0 or 1; no header.
        var rows = LabelledTextFile.Read(Write("yelp_labelled.txt", "Wow... Loved this place.\t1\nCrust is not good.\t0\n\nNot tasty and the texture was just nasty.\t0\n"), TextFirst);
        Assert.Equal(
            [new LabelledText("Wow... Loved this place.", true, null, "yelp_labelled.txt:1"), new LabelledText("Crust is not good.", false, null, "yelp_labelled.txt:2"),
             new LabelledText("Not tasty and the texture was just nasty.", false, null, "yelp_labelled.txt:4")],
            rows);
    }

    [Fact]
    public void Reads_text_then_label_with_a_header_detected_from_the_label_column()
    {
        var rows = LabelledTextFile.Read(Write("reviews.tsv", "review\tsentiment\r\nfine\tpos\r\nnot fine\tneg\r\n"), TextFirst);
        Assert.Equal(["fine", "not fine"], rows.Select(r => r.Text));
        Assert.Equal([true, false], rows.Select(r => r.Label));
        Assert.Equal(["reviews.tsv:2", "reviews.tsv:3"], rows.Select(r => r.Source));
    }

    [Fact]
    public void The_default_options_read_as_the_parameterless_overload()
    {
        string path = Write("reviews.tsv", "label\ttext\n1\ta\n0\tb\n");
        Assert.Equal(LabelledTextFile.Read(path), LabelledTextFile.Read(path, new LabelledTextFileOptions()));
        Assert.True(LabelledTextFileOptions.Default.IsDefault);
        Assert.False(TextFirst.IsDefault);
    }

    [Theory]
    [InlineData("sentiment", "review")]
    [InlineData("Sentiment", " REVIEW")]
    [InlineData("4", "review")]
    [InlineData("sentiment", "2")]
    public void Named_columns_may_come_with_other_columns_in_any_order(string label, string text)
    {
        string content = "id, review ,stars,sentiment\n7,\"Great, really \"\"great\"\" film\",5,pos\n8,\"two\nlines, with commas\",1,negative\n9,,3,1\n";
        var rows = LabelledTextFile.Read(Write("reviews.csv", content), new LabelledTextFileOptions { LabelColumn = label, TextColumn = text });
        Assert.Equal(["Great, really \"great\" film", "two\nlines, with commas", ""], rows.Select(r => r.Text));
        Assert.Equal([true, false, true], rows.Select(r => r.Label));
        Assert.Equal(["reviews.csv:2", "reviews.csv:3", "reviews.csv:5"], rows.Select(r => r.Source));
    }

    [Fact]
    public void Csv_text_first_without_header_keeps_quoted_commas_quotes_and_line_breaks()
    {
        string content = "\"Great, really \"\"great\"\" movie\",1\n\"line one,\nline two\",0\nplain, unquoted,1\n";
        var error = Refused("reviews.csv", content, TextFirst);
        // An unquoted comma in the text is a third column, named as today's layout names it.
        Assert.Equal("reviews.csv line 4, column 3: expected 2 columns (text, label) separated by a comma, found 3.", error.Message);

        var rows = LabelledTextFile.Read(Write("reviews.csv", content.Replace("plain, unquoted", "\"plain, quoted\"", StringComparison.Ordinal)), TextFirst);
        Assert.Equal(["Great, really \"great\" movie", "line one,\nline two", "plain, quoted"], rows.Select(r => r.Text));
        Assert.Equal([true, false, true], rows.Select(r => r.Label));
        Assert.Equal(["reviews.csv:1", "reviews.csv:2", "reviews.csv:4"], rows.Select(r => r.Source));
    }

    [Fact]
    public void Digits_are_a_header_name_when_the_header_has_that_name()
    {
        // The header's column "2" is column 1; the text column "2" names it, the label column is the named "label".
        var rows = LabelledTextFile.Read(Write("reviews.csv", "2,other,label\nthe text,x,1\n"), new LabelledTextFileOptions { LabelColumn = "label", TextColumn = "2" });
        Assert.Equal("the text", Assert.Single(rows).Text);
    }

    [Fact]
    public void A_label_at_a_larger_index_leaves_the_columns_between_unread()
    {
        var rows = LabelledTextFile.Read(Write("reviews.tsv", "text\tid\tlabel\nok\t1\tpos\n"), new LabelledTextFileOptions { LabelColumn = "3", TextColumn = "1" });
        Assert.Equal(new LabelledText("ok", true, null, "reviews.tsv:2"), Assert.Single(rows));
    }

    [Fact]
    public void A_named_column_missing_from_the_header_is_named_with_the_header()
    {
        var error = Refused("reviews.csv", "\nid,text,label\n1,a,1\n", new LabelledTextFileOptions { LabelColumn = "sentiment", TextColumn = "text" });
        Assert.Equal("reviews.csv line 2: no column named 'sentiment' for the label in the header ('id', 'text', 'label'); a column given by name makes the first line the header.", error.Message);

        var noHeader = Refused("reviews.tsv", "great\t1\n", new LabelledTextFileOptions { LabelColumn = "label", TextColumn = "1" });
        Assert.Equal("reviews.tsv line 1: no column named 'label' for the label in the header ('great', '1'); a column given by name makes the first line the header.", noHeader.Message);
    }

    [Fact]
    public void An_index_beyond_the_header_is_out_of_range()
    {
        var error = Refused("reviews.csv", "id,review,label\n1,a,1\n", new LabelledTextFileOptions { LabelColumn = "label", TextColumn = "5" });
        Assert.Equal("reviews.csv line 1, column 5: the text column 5 is out of range; the header has 3 columns ('id', 'review', 'label').", error.Message);
    }

    [Fact]
    public void An_index_beyond_a_lines_columns_names_that_line()
    {
        var onFirst = Refused("reviews.tsv", "good\t1\n", new LabelledTextFileOptions { LabelColumn = "3", TextColumn = "1" });
        Assert.Equal("reviews.tsv line 1: expected 3 columns (label in column 3, text in column 1) separated by a tab, found 2.", onFirst.Message);

        var later = Refused("reviews.tsv", "good\t1\nbad\t0\n\nno label here\n", TextFirst);
        Assert.Equal("reviews.tsv line 4: expected 2 columns (text, label) separated by a tab, found 1.", later.Message);
    }

    [Fact]
    public void Lines_with_named_columns_have_as_many_columns_as_the_header()
    {
        var options = new LabelledTextFileOptions { LabelColumn = "label", TextColumn = "text" };
        var fewer = Refused("reviews.csv", "id,text,label\n1,a,1\n2,b\n", options);
        Assert.Equal("reviews.csv line 3: expected 3 columns, as in the header on line 1, separated by a comma, found 2.", fewer.Message);
        var more = Refused("reviews.tsv", "id\ttext\tlabel\n1\ta\t1\n2\tb with\ta tab\t0\n", options);
        Assert.Equal("reviews.tsv line 3, column 4: expected 3 columns, as in the header on line 1, separated by a tab, found 4.", more.Message);
    }

    [Fact]
    public void A_bad_label_names_its_column()
    {
        var error = Refused("reviews.tsv", "good\t1\nbad\tmaybe\n", TextFirst);
        Assert.Equal("reviews.tsv line 2, column 2: expected a label (1/0, true/false, pos/neg, positive/negative), found 'maybe'.", error.Message);
        var named = Refused("reviews.csv", "text,id,label\ngood,1,1\nbad,2,\n", new LabelledTextFileOptions { LabelColumn = "label", TextColumn = "text" });
        Assert.Equal("reviews.csv line 3, column 3: expected a label (1/0, true/false, pos/neg, positive/negative), found ''.", named.Message);
    }

    [Fact]
    public void The_label_and_the_text_cannot_be_the_same_column()
    {
        var byIndex = Refused("reviews.tsv", "\ngood\t1\n", new LabelledTextFileOptions { LabelColumn = "2", TextColumn = "2" });
        Assert.Equal("reviews.tsv line 2, column 2: the label and the text are both column 2 (label column 2, text column 2); they must be different columns.", byIndex.Message);

        var byName = Refused("reviews.csv", "id,review,label\n1,a,1\n", new LabelledTextFileOptions { LabelColumn = "review", TextColumn = "Review" });
        Assert.Equal("reviews.csv line 1, column 2: the label and the text are both column 2 (label column 'review', text column 'Review'); they must be different columns.", byName.Message);

        var mixed = Refused("reviews.csv", "id,review,label\n1,a,1\n", new LabelledTextFileOptions { LabelColumn = "label", TextColumn = "3" });
        Assert.Equal("reviews.csv line 1, column 3: the label and the text are both column 3 (label column 'label', text column 3); they must be different columns.", mixed.Message);
    }

    [Fact]
    public void A_header_naming_a_column_twice_is_ambiguous()
    {
        var error = Refused("reviews.csv", "text,label,Label\na,1,0\n", new LabelledTextFileOptions { LabelColumn = "label", TextColumn = "text" });
        Assert.Equal("reviews.csv line 1: the header names 'label' twice, in columns 2 and 3; rename one of them or give the column by index.", error.Message);
    }

    [Fact]
    public void A_header_alone_has_no_rows()
    {
        var error = Refused("reviews.csv", "text,label\n", new LabelledTextFileOptions { LabelColumn = "label", TextColumn = "text" });
        Assert.Equal("reviews.csv has no rows: expected lines of label and text separated by a comma.", error.Message);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("12", true)]
    [InlineData("label", true)]
    [InlineData("2nd", true)]
    [InlineData("0", false)]
    [InlineData("00", false)]
    [InlineData("99999999999", false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData(null, false)]
    public void Columns_are_names_or_indexes_from_1(string? column, bool valid) =>
        Assert.Equal(valid, LabelledTextFileOptions.IsValidColumn(column));

    [Fact]
    public void Invalid_options_are_refused_before_the_file_is_read()
    {
        string path = Write("reviews.tsv", "1\ta\n");
        var zero = Assert.Throws<ArgumentException>(() => LabelledTextFile.Read(path, new LabelledTextFileOptions { LabelColumn = "0" }));
        Assert.StartsWith("LabelColumn must be a header name or a 1-based column index, found '0'.", zero.Message);
        var blank = Assert.Throws<ArgumentException>(() => LabelledTextFile.Read(path, new LabelledTextFileOptions { TextColumn = " " }));
        Assert.StartsWith("TextColumn must be a header name or a 1-based column index, found ' '.", blank.Message);
    }

    [Fact]
    public void Options_describe_themselves_for_messages()
    {
        Assert.Equal("label column 2, text column 1", TextFirst.ToString());
        Assert.Equal("label column 'sentiment', text column 'review'", new LabelledTextFileOptions { LabelColumn = "sentiment", TextColumn = "review" }.ToString());
    }

    [Fact]
    public void With_two_indexes_a_detected_header_naming_a_column_by_digits_means_that_column()
    {
        // The first line is a header (its label field 'sentiment' is a name); its column named "3" is column 2.
        var rows = LabelledTextFile.Read(Write("reviews.tsv", "review\t3\tsentiment\ngood film\tpos\tignored\n"), new LabelledTextFileOptions { LabelColumn = "3", TextColumn = "1" });
        Assert.Equal(new LabelledText("good film", true, null, "reviews.tsv:2"), Assert.Single(rows));

        rows = LabelledTextFile.Read(Write("reviews.tsv", "label\t3\tnote\n1\tthe review\tx\n"), new LabelledTextFileOptions { LabelColumn = "1", TextColumn = "3" });
        Assert.Equal("the review", Assert.Single(rows).Text);

        var same = Refused("reviews.tsv", "id\tlabel\t2\n1\tpos\ttext\n", new LabelledTextFileOptions { LabelColumn = "2", TextColumn = "3" });
        Assert.Equal("reviews.tsv line 1, column 3: the label and the text are both column 3 (label column 2, text column 3); they must be different columns.", same.Message);
    }

    [Theory]
    [InlineData("_label")]
    [InlineData("is-positive")]
    [InlineData("sent.score")]
    [InlineData("my label")]
    [InlineData("Étiquette")]
    [InlineData("x123456789012345678901234567890123456789012345678901234567890123")] // 64 characters
    public void A_first_label_field_that_looks_like_a_column_name_is_a_header(string name)
    {
        var rows = LabelledTextFile.Read(Write("reviews.tsv", $"{name}\ttext\n1\tgood\n"));
        Assert.Equal("reviews.tsv:2", Assert.Single(rows).Source);
    }

    [Theory]
    [InlineData("label!")]
    [InlineData("3 stars")]
    [InlineData("x1234567890123456789012345678901234567890123456789012345678901234")] // 65 characters
    [InlineData("")]
    public void A_first_label_field_that_is_no_label_and_no_name_is_a_bad_label(string field)
    {
        var error = Refused("reviews.tsv", $"{field}\ttext\n1\tgood\n", LabelledTextFileOptions.Default);
        Assert.Equal($"reviews.tsv line 1, column 1: expected a label (1/0, true/false, pos/neg, positive/negative), found '{field}'.", error.Message);
    }

    [Fact]
    public void Long_headers_are_shortened_in_messages()
    {
        string forty = new('a', 40), fortyOne = new('b', 41);
        string[] twelve = [forty, fortyOne, .. Enumerable.Range(3, 10).Select(i => $"c{i}")];
        var error = Refused("reviews.csv", string.Join(',', twelve) + "\n1,2,3,4,5,6,7,8,9,10,11,12\n", new LabelledTextFileOptions { LabelColumn = "label", TextColumn = "c3" });
        Assert.Equal(
            $"reviews.csv line 1: no column named 'label' for the label in the header ('{forty}', '{new string('b', 40)}…', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12'); a column given by name makes the first line the header.",
            error.Message);

        var thirteen = Refused("reviews.csv", string.Join(',', twelve) + ",c13\n", new LabelledTextFileOptions { LabelColumn = "label", TextColumn = "c3" });
        Assert.Contains("'c11', 'c12', …); a column", thirteen.Message);

        var one = Refused("reviews.tsv", "text\nfine\n", new LabelledTextFileOptions { LabelColumn = "3", TextColumn = "text" });
        Assert.Equal("reviews.tsv line 1, column 3: the label column 3 is out of range; the header has 1 column ('text').", one.Message);
    }

    [Fact]
    public void Only_columns_1_and_2_written_so_are_the_default_and_signs_or_spaces_make_a_name()
    {
        Assert.False(new LabelledTextFileOptions { TextColumn = "3" }.IsDefault);
        Assert.False(new LabelledTextFileOptions { LabelColumn = "2" }.IsDefault);
        // Only ASCII digits are an index; "+1" or " 2" are header names.
        Assert.Equal("label column '+1', text column ' 2'", new LabelledTextFileOptions { LabelColumn = "+1", TextColumn = " 2" }.ToString());
    }

    [Theory]
    [InlineData("label")]
    [InlineData("labels")]
    [InlineData("class")]
    [InlineData("category")]
    [InlineData("rating")]
    [InlineData("stars")]
    [InlineData("score")]
    [InlineData("sentiment")]
    [InlineData("target")]
    [InlineData("value")]
    [InlineData("Y")]
    public void Other_labels_are_kept_as_written_after_a_header_with_a_usual_label_name(string name)
    {
        var options = new LabelledTextFileOptions { BinaryLabels = false };
        var rows = LabelledTextFile.Read(Write("reviews.tsv", $"{name}\ttext\n 4 stars \tgood\nhorror\tscary\n"), options);
        Assert.Equal([("4 stars", "good", "reviews.tsv:2"), ("horror", "scary", "reviews.tsv:3")], rows.Select(r => (r.LabelText, r.Text, r.Source)));
    }

    [Fact]
    public void Other_labels_without_a_header_start_on_line_1_and_may_not_be_empty()
    {
        var options = new LabelledTextFileOptions { BinaryLabels = false };
        // 'comedy' could be a column name, but it is not a usual label column's name: it is the first row's label.
        var rows = LabelledTextFile.Read(Write("genres.tsv", "comedy\tfunny\n7\tfine\n"), options);
        Assert.Equal(["comedy", "7"], rows.Select(r => r.LabelText));
        Assert.Equal("genres.tsv:1", rows[0].Source);

        var error = Refused("genres.tsv", "comedy\tfunny\n \tno label\n", options);
        Assert.Equal("genres.tsv line 2, column 1: the label is empty.", error.Message);
        var second = Refused("genres.tsv", "funny\tcomedy\nno label\t\n", options with { TextColumn = "1", LabelColumn = "2" });
        Assert.Equal("genres.tsv line 2, column 2: the label is empty.", second.Message);
    }
}
