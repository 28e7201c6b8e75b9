using System.Reflection;
using System.Text.RegularExpressions;
using Lstm.MLNet.Tests.TestData;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests;

/// <summary>
/// Keeps README.md true: every C# block compiles as a console program would (implicit usings, references to
/// Lstm.MLNet and its dependencies), and the "Use it in ML.NET" examples (binary, multi-class, regression) also run in a fresh directory. In the non-parallel collection because it sets the
/// process's current directory and console output.
/// </summary>
[Collection(nameof(TempFileTests))]
public sealed partial class ReadmeExampleTests(ITestOutputHelper output)
{
    private static readonly string[] ConsoleImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static IReadOnlyList<string> CSharpBlocks()
    {
        string markdown = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        return CSharpBlock().Matches(markdown).Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public void EveryCSharpBlockInTheReadme_Compiles()
    {
        var blocks = CSharpBlocks();
        Assert.True(blocks.Count >= 2, $"README.md should hold the trainer and ML.NET examples as ```csharp blocks; found {blocks.Count}.");
        foreach (string block in blocks) Compile(block);
    }

    [Fact]
    public void TheMLNetExampleInTheReadme_Runs()
    {
        using var work = new TempDirectory();
        string printed = Run(Example("BinaryClassification.Trainers.Lstm"), work.Path);
        Assert.Contains("Epoch 1/", printed);
        Assert.Matches(@"Accuracy: \d", printed);
        Assert.Contains("Positive: True", printed);
        Assert.True(File.Exists(Path.Combine(work.Path, "sentiment.zip")));
    }

    [Fact]
    public void TheMulticlassExampleInTheReadme_Runs()
    {
        using var work = new TempDirectory();
        string printed = Run(Example("MulticlassClassification.Trainers.Lstm"), work.Path);
        var accuracy = Regex.Match(printed, @"Micro-accuracy: (\d\.\d+)");
        Assert.True(accuracy.Success, printed);
        Assert.InRange(double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0.9, 1.0);
        Assert.Contains("Topic: music", printed);
    }

    [Fact]
    public void TheRegressionExampleInTheReadme_Runs()
    {
        using var work = new TempDirectory();
        string printed = Run(Example("Regression.Trainers.Lstm"), work.Path);
        var r2 = Regex.Match(printed, @"R-squared: (-?\d\.\d+)");
        Assert.True(r2.Success, printed);
        Assert.InRange(double.Parse(r2.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0.9, 1.0);
    }

    /// <summary>The one ML.NET example (a block with <c>using Lstm.MLNet;</c>) that calls <paramref name="trainer"/>.</summary>
    private static string Example(string trainer)
    {
        var examples = CSharpBlocks().Where(b => b.Contains("using Lstm.MLNet;", StringComparison.Ordinal) && b.Contains($".{trainer}(", StringComparison.Ordinal)).ToList();
        Assert.True(examples.Count == 1, $"README.md should hold exactly one ML.NET example (a ```csharp block with 'using Lstm.MLNet;') calling {trainer}; found {examples.Count}.");
        return examples[0];
    }

    [Theory]
    [InlineData("src/Lstm.Training/README.md", @"loss \d\.\d{3}, p\(positive\) \d\.\d{3}", "model.onnx")]
    [InlineData("src/Lstm.MLNet/README.md", @"^\d\.\d+", "sentiment.zip")]
    public void ThePackageReadmeExample_Runs(string readme, string printedPattern, string writtenFile)
    {
        var blocks = CSharpBlock().Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), readme))).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count == 1, $"{readme} should hold one ```csharp example; found {blocks.Count}.");
        using var work = new TempDirectory();
        string printed = Run(blocks[0], work.Path);
        Assert.Matches(printedPattern, printed.Trim());
        Assert.True(File.Exists(Path.Combine(work.Path, writtenFile)), $"{readme}'s example did not write {writtenFile}");
    }

    /// <summary>Compiles and runs <paramref name="code"/> in <paramref name="directory"/>, returning what it printed.</summary>
    private string Run(string code, string directory)
    {
        var assembly = Compile(code);
        string current = Environment.CurrentDirectory;
        var console = Console.Out;
        using var captured = new StringWriter();
        try
        {
            Environment.CurrentDirectory = directory;
            Console.SetOut(captured);
            var entry = assembly.EntryPoint!;
            entry.Invoke(null, entry.GetParameters().Length == 0 ? [] : [Array.Empty<string>()]);
        }
        finally
        {
            Console.SetOut(console);
            Environment.CurrentDirectory = current;
        }
        string printed = captured.ToString();
        output.WriteLine(printed);
        return printed;
    }

    private static Assembly Compile(string code)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var usings = CSharpSyntaxTree.ParseText(string.Concat(ConsoleImplicitUsings.Select(u => $"global using global::{u};\n")), parse);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => !Path.GetFileName(p).StartsWith("Lstm.MLNet.Tests", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("DocsExample", [usings, CSharpSyntaxTree.ParseText(code, parse)], references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(result.Success && problems.Length == 0, "The example does not compile cleanly:\n" + string.Join("\n", problems.Select(d => d.ToString())));
        return Assembly.Load(image.ToArray());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} holds Lstm.MLNet.sln.");
    }

    [GeneratedRegex(@"```csharp\r?\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
