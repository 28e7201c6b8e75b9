using Lstm.Cli.Commands;
using Lstm.Cli.Data;
using Lstm.Cli.Predictions;
using Lstm.Cli.Runs;
using Lstm.Training.Data;

namespace Lstm.Cli.Tests;

/// <summary>The pieces behind the commands: validation split, data source dispatch, manifest errors, predict's preview.</summary>
public class RunFilesTests
{
    private static List<LabelledText> Texts(int negatives, int positives) =>
        [.. Enumerable.Range(0, negatives + positives).Select(i => new LabelledText($"text {i}", i >= negatives, null, $"f:{i + 1}"))];

    [Fact]
    public void ValidationSplitIsStratifiedDeterministicAndKeepsOrder()
    {
        var texts = Texts(40, 60);
        var (train, validation) = ValidationSplit.Split(texts, 0.2, 42);
        Assert.Equal(80, train.Count);
        Assert.Equal((8, 12), (validation.Count(t => !t.Label), validation.Count(t => t.Label)));
        Assert.Empty(train.Intersect(validation));
        Assert.Equal(validation, ValidationSplit.Split(texts, 0.2, 42).Validation);
        Assert.NotEqual(validation, ValidationSplit.Split(texts, 0.2, 7).Validation);
        Assert.Equal(validation.OrderBy(t => texts.IndexOf(t)), validation);
        Assert.Empty(ValidationSplit.Split(texts, 0, 42).Validation);
    }

    [Fact]
    public void DataPathsAreDispatchedByWhatTheyAre()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("a.tsv"), "");
        File.WriteAllText(temp.File("b.CSV"), "");
        File.WriteAllText(temp.File("aclImdb_v1.tar.gz"), "");
        Assert.Equal(DataKind.LabelledFile, DataSource.FromPath(temp.File("a.tsv")).Kind);
        Assert.Equal(DataKind.LabelledFile, DataSource.FromPath(temp.File("b.CSV")).Kind);
        Assert.Equal(DataKind.Imdb, DataSource.FromPath(temp.File("aclImdb_v1.tar.gz")).Kind);
        Assert.Equal(DataKind.Imdb, DataSource.FromPath(temp.Path).Kind);
        var missing = Assert.Throws<FileNotFoundException>(() => DataSource.FromPath(temp.File("nope"), "--validation"));
        Assert.Contains("--validation", missing.Message);
        Assert.Contains(temp.File("nope"), missing.Message);
    }

    [Fact]
    public void AMalformedManifestNamesFileLineAndColumn()
    {
        using var temp = new TempFolder();
        string path = temp.File("training.json");
        File.WriteAllText(path, "{\n  \"format\": \"lstm-mlnet-training\",\n  \"version\": 1,\n  \"model\": [}");
        var error = Assert.Throws<InvalidDataException>(() => TrainingManifest.Load(path));
        Assert.StartsWith($"{path}:4:", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message);

        File.WriteAllText(path, "{\"format\": \"lstm-mlnet-training\", \"version\": 2}");
        Assert.Contains("version 2 is not supported", Assert.Throws<InvalidDataException>(() => TrainingManifest.Load(path)).Message);

        File.WriteAllText(path, "{\"format\": \"something-else\", \"version\": 1}");
        Assert.Contains("something-else", Assert.Throws<InvalidDataException>(() => TrainingManifest.Load(path)).Message);
    }

    [Fact]
    public void PreviewIsOneShortLine()
    {
        Assert.Equal("short review", PredictionWriter.Preview("short   review\n"));
        string preview = PredictionWriter.Preview(string.Join(' ', Enumerable.Repeat("long", 40)));
        Assert.True(preview.Length <= PredictionWriter.PreviewLength);
        Assert.EndsWith("…", preview);
        Assert.Equal("say \\\"hi\\\"", PredictionWriter.Preview("say \"hi\""));
    }
}
