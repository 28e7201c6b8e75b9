using Lstm.MLNet.Tests.TestData;

namespace Lstm.MLNet.Tests;

/// <summary>Keeps docs/explanations.md's "In ML.NET" section true: its example compiles and runs on the shipped IMDB model.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void TheExplanationsExampleInTheDocs_Runs()
    {
        var blocks = CSharpBlock().Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "explanations.md")))
            .Select(m => m.Groups[1].Value).Where(b => b.Contains("using Lstm.MLNet;", StringComparison.Ordinal)).ToList();
        Assert.True(blocks.Count == 1, $"docs/explanations.md should hold one ```csharp example with 'using Lstm.MLNet;'; found {blocks.Count}.");
        using var work = new TempDirectory();
        string models = Directory.CreateDirectory(Path.Combine(work.Path, "models", "imdb-lstm")).FullName;
        File.Copy(Path.Combine(RepositoryRoot(), "models", "imdb-lstm", "model.onnx"), Path.Combine(models, "model.onnx"));
        string printed = Run(blocks[0], work.Path);
        Assert.Contains("strongest: highly +", printed);
        Assert.Contains("strongest: worst -", printed);
        Assert.Contains("Not saved: The ExplainLstm transformer (columns 'Tokens', 'Attributions') cannot be saved into an ML.NET model zip", printed);
        Assert.Matches(@"\n0\.9\d\d: a\(", printed);
        Assert.True(File.Exists(Path.Combine(work.Path, "sentiment.zip")));
    }
}
