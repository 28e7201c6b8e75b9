using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Lstm.Cli.Tests;

/// <summary><c>lstm explain</c>: the shipped model from its run folder and its ONNX file, colour, HTML, classes and errors.</summary>
public class ExplainCommandTests
{
    private const string Review = "A moving, beautifully acted film; the best I have seen all year, though the ending is dull.";

    private static string ShippedModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return Path.Combine(dir.FullName, "models", "imdb-lstm");
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} holds Lstm.MLNet.sln.");
    }

    [Fact]
    public void The_run_folder_and_its_onnx_file_give_the_same_numbers()
    {
        string folder = ShippedModel();
        var fromFolder = LstmRunner.Run("explain", "--model", folder, "--steps", "16", Review);
        var fromOnnx = LstmRunner.Run("explain", "--model", Path.Combine(folder, "model.onnx"), "--steps", "16", Review);
        Assert.True(fromFolder.ExitCode == 0, fromFolder.ToString());
        Assert.True(fromOnnx.ExitCode == 0, fromOnnx.ToString());
        Assert.Equal(fromFolder.Output, fromOnnx.Output);

        // Redirected output is plain: every token with its number, then the completeness check and the top tokens.
        Assert.DoesNotContain('\u001b', fromFolder.Output);
        Assert.StartsWith("Text 1: positive (P(positive) 0.", fromFolder.Output);
        Assert.Matches(@"beautifully\([+-]\d\.\d{3}\)", fromFolder.Output);
        Assert.Matches(@"dull\(-\d\.\d{3}\)", fromFolder.Output);
        var completeness = Regex.Match(fromFolder.Output, @"completeness: sum of attributions ([+-]\d+\.\d+), f\(x\) - f\(baseline\) ([+-]\d+\.\d+) .*relative error (\S+)");
        Assert.True(completeness.Success, fromFolder.Output);
        Assert.True(double.Parse(completeness.Groups[3].Value, CultureInfo.InvariantCulture) < 1e-2, fromFolder.Output);
        Assert.Matches(@"most positive: \S+ \+\d\.\d{3} \(occlusion [+-]\d\.\d{3}\)", fromFolder.Output);
        Assert.Matches(@"most negative: .*dull", fromFolder.Output);
    }

    [Fact]
    public void A_terminal_gets_tokens_on_coloured_backgrounds()
    {
        var outcome = LstmRunner.Run(e => e with { OutputIsTerminal = true }, "explain", "--model", ShippedModel(), "--steps", "16", Review);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("\u001b[48;2;", outcome.Output);
        Assert.Contains("beautifully\u001b[0m", outcome.Output);
        Assert.DoesNotMatch(@"beautifully\([+-]", outcome.Output);
    }

    [Fact]
    public void The_html_page_is_self_contained_with_one_span_per_token()
    {
        using var temp = new TempFolder();
        string texts = temp.File("texts.txt"), page = temp.File("explained.html");
        File.WriteAllText(texts, Review + "\nThe worst film, a <b>waste</b> of time & money.\n");
        var outcome = LstmRunner.Run("explain", "--model", ShippedModel(), "--steps", "16", "--file", texts, "--html", page);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        string html = File.ReadAllText(page, Encoding.UTF8);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<style>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        int tokens = Regex.Matches(outcome.Output, @"\S+\([+-]\d\.\d{3}\)").Count;
        Assert.True(tokens > 20, outcome.Output);
        Assert.Equal(tokens, Regex.Matches(html, "<span class=\"tok\"").Count);
        Assert.Matches("title=\"[+-]\\d\\.\\d{3} \\(occlusion [+-]\\d\\.\\d{3}\\)\">beautifully</span>", html);
        Assert.Equal(2, Regex.Matches(html, "<section>").Count);
        Assert.Equal([page], Directory.GetFiles(temp.Path, "*.html*"));
    }

    [Fact]
    public void Bad_requests_fail_with_a_clear_message()
    {
        string model = ShippedModel();
        var punctuation = LstmRunner.Run("explain", "--model", model, "...");
        Assert.Equal(ExitCodes.UserError, punctuation.ExitCode);
        Assert.Contains("text 1 has no tokens", punctuation.Error);
        var none = LstmRunner.Run("explain", "--model", model);
        Assert.Equal(ExitCodes.UserError, none.ExitCode);
        Assert.Contains("no texts given", none.Error);
        var steps = LstmRunner.Run("explain", "--model", model, "--steps", "8", "good");
        Assert.Equal(ExitCodes.UserError, steps.ExitCode);
        Assert.Contains("--steps", steps.Error);
        var binaryClass = LstmRunner.Run("explain", "--model", model, "--class", "positive", "good");
        Assert.Equal(ExitCodes.UserError, binaryClass.ExitCode);
        Assert.Contains("--class applies to multi-class models", binaryClass.Error);
    }

    [Fact]
    public void A_multiclass_model_explains_the_predicted_or_the_named_class()
    {
        using var temp = new TempFolder();
        string data = TaskOptionsTests.WriteTopics(temp.File("topics.tsv")), run = temp.File("run");
        var train = LstmRunner.Run(["train", "--data", data, "--epochs", "20", "--max-len", "8", "--units", "8", "--embedding-dim", "8", "--num-words", "50",
            "--learning-rate", "0.02", "--dropout", "0", "--recurrent-dropout", "0", "--out", run, "--threads", "1", "--label-column", "category",
            "--bidirectional", "--mask-padding", "--pooling", "max", "--cell", "gru"]);
        Assert.True(train.ExitCode == 0, train.ToString());

        var predicted = LstmRunner.Run("explain", "--model", run, "--steps", "64", "the band played a song");
        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        Assert.Contains("explaining the logit of class music", predicted.Output);
        var named = LstmRunner.Run("explain", "--model", run, "--steps", "64", "--class", "cooking", "the band played a song");
        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Contains("explaining the logit of class cooking", named.Output);
        var unknown = LstmRunner.Run("explain", "--model", run, "--class", "chess", "the band played a song");
        Assert.Equal(ExitCodes.UserError, unknown.ExitCode);
        Assert.Contains("no class 'chess'; the model's classes are cooking, music, sports", unknown.Error);
    }
}
