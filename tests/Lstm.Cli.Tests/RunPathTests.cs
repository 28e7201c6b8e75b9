using System.Text.Json;
using Lstm.Cli.Runs;

namespace Lstm.Cli.Tests;

/// <summary>training.json records data paths relative to the run folder, so that runs move (and ship) with their data.</summary>
public class RunPathTests
{
    [Theory]
    [InlineData("/x/data/reviews.tsv", "/x/runs/run1", "../../data/reviews.tsv")]
    [InlineData("/x/runs/run1/reviews.tsv", "/x/runs/run1", "reviews.tsv")]
    [InlineData("/shared/data/a.tar.gz", "/x/models/imdb", "../../../shared/data/a.tar.gz")]
    public void RecordedPathsAreRelativeToTheRunFolderAndResolveBack(string path, string run, string recorded)
    {
        Assert.Equal(recorded, RunRelativePath.ToRecorded(path, run));
        Assert.Equal(Path.GetFullPath(path), RunRelativePath.Resolve(recorded, run));
    }

    [Fact]
    public void AnAbsolutePathFromAnOlderRunResolvesToItself() =>
        Assert.Equal(Path.GetFullPath("/data/reviews.tsv"), RunRelativePath.Resolve(Path.GetFullPath("/data/reviews.tsv"), "/elsewhere/run"));

    [Fact]
    public void ARunFolderMovedTogetherWithItsDataStillResumes()
    {
        using var temp = new TempFolder();
        string project = Path.Combine(temp.Path, "project");
        Directory.CreateDirectory(Path.Combine(project, "data"));
        string data = TinyReviews.Write(Path.Combine(project, "data", "reviews.tsv"));
        string validation = TinyReviews.Write(Path.Combine(project, "data", "validation.tsv"), count: 20, seed: 3);
        string run = Path.Combine(project, "runs", "first");
        var train = LstmRunner.Run([.. EndToEndTests.TinyTraining(data, run, epochs: 1), "--validation", validation]);
        Assert.True(train.ExitCode == 0, train.ToString());

        string json = File.ReadAllText(Path.Combine(run, RunDirectory.ManifestFile));
        Assert.DoesNotContain(temp.Path, json); // no absolute path of this machine
        var manifest = TrainingManifest.Load(Path.Combine(run, RunDirectory.ManifestFile));
        Assert.Equal(("../../data/reviews.tsv", "../../data/validation.tsv"), (manifest.Data.Path, manifest.Data.ValidationPath));
        Assert.Equal("labelled file validation.tsv", manifest.Data.Validation);

        // Another machine: the same tree elsewhere; the old location is gone.
        string moved = Path.Combine(temp.Path, "moved");
        Directory.Move(project, moved);
        string checkpoint = Path.Combine(moved, "runs", "first", RunDirectory.CheckpointFile);
        var resumed = LstmRunner.Run("train", "--resume", checkpoint, "--epochs", "2");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains($"Loading labelled file {Path.Combine(moved, "data", "reviews.tsv")}", resumed.Output);
        Assert.Matches(@"Loaded 60 training and 20 validation reviews in \d+\.\ds \(validation: labelled file validation\.tsv\)", resumed.Output);
        var after = TrainingManifest.Load(Path.Combine(moved, "runs", "first", RunDirectory.ManifestFile));
        Assert.Equal(("../../data/reviews.tsv", RunDirectory.CheckpointFile, 2), (after.Data.Path, after.ResumedFrom, after.Result!.EpochsCompleted));
    }

    [Fact]
    public void ResumeNamesTheResolvedPathWhenTheDataDidNotMoveWithTheRun()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        string run = temp.File("run");
        Assert.Equal(0, LstmRunner.Run(EndToEndTests.TinyTraining(data, run, epochs: 1)).ExitCode);
        File.Delete(data);
        var resumed = LstmRunner.Run("train", "--resume", Path.Combine(run, RunDirectory.CheckpointFile), "--epochs", "2");
        Assert.Equal(ExitCodes.UserError, resumed.ExitCode);
        Assert.Contains($"the run was trained on {data}, which no longer exists", resumed.Error);
    }

    [Fact]
    public void TheShippedModelNamesNoPathOfTheMachineItWasTrainedOn()
    {
        string folder = ShippedModelFolder();
        var manifest = TrainingManifest.Load(Path.Combine(folder, RunDirectory.ManifestFile));
        Assert.Equal("../../../shared/data/aclImdb_v1_labelled.tar.gz", manifest.Data.Path); // X/shared beside the checkout X/<repo>
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, RunDirectory.ManifestFile)));
        foreach (string value in Strings(document.RootElement))
            Assert.False(value.StartsWith('/') || (value.Length > 2 && value[1] == ':' && value[2] is '\\' or '/'), $"training.json holds the absolute path {value}");
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static string ShippedModelFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return Path.Combine(dir.FullName, "models", "imdb-lstm");
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} holds Lstm.MLNet.sln.");
    }
}
