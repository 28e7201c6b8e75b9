using Lstm.Cli.Commands;
using Lstm.Cli.Data;
using Lstm.Cli.Runs;
using Lstm.MLNet;
using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Data;
using Lstm.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Transforms;

/// <summary>
/// The fixture set's run of the model family, in its <see cref="Folder"/> subfolder: a multi-class GRU network
/// (bidirectional, masked padding, max pooling) trained by <c>lstm train</c> on three topics, its checkpoint and
/// model.onnx (ONNX metadata format 2), and an ML.NET multi-class zip of the same architecture.
/// </summary>
internal static class FamilyRun
{
    /// <summary>The subfolder of the fixture set.</summary>
    public const string Folder = "family";

    /// <summary>The labelled file, in the subfolder.</summary>
    public const string DataFile = "topics.tsv";

    /// <summary>The architecture and training options of <c>lstm train</c> (after <c>--data</c> and <c>--out</c>).</summary>
    public static readonly string[] TrainOptions =
    [
        "--cell", "gru", "--bidirectional", "--mask-padding", "--pooling", "max", "--units", "8", "--embedding-dim", "8",
        "--num-words", "200", "--max-len", "20", "--epochs", "2", "--seed", "1", "--threads", "1",
    ];

    /// <summary>Writes topics.tsv, the run folder (without plots) and the ML.NET zip into <c>family/</c>; returns that folder.</summary>
    public static string Write(string fixtureFolder, string root)
    {
        string folder = Path.Combine(fixtureFolder, Folder);
        Directory.CreateDirectory(folder);
        FixtureWriter.DeleteWrittenFiles(folder, DataFile);
        string data = FixtureWriter.WriteTopics(Path.Combine(folder, DataFile), count: 90);
        FixtureWriter.Lstm(["train", "--data", data, "--out", folder, .. TrainOptions]);
        FixtureWriter.TidyRunFolder(folder, root);
        WriteZip(data, Path.Combine(folder, FixtureWriter.MLNetZipFile));
        return folder;
    }

    /// <summary>
    /// <c>MapValueToKey("Label", "Topic")</c> (classes in name order, as <c>lstm train</c> orders them) fitted on the
    /// file, then <c>MulticlassClassification.Trainers.Lstm</c> with the run's architecture; the trainer's transformer is
    /// saved with <c>Model.Save</c>, so that the zip scores rows that only have a Text.
    /// </summary>
    private static void WriteZip(string data, string zip)
    {
        var ml = new MLContext(seed: 1);
        var rows = ReadTopics(data).Select(r => new TopicText { Text = r.Text, Topic = r.LabelText! }).ToArray();
        var view = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label", nameof(TopicText.Topic), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(view).Transform(view);
        var trainer = ml.MulticlassClassification.Trainers.Lstm(new LstmMulticlassTrainer.Options
        {
            RecurrentKind = RecurrentKind.Gru,
            Bidirectional = true,
            MaskZero = true,
            Pooling = PoolingKind.Max,
            MaxLength = 20,
            NumWords = 200,
            EmbeddingDim = 8,
            Units = 8,
            Epochs = 2,
            Seed = 1,
            NumberOfThreads = 1,
        });
        using var model = trainer.Fit(keyed);
        ml.Model.Save(model, keyed.Schema, zip);
    }

