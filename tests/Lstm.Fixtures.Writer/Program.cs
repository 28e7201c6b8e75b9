using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lstm.Cli;
using Lstm.Cli.Commands;
using Lstm.Cli.Runs;
using Lstm.MLNet;
using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Data;
using Lstm.Training.Losses;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

// Writes the format-v1 compatibility fixtures (tests/Fixtures/format-v1/README.md says what each file is):
//   dotnet run --project tests/Lstm.Fixtures.Writer -c Release -- tests/Fixtures/format-v1
// The folder is required, so that a committed fixture set is never overwritten by accident: everything written comes
// from the code of the commit the writer is built at, and the tests check that later code still reads those files
// and predicts the recorded bits. A new format gets a new folder (format-v2, …).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run --project tests/Lstm.Fixtures.Writer -c Release -- OUT_FOLDER   (e.g. tests/Fixtures/format-v1)");
    return 1;
}
string root = FixtureWriter.RepositoryRoot();
string folder = Path.GetFullPath(args[0]);
Directory.CreateDirectory(folder);
foreach (string name in FixtureWriter.WrittenFiles)
    File.Delete(Path.Combine(folder, name));

// 1. The labelled file: 80 short synthetic reviews (TinyReviews.Write of Lstm.Cli.Tests, count 80, seed 1).
string data = FixtureWriter.WriteTinyReviews(Path.Combine(folder, FixtureWriter.ReviewsFile), count: 80, seed: 1);

// 2. 'lstm train' into the fixture folder itself, so that training.json records the data as "reviews.tsv".
string[] train =
[
    "train", "--data", data, "--out", folder, "--units", "8", "--embedding-dim", "8", "--num-words", "200", "--max-len", "20",
    "--epochs", "2", "--batch-size", "16", "--learning-rate", "0.01", "--seed", "1", "--threads", "1",
];
int code = LstmCommandLine.Invoke(train, new CommandEnvironment { Output = Console.Out, Error = Console.Error });
if (code != 0) throw new InvalidOperationException($"lstm {string.Join(' ', train)} exited with {code}.");
foreach (string png in new[] { RunDirectory.LossPlotFile, RunDirectory.AccuracyPlotFile }) File.Delete(Path.Combine(folder, png));
foreach (string name in Directory.GetFiles(folder).Select(f => Path.GetFileName(f)))
{
    string text = File.ReadAllText(Path.Combine(folder, name));
    if (text.Contains(folder, StringComparison.Ordinal) || text.Contains(root, StringComparison.Ordinal))
        throw new InvalidOperationException($"{name} names an absolute path of this machine; the fixtures must not.");
}

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

// 4. expected.json: what each artefact predicts today for the same texts, as exact float bits.
string shipped = Path.Combine(root, "models", "imdb-lstm");
string[] texts = FixtureWriter.Texts;
var artefacts = new List<(string Key, string File, string How, bool Exact, float[] Logits, float[] Probabilities)>();
void AddCli(string key, string file, string path, string how)
{
    // The code path of 'lstm predict --model PATH': TrainedModel.Load, then ReviewEncoder + ChunkedInference, then the sigmoid.
    var model = key.Contains("checkpoint", StringComparison.Ordinal) ? RunFolderReader.ReadCheckpoint(path) : TrainedModel.Load(path);
    float[] logits = PredictCommand.Logits(model, texts, threads: 1, CancellationToken.None);
    artefacts.Add((key, file, how, true, logits, [.. logits.Select(BinaryCrossEntropy.Sigmoid)]));
}
void AddOnnxRuntime(string key, string file, string path)
{
    var (logits, probabilities) = FixtureWriter.RunOnnxRuntime(path, texts);
    artefacts.Add((key, file, "ONNX Runtime InferenceSession (1 thread), input 'text' = TextNormalizer.Normalize(text); outputs 'logit', 'probability'", false, logits, probabilities));
}
AddCli("model.lstm", "model.lstm", folder, "the run folder through 'lstm predict' (TrainedModel.Load + PredictCommand.Logits): model.lstm, vocabulary.json, training.json");
AddCli("checkpoint.lstmckpt", "checkpoint.lstmckpt", Path.Combine(folder, RunDirectory.CheckpointFile), "the checkpoint's network (Trainer.Resume(...).Model) with vocabulary.json and training.json");
AddCli("model.onnx", "model.onnx", Path.Combine(folder, RunDirectory.OnnxFile), "'lstm predict --model model.onnx' (OnnxImporter: network, vocabulary and padding from the file)");
AddOnnxRuntime("model.onnx@onnxruntime", "model.onnx", Path.Combine(folder, RunDirectory.OnnxFile));
{
    var (logits, probabilities) = FixtureWriter.RunMLNetZip(zip, texts);
    artefacts.Add(("mlnet-model.zip", FixtureWriter.MLNetZipFile,
        "a fresh MLContext: Model.Load, then CreatePredictionEngine<Review{Text}, {Score, Probability}> and Predict per text", false, logits, probabilities));
}
AddCli("shipped:model.lstm", "../../../models/imdb-lstm/model.lstm", shipped, "'lstm predict --model models/imdb-lstm' (the shipped run folder)");
AddCli("shipped:model.onnx", "../../../models/imdb-lstm/model.onnx", Path.Combine(shipped, RunDirectory.OnnxFile), "'lstm predict --model models/imdb-lstm/model.onnx' (OnnxImporter)");
AddOnnxRuntime("shipped:model.onnx@onnxruntime", "../../../models/imdb-lstm/model.onnx", Path.Combine(shipped, RunDirectory.OnnxFile));

