using System.Globalization;
using System.Text;
using Lstm.Cli.Runs;
using Lstm.Training.Models;

namespace Lstm.Cli.Tests;

/// <summary>
/// <c>lstm train --task</c> and the architecture options (issue 10): multi-class and regression labels in files, the
/// task inferred and said, the network recorded, and <c>evaluate</c>, <c>predict</c> and <c>summary</c> for each task.
/// </summary>
public class TaskOptionsTests
{
    /// <summary>Texts whose class is the topic word they contain (sports, music, cooking), with filler words.</summary>
    internal static string WriteTopics(string path, int count = 90)
    {
        string[] topics = ["sports", "music", "cooking"];
        string[][] words = [["goal", "match", "team"], ["song", "band", "guitar"], ["recipe", "oven", "salt"]];
        var random = new Random(3);
        var text = new StringBuilder("category\ttext\n");
        for (int i = 0; i < count; i++)
        {
            int k = i % 3;
            var filler = Enumerable.Range(0, 4).Select(_ => new[] { "the", "a", "today", "we", "saw", "new" }[random.Next(6)]);
            text.Append(topics[k]).Append('\t').Append(string.Join(' ', filler.Append(words[k][random.Next(3)]).OrderBy(_ => random.Next()))).Append('\n');
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>Texts whose value is the number of "good" in them, plus 0.5 so the task is inferred as regression.</summary>
    private static string WriteCounts(string path, int count = 90)
    {
        var random = new Random(4);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            int good = i % 4;
            var tokens = Enumerable.Repeat("good", good).Concat(Enumerable.Range(0, 5 - good).Select(_ => new[] { "film", "plot", "actor" }[random.Next(3)])).OrderBy(_ => random.Next());
            text.Append((good + 0.5).ToString(CultureInfo.InvariantCulture)).Append('\t').Append(string.Join(' ', tokens)).Append('\n');
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string[] Small(string data, string run, params string[] more) =>
        ["train", "--data", data, "--epochs", "25", "--max-len", "8", "--units", "12", "--embedding-dim", "8", "--num-words", "50",
         "--learning-rate", "0.02", "--dropout", "0", "--recurrent-dropout", "0", "--out", run, "--threads", "1", .. more];

    [Fact]
    public void Class_names_in_a_file_train_a_multiclass_model_that_evaluate_predict_and_summary_read()
    {
        using var temp = new TempFolder();
        string data = WriteTopics(temp.File("topics.tsv"));
        string run = temp.File("run");
        var train = LstmRunner.Run(Small(data, run, "--label-column", "category", "--bidirectional", "--mask-padding", "--pooling", "max", "--cell", "gru"));
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("Task: multi-class: 3 distinct labels (cooking, music, sports)", train.Output);
        Assert.Contains("Embedding(50, 8, mask_zero=True) -> Bidirectional(GRU(12, dropout=0, recurrent_dropout=0, return_sequences=True)) -> GlobalMaxPooling1D() -> Dense(3, softmax)", train.Output);
        var manifest = TrainingManifest.Load(Path.Combine(run, RunDirectory.ManifestFile));
        Assert.Equal(TaskKind.MulticlassClassification, manifest.Network!.Task);
        Assert.Equal(["cooking", "music", "sports"], manifest.Network.ClassNames);

        var evaluate = LstmRunner.Run("evaluate", "--model", run, "--data", data);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        var accuracy = double.Parse(System.Text.RegularExpressions.Regex.Match(evaluate.Output, @"accuracy: (\d\.\d{4})").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(accuracy > 0.9, evaluate.Output);

        var predict = LstmRunner.Run("predict", "--model", run, "--format", "tsv", "we saw the band play a song", "a new recipe for the oven");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        var lines = predict.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("probability\tlabel\ttext\tunknown_share", lines[0]);
        Assert.Equal("music", lines[1].Split('\t')[1]);
        Assert.Equal("cooking", lines[2].Split('\t')[1]);

        // The run's model.onnx and an exported ids variant hold the same network, task and class names.
        var viaOnnx = LstmRunner.Run("predict", "--model", Path.Combine(run, RunDirectory.OnnxFile), "--format", "tsv", "we saw the band play a song", "a new recipe for the oven");
        Assert.True(viaOnnx.ExitCode == 0, viaOnnx.ToString());
        Assert.Equal(predict.Output, viaOnnx.Output);
        var export = LstmRunner.Run("export", "--model", run, "--variant", "ids");
        Assert.True(export.ExitCode == 0, export.ToString());
        var ids = TrainedModel.Load(Path.Combine(run, "model.ids.onnx"));
        Assert.Equal(["cooking", "music", "sports"], ids.Network.Spec.ClassNames);

        var summary = LstmRunner.Run("summary", "--model", run);
        Assert.True(summary.ExitCode == 0, summary.ToString());
        Assert.Contains("bidirectional (Bidirection", summary.Output); // Keras wraps long labels in its table
        Assert.Contains("global_max_pooling1d (Glob", summary.Output);
    }

    [Fact]
    public void Fractional_numbers_train_a_regression_model_with_mae()
    {
        using var temp = new TempFolder();
        string data = WriteCounts(temp.File("counts.tsv"));
        string run = temp.File("run");
        var train = LstmRunner.Run(Small(data, run, "--pooling", "mean"));
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("Task: regression: the labels are numbers that are not all whole", train.Output);
        Assert.Contains("val_mae:", train.Output);
        Assert.Contains("\"mae\"", File.ReadAllText(Path.Combine(run, RunDirectory.HistoryFile)));

        var evaluate = LstmRunner.Run("evaluate", "--model", run, "--data", data);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        var mae = double.Parse(System.Text.RegularExpressions.Regex.Match(evaluate.Output, @"mae: (\d\.\d{4})").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(mae < 0.5, evaluate.Output); // predicting the mean gives 1.0

        var predict = LstmRunner.Run("predict", "--model", run, "--format", "json", "good good good film");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Contains("\"values\"", predict.Output);
        var viaOnnx = LstmRunner.Run("predict", "--model", Path.Combine(run, RunDirectory.OnnxFile), "--format", "json", "good good good film");
        Assert.Equal(predict.Output, viaOnnx.Output);
    }

    [Fact]
    public void Whole_numbers_are_classes_unless_the_task_says_regression()
    {
        using var temp = new TempFolder();
        string data = temp.File("stars.tsv");
        File.WriteAllLines(data, Enumerable.Range(0, 30).Select(i => $"{1 + i % 5}\t{string.Join(' ', Enumerable.Repeat("star", 1 + i % 5))} movie"));
        var inferred = LstmRunner.Run(["train", "--data", data, "--epochs", "1", "--max-len", "8", "--units", "4", "--embedding-dim", "4", "--num-words", "20", "--out", temp.File("a")]);
        Assert.True(inferred.ExitCode == 0, inferred.ToString());
        Assert.Contains("Task: multi-class: 5 distinct labels (1, 2, 3, 4, 5)", inferred.Output);
        var asked = LstmRunner.Run(["train", "--data", data, "--task", "regression", "--epochs", "1", "--max-len", "8", "--units", "4", "--embedding-dim", "4", "--num-words", "20", "--out", temp.File("b")]);
        Assert.True(asked.ExitCode == 0, asked.ToString());
        Assert.Contains("Task: regression (as asked)", asked.Output);
        var binary = LstmRunner.Run(["train", "--data", data, "--task", "binary", "--epochs", "1", "--out", temp.File("c")]);
        Assert.NotEqual(0, binary.ExitCode);
        Assert.Contains("expected a label", binary.Error);
    }

    [Fact]
    public void Rating_labels_need_imdb_data()
    {
        using var temp = new TempFolder();
        string data = TinyReviews.Write(temp.File("reviews.tsv"));
        var outcome = LstmRunner.Run("train", "--data", data, "--label", "rating", "--out", temp.File("run"));
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("--label rating reads IMDB's ratings from its file names", outcome.Error);
    }
}
