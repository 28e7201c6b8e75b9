using System.Globalization;
using Lstm.Cli.Commands;
using Lstm.Cli.Runs;
using Lstm.MLNet;
using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Data;
using Lstm.Training.Losses;
using Microsoft.ML;

// Writes a set of compatibility fixtures with the code of the commit it is built at (tests/Fixtures/format-v2/README.md
// says what each file is; format-v1 was written by the format-1 code of an earlier commit):
//   dotnet run --project tests/Lstm.Fixtures.Writer -c Release -- tests/Fixtures/format-v2
// The folder is required, so that a committed fixture set is never overwritten by accident, and a folder holding a set
// of another model format is refused: everything written comes from the code of the commit the writer is built at, and
// the tests check that later code still reads those files and predicts the recorded bits. A new format gets a new
// folder (format-v3, …).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run --project tests/Lstm.Fixtures.Writer -c Release -- OUT_FOLDER   (e.g. tests/Fixtures/format-v2)");
    return 1;
}
string root = FixtureWriter.RepositoryRoot();
string folder = Path.GetFullPath(args[0]);
FixtureWriter.RefuseOtherFormat(folder);
Directory.CreateDirectory(folder);
FixtureWriter.DeleteWrittenFiles(folder, FixtureWriter.ReviewsFile, FixtureWriter.ExpectedFile);

// 1. The labelled file: 80 short synthetic reviews (TinyReviews.Write of Lstm.Cli.Tests, count 80, seed 1).
string data = FixtureWriter.WriteTinyReviews(Path.Combine(folder, FixtureWriter.ReviewsFile), count: 80, seed: 1);

// 2. 'lstm train' of the seed's shape into the fixture folder itself, so that training.json records the data as "reviews.tsv".
FixtureWriter.Lstm(
    "train", "--data", data, "--out", folder, "--units", "8", "--embedding-dim", "8", "--num-words", "200", "--max-len", "20",
    "--epochs", "2", "--batch-size", "16", "--learning-rate", "0.01", "--seed", "1", "--threads", "1");
FixtureWriter.TidyRunFolder(folder, root);

// 3. An ML.NET model zip: LstmTrainer fitted on the same file with small options, saved with Model.Save.
string zip = Path.Combine(folder, FixtureWriter.MLNetZipFile);
{
    var ml = new MLContext(seed: 1);
    var reviews = LabelledTextFile.Read(data).Select(r => new Review { Text = r.Text, Label = r.Label }).ToArray();
    var view = ml.Data.LoadFromEnumerable(reviews);
    var trainer = ml.BinaryClassification.Trainers.Lstm(new LstmTrainer.Options
    {
        MaxLength = 20,
        NumWords = 200,
        EmbeddingDim = 8,
        Units = 8,
        Epochs = 2,
        BatchSize = 16,
        LearningRate = 0.01f,
        Seed = 1,
        NumberOfThreads = 1,
    });
    using var model = trainer.Fit(view);
    ml.Model.Save(model, view.Schema, zip);
}

// 4. The family run in family/: 'lstm train' of a multi-class GRU network, and an ML.NET multi-class zip.
string family = FamilyRun.Write(folder, root);

// 5. expected.json: what each artefact predicts today for the same texts, as exact float bits.
string shipped = Path.Combine(root, "models", "imdb-lstm");
string[] texts = FixtureWriter.Texts;
var artefacts = new List<Artefact>();
void AddCli(string key, string file, string path, string how)
{
    // The code path of 'lstm predict --model PATH': TrainedModel.Load, then ReviewEncoder + ChunkedInference, then the sigmoid.
    var model = key.Contains("checkpoint", StringComparison.Ordinal) ? RunFolderReader.ReadCheckpoint(path) : TrainedModel.Load(path);
    float[] logits = PredictCommand.Logits(model, texts, threads: 1, CancellationToken.None);
    artefacts.Add(new Artefact(key, file, how, true, 1, logits, [.. logits.Select(BinaryCrossEntropy.Sigmoid)]));
}
void AddOnnxRuntime(string key, string file, string path)
{
    var (logits, probabilities) = FixtureWriter.RunOnnxRuntime(path, texts);
    artefacts.Add(new Artefact(key, file, "ONNX Runtime InferenceSession (1 thread), input 'text' = TextNormalizer.Normalize(text); outputs 'logit', 'probability'",
        false, 1, logits, probabilities));
}
AddCli("model.lstm", "model.lstm", folder, "the run folder through 'lstm predict' (TrainedModel.Load + PredictCommand.Logits): model.lstm, vocabulary.json, training.json");
AddCli("checkpoint.lstmckpt", "checkpoint.lstmckpt", Path.Combine(folder, RunDirectory.CheckpointFile), "the checkpoint's network (Trainer.Resume(...).Network) with vocabulary.json and training.json");
AddCli("model.onnx", "model.onnx", Path.Combine(folder, RunDirectory.OnnxFile), "'lstm predict --model model.onnx' (OnnxImporter: network, vocabulary and padding from the file)");
AddOnnxRuntime("model.onnx@onnxruntime", "model.onnx", Path.Combine(folder, RunDirectory.OnnxFile));
{
    var (logits, probabilities) = FixtureWriter.RunMLNetZip(zip, texts);
    artefacts.Add(new Artefact("mlnet-model.zip", FixtureWriter.MLNetZipFile,
        "a fresh MLContext: Model.Load, then CreatePredictionEngine<Review{Text}, {Score, Probability}> and Predict per text", false, 1, logits, probabilities));
}
artefacts.AddRange(FamilyRun.Artefacts(family, texts));
AddCli("shipped:model.lstm", "../../../models/imdb-lstm/model.lstm", shipped, "'lstm predict --model models/imdb-lstm' (the shipped run folder)");
AddCli("shipped:model.onnx", "../../../models/imdb-lstm/model.onnx", Path.Combine(shipped, RunDirectory.OnnxFile), "'lstm predict --model models/imdb-lstm/model.onnx' (OnnxImporter)");
AddOnnxRuntime("shipped:model.onnx@onnxruntime", "../../../models/imdb-lstm/model.onnx", Path.Combine(shipped, RunDirectory.OnnxFile));

// 'lstm evaluate --model <fixture folder> --data reviews.tsv' reads all rows and prints loss and accuracy.
var run = TrainedModel.Load(folder);
var dataset = Lstm.Cli.Data.ReviewEncoder.ToDataset(LabelledTextFile.Read(data), run.Vocabulary, run.Padding);
var result = EvaluationResult.FromLogits(ChunkedInference.PredictOutputs(run.Network, dataset.Sequences, 1, null, CancellationToken.None), dataset.Labels);
var evaluate = new Evaluation("'lstm evaluate --model . --data reviews.tsv' in this folder (all rows)", result.Count, result.Loss, result.Accuracy);

ExpectedJson.Write(Path.Combine(folder, FixtureWriter.ExpectedFile), FixtureWriter.Commit(root), texts, artefacts, evaluate, FamilyRun.Section(family));
foreach (string path in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    Console.WriteLine($"{new FileInfo(path).Length,9:N0}  {Path.GetRelativePath(folder, path)}");
return 0;
