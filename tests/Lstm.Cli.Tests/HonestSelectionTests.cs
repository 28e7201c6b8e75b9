using System.Globalization;
using System.Text.RegularExpressions;
using Lstm.Cli.Runs;

namespace Lstm.Cli.Tests;

/// <summary>
/// Issue 12: whatever selects (early stopping, ReduceLROnPlateau) selects on validation reviews carved from IMDB's
/// training split; the test split is looked at once, after training; selecting on it needs <c>--select-on-test</c>;
/// plain <c>lstm train</c> keeps the seed program's validation on the test split.
/// </summary>
public partial class HonestSelectionTests
{
    private static readonly string[] Positive = ["great", "wonderful", "loved", "excellent", "amazing", "brilliant"];
    private static readonly string[] Negative = ["awful", "terrible", "boring", "hated", "worst", "dull"];

    /// <summary>An extracted aclImdb folder: 20 reviews per class in train, 10 per class in test.</summary>
    private static string WriteImdbFolder(string root)
    {
        var random = new Random(3);
        foreach (var (split, perClass) in (ValueTuple<string, int>[])[("train", 20), ("test", 10)])
            foreach (string label in (string[])["neg", "pos"])
            {
                string folder = Directory.CreateDirectory(Path.Combine(root, "aclImdb", split, label)).FullName;
                string[] words = label == "pos" ? Positive : Negative;
                for (int i = 0; i < perClass; i++)
                    File.WriteAllText(Path.Combine(folder, $"{i}_{(label == "pos" ? 8 : 3)}.txt"),
                        $"the film was {words[random.Next(words.Length)]} and the plot {words[random.Next(words.Length)]} really");
            }
        return Path.Combine(root, "aclImdb");
    }

    private static string[] Train(string data, string run, params string[] more) =>
        ["train", "--data", data, "--epochs", "2", "--max-len", "12", "--units", "4", "--embedding-dim", "4", "--num-words", "50", "--out", run, "--threads", "1", .. more];

    [Fact]
    public void Early_stopping_validates_on_part_of_the_training_split_and_looks_at_the_test_split_once()
    {
        using var temp = new TempFolder();
        string imdb = WriteImdbFolder(temp.Path);
        string run = temp.File("run");

        var outcome = LstmRunner.Run(Train(imdb, run, "--early-stopping-patience", "1"));
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Loaded 32 training and 8 validation reviews", outcome.Output);
        Assert.Contains("validation: 0.2 of IMDB's training split (stratified, seed 42)", outcome.Output);
        Assert.Contains("Test (IMDB test split, 20 reviews, looked at once, after training", outcome.Output);

        var manifest = TrainingManifest.Load(Path.Combine(run, RunDirectory.ManifestFile));
        Assert.True(manifest.Data.ValidationFromTraining);
        Assert.Equal((32, 8), (manifest.Data.TrainCount, manifest.Data.ValidationCount));
        var test = Assert.IsType<TrainingManifest.TestSection>(manifest.Test);
        Assert.Equal(20, test.Count);

        // The recorded test figures are those `lstm evaluate` gives on the test split of the same data.
        var evaluated = LstmRunner.Run("evaluate", "--model", run, "--data", imdb);
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        var match = LossAndAccuracy().Match(evaluated.Output);
        Assert.True(match.Success, evaluated.Output);
        Assert.Equal(test.Loss, double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 4);
        Assert.Equal(test.Accuracy!.Value, double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), 4);
    }

    [Fact]
    public void The_seed_program_still_validates_on_the_test_split_and_has_no_separate_test()
    {
        using var temp = new TempFolder();
        string imdb = WriteImdbFolder(temp.Path);
        string run = temp.File("run");

        var outcome = LstmRunner.Run(Train(imdb, run));
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Loaded 40 training and 20 validation reviews", outcome.Output);
        Assert.Contains("(validation: IMDB test split)", outcome.Output);
        Assert.DoesNotContain("looked at once", outcome.Output);
        var manifest = TrainingManifest.Load(Path.Combine(run, RunDirectory.ManifestFile));
        Assert.Null(manifest.Test);
        Assert.Null(manifest.Data.ValidationFromTraining);
    }

    [Fact]
    public void A_validation_split_asked_for_on_imdb_is_carved_from_the_training_split_even_without_selection()
    {
        using var temp = new TempFolder();
        string imdb = WriteImdbFolder(temp.Path);
        var outcome = LstmRunner.Run(Train(imdb, temp.File("run"), "--validation-split", "0.25"));
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Loaded 30 training and 10 validation reviews", outcome.Output);
        Assert.Contains("looked at once", outcome.Output);
    }

    [Fact]
    public void A_validation_split_of_zero_trains_on_the_whole_training_split_and_tests_once()
    {
        using var temp = new TempFolder();
        string imdb = WriteImdbFolder(temp.Path);
        var outcome = LstmRunner.Run(Train(imdb, temp.File("run"), "--validation-split", "0"));
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Loaded 40 training and 0 validation reviews", outcome.Output);
        Assert.Contains("(no validation)", outcome.Output);
        Assert.Contains("Test (IMDB test split, 20 reviews, looked at once", outcome.Output);

        var selecting = LstmRunner.Run(Train(imdb, temp.File("selecting"), "--validation-split", "0", "--early-stopping-patience", "1"));
        Assert.Equal(ExitCodes.UserError, selecting.ExitCode);
        Assert.Contains("no validation reviews", selecting.Error);
    }

    [Fact]
    public void Selecting_on_the_test_split_needs_the_explicit_option_and_is_labelled()
    {
        using var temp = new TempFolder();
        string imdb = WriteImdbFolder(temp.Path);

        var refused = LstmRunner.Run(Train(imdb, temp.File("refused"), "--validation", imdb, "--reduce-lr-patience", "1"));
        Assert.Equal(ExitCodes.UserError, refused.ExitCode);
        Assert.Contains("--select-on-test", refused.Error);
        Assert.False(Directory.Exists(temp.File("refused")) && Directory.EnumerateFileSystemEntries(temp.File("refused")).Any());

        var knowingly = LstmRunner.Run(Train(imdb, temp.File("run"), "--select-on-test", "--early-stopping-patience", "1"));
        Assert.True(knowingly.ExitCode == 0, knowingly.ToString());
        Assert.Contains("Loaded 40 training and 20 validation reviews", knowingly.Output);
        Assert.Contains("not an unbiased estimate", knowingly.Error);
        Assert.True(TrainingManifest.Load(Path.Combine(temp.File("run"), RunDirectory.ManifestFile)).Data.SelectOnTest);
    }

    [Fact]
    public void Select_on_test_with_a_labelled_file_is_refused()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        var outcome = LstmRunner.Run(Train(data, temp.File("run"), "--select-on-test", "--early-stopping-patience", "1"));
        Assert.Equal(ExitCodes.UserError, outcome.ExitCode);
        Assert.Contains("--select-on-test", outcome.Error);
        Assert.Contains("not IMDB", outcome.Error);
    }

    [GeneratedRegex(@"loss: (\d+\.\d+) - accuracy: (\d+\.\d+)")]
    private static partial Regex LossAndAccuracy();
}