// 'lstm evaluate --model <fixture folder> --data reviews.tsv' reads all rows and prints loss and accuracy.
var run = TrainedModel.Load(folder);
var all = LabelledTextFile.Read(data);
var dataset = Lstm.Cli.Data.ReviewEncoder.ToDataset(all, run.Vocabulary, run.Padding);
var evaluation = EvaluationResult.FromLogits(ChunkedInference.PredictOutputs(run.Network, dataset.Sequences, 1, null, CancellationToken.None), dataset.Labels);

FixtureWriter.WriteExpected(Path.Combine(folder, FixtureWriter.ExpectedFile), FixtureWriter.Commit(root), texts, artefacts, evaluation);
foreach (string name in Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal))
    Console.WriteLine($"{new FileInfo(Path.Combine(folder, name)).Length,9:N0}  {name}");
return 0;

/// <summary>The helpers of the fixture writer.</summary>
internal static class FixtureWriter
{
    public const string ReviewsFile = "reviews.tsv";
    public const string MLNetZipFile = "mlnet-model.zip";
    public const string ExpectedFile = "expected.json";

    /// <summary>Every file the writer makes, deleted before it runs (README.md and .gitattributes are kept).</summary>
    public static readonly string[] WrittenFiles =
    [
        ReviewsFile, MLNetZipFile, ExpectedFile, RunDirectory.ModelFile, RunDirectory.OnnxFile, RunDirectory.VocabularyFile,
        RunDirectory.ManifestFile, RunDirectory.HistoryFile, RunDirectory.CheckpointFile, RunDirectory.LossPlotFile, RunDirectory.AccuracyPlotFile,
    ];

    /// <summary>
    /// The texts every artefact is asked about: short, empty, blank, longer than the fixture's max length (20) and than the
    /// shipped model's (500), non-English, unknown words, markup and punctuation, mixed case, digits and emoji.
    /// None starts with '-' and none is blank except two, so that 'lstm predict' can take the others as arguments.
    /// </summary>
    public static readonly string[] Texts =
    [
        "great movie, loved it",
        "awful boring waste of time",
        "",
        "   ",
        "A moving, beautifully acted film.",
        "the movie was fun and the acting was great but the plot was dull and the story was bad it was really the worst film and a waste",
        string.Join(' ', Enumerable.Repeat("the plot was great but the acting was awful", 70)),
        "Ce film était magnifique, j'ai adoré chaque minute !",
        "这部电影太精彩了，我非常喜欢",
        "Фильм ужасный и скучный",
        "zxqv blorft quuxly snargle",
        "<br />Great<br /><br />acting!!! 10/10",
        "WORST. FILM. EVER???",
        "🎬 loved it 😍 best",
        "Dull.\nFar too long.",
    ];