    /// <summary>What each artefact of the family run predicts for <paramref name="texts"/>, one value per class.</summary>
    public static IEnumerable<Artefact> Artefacts(string folder, IReadOnlyList<string> texts)
    {
        Artefact Cli(string name, TrainedModel model, string how)
        {
            float[] logits = PredictCommand.Logits(model, texts, threads: 1, CancellationToken.None);
            return new Artefact($"{Folder}/{name}", $"{Folder}/{name}", how, true, model.Network.Spec.Outputs, logits, Activated(model.Network.Spec, logits));
        }
        yield return Cli(RunDirectory.ModelFile, TrainedModel.Load(folder), "the run folder through 'lstm predict' (TrainedModel.Load + PredictCommand.Logits), softmax");
        yield return Cli(RunDirectory.CheckpointFile, RunFolderReader.ReadCheckpoint(Path.Combine(folder, RunDirectory.CheckpointFile)),
            "the checkpoint's network (Trainer.Resume(...).Network) with vocabulary.json and training.json, softmax");
        string onnx = Path.Combine(folder, RunDirectory.OnnxFile);
        yield return Cli(RunDirectory.OnnxFile, TrainedModel.Load(onnx), "'lstm predict --model family/model.onnx' (OnnxImporter: network, vocabulary and padding from the file), softmax");
        var (logits, probabilities) = FixtureWriter.RunOnnxRuntime(onnx, texts);
        yield return new Artefact($"{Folder}/{RunDirectory.OnnxFile}@onnxruntime", $"{Folder}/{RunDirectory.OnnxFile}",
            "ONNX Runtime InferenceSession (1 thread), input 'text' = TextNormalizer.Normalize(text); outputs 'logit', 'probability' ([texts, classes])",
            false, logits.Length / texts.Count, logits, probabilities);
        float[] scores = RunMLNetZip(Path.Combine(folder, FixtureWriter.MLNetZipFile), texts);
        yield return new Artefact($"{Folder}/{FixtureWriter.MLNetZipFile}", $"{Folder}/{FixtureWriter.MLNetZipFile}",
            "a fresh MLContext: Model.Load, then CreatePredictionEngine<TopicText{Text}, TopicPrediction{Score[], PredictedLabel}> and Predict per text; Score is the class probabilities",
            false, scores.Length / texts.Count, null, scores);
    }

    /// <summary>The classes, the network and what <c>lstm evaluate --model family --data family/topics.tsv</c> reports.</summary>
    public static FamilySection Section(string folder)
    {
        var run = TrainedModel.Load(folder);
        var spec = run.Network.Spec;
        var rows = ReadTopics(Path.Combine(folder, DataFile));
        var sequences = ReviewEncoder.Encode([.. rows.Select(r => r.Text)], run.Vocabulary, run.Padding);
        var dataset = TextLabels.FromStrings([.. rows.Select(r => r.LabelText!)], spec.Task, out _, spec.ClassNames).ToDataset(sequences);
        var evaluation = NetworkEvaluation.FromOutputs(spec, ChunkedInference.PredictOutputs(run.Network, dataset.Sequences, 1, null, CancellationToken.None), dataset);
        var evaluate = new Evaluation($"'lstm evaluate --model {Folder} --data {Folder}/{DataFile}' (all rows; loss is sparse categorical cross-entropy in nats)",
            evaluation.Count, evaluation.Loss, evaluation.Accuracy!.Value);
        return new FamilySection(Folder, $"{Folder}/{DataFile}", spec.Describe(), spec.ClassNames!, evaluate);
    }

    private static IReadOnlyList<LabelledText> ReadTopics(string path) => LabelledTextFile.Read(path, LabelledTextFileOptions.Default with { BinaryLabels = false });

    private static float[] Activated(NetworkSpec spec, float[] logits)
    {
        float[] probabilities = [.. logits];
        for (int i = 0; i < probabilities.Length; i += spec.Outputs) SequenceNetwork.Activate(spec, probabilities.AsSpan(i, spec.Outputs));
        return probabilities;
    }

    /// <summary>Each text's Score (the class probabilities) from the zip loaded in a fresh MLContext, through a PredictionEngine; row-major.</summary>
    private static float[] RunMLNetZip(string zip, IReadOnlyList<string> texts)
    {
        var ml = new MLContext();
        var loaded = ml.Model.Load(zip, out _);
        try
        {
            using var engine = ml.Model.CreatePredictionEngine<TopicText, TopicPrediction>(loaded);
            return [.. texts.SelectMany(t => engine.Predict(new TopicText { Text = t }).Score)];
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }
}