    /// <summary>The folder holding Lstm.MLNet.sln above this program's binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} holds Lstm.MLNet.sln.");
    }

    /// <summary>The same reviews as Lstm.Cli.Tests' TinyReviews.Write: alternating negative and positive, with a header row.</summary>
    public static string WriteTinyReviews(string path, int count, int seed)
    {
        string[] positive = ["great", "wonderful", "loved", "excellent", "amazing", "brilliant", "fun", "best"];
        string[] negative = ["awful", "terrible", "boring", "hated", "worst", "bad", "dull", "waste"];
        string[] filler = ["the", "movie", "film", "was", "a", "and", "plot", "acting", "really", "story", "it"];
        var random = new Random(seed);
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("label\ttext");
        for (int i = 0; i < count; i++)
        {
            bool isPositive = i % 2 == 1;
            var words = Enumerable.Range(0, 8).Select(_ => filler[random.Next(filler.Length)])
                .Concat(Enumerable.Range(0, 3).Select(_ => (isPositive ? positive : negative)[random.Next(8)]))
                .OrderBy(_ => random.Next()).ToArray();
            writer.WriteLine($"{(isPositive ? 1 : 0)}\t{string.Join(' ', words)}");
        }
        return path;
    }

    /// <summary>The text variant's outputs from ONNX Runtime, one thread, all texts in one batch.</summary>
    public static (float[] Logits, float[] Probabilities) RunOnnxRuntime(string path, IReadOnlyList<string> texts)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(path, options);
        var tensor = new DenseTensor<string>([texts.Count, 1]);
        for (int i = 0; i < texts.Count; i++) tensor[i, 0] = TextNormalizer.Normalize(texts[i]);
        using var input = OrtValue.CreateFromStringTensor(tensor);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, new Dictionary<string, OrtValue> { ["text"] = input }, ["logit", "probability"]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }

    /// <summary>Score and Probability of each text from the zip loaded in a fresh MLContext, through a PredictionEngine.</summary>
    public static (float[] Scores, float[] Probabilities) RunMLNetZip(string zip, IReadOnlyList<string> texts)
    {
        var ml = new MLContext();
        var loaded = ml.Model.Load(zip, out _);
        try
        {
            using var engine = ml.Model.CreatePredictionEngine<Review, ReviewPrediction>(loaded);
            var predictions = texts.Select(t => engine.Predict(new Review { Text = t })).ToArray();
            return ([.. predictions.Select(p => p.Score)], [.. predictions.Select(p => p.Probability)]);
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }

    /// <summary>HEAD's commit, with "+changes" when the working tree differs from it; "unknown" without git.</summary>
    public static string Commit(string root)
    {
        string? Git(string arguments)
        {
            try
            {
                var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = root, RedirectStandardOutput = true, UseShellExecute = false };
                using var process = Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                return process.ExitCode == 0 ? output : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }
        string? head = Git("rev-parse HEAD");
        if (head is null) return "unknown";
        string? changes = Git("status --porcelain --untracked-files=no -- src tests/Lstm.Fixtures.Writer");
        return string.IsNullOrEmpty(changes) ? head : head + "+changes";
    }

    public static void WriteExpected(string path, string commit, IReadOnlyList<string> texts,
        IReadOnlyList<(string Key, string File, string How, bool Exact, float[] Logits, float[] Probabilities)> artefacts, EvaluationResult evaluation)
    {
        using var stream = File.Create(path);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", "lstm-mlnet-fixture-expectations");
            json.WriteNumber("version", 1);
            json.WriteString("writtenBy", "tests/Lstm.Fixtures.Writer");
            json.WriteString("commit", commit);
            json.WriteString("note", "Bits are IEEE-754 float32 bit patterns as int32 (BitConverter.SingleToInt32Bits); the strings are the same floats formatted \"R\".");
            json.WriteStartArray("texts");
            foreach (string text in texts) json.WriteStringValue(text);
            json.WriteEndArray();
            json.WriteStartObject("artefacts");
            foreach (var a in artefacts)
            {
                json.WriteStartObject(a.Key);
                json.WriteString("file", a.File);
                json.WriteString("how", a.How);
                json.WriteBoolean("bitExact", a.Exact);
                json.WriteStartArray("probability");
                foreach (float p in a.Probabilities) json.WriteStringValue(p.ToString("R", CultureInfo.InvariantCulture));
                json.WriteEndArray();
                json.WriteStartArray("probabilityBits");
                foreach (float p in a.Probabilities) json.WriteNumberValue(BitConverter.SingleToInt32Bits(p));
                json.WriteEndArray();
                json.WriteStartArray("logitBits");
                foreach (float l in a.Logits) json.WriteNumberValue(BitConverter.SingleToInt32Bits(l));
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartObject("evaluate");
            json.WriteString("how", "'lstm evaluate --model tests/Fixtures/format-v1 --data tests/Fixtures/format-v1/reviews.tsv' (all rows)");
            json.WriteNumber("count", evaluation.Count);
            json.WriteString("loss", evaluation.Loss.ToString("R", CultureInfo.InvariantCulture));
            json.WriteString("accuracy", evaluation.Accuracy.ToString("R", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }
}
