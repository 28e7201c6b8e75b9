// Uses Lstm.Training and Lstm.MLNet as a new user would, from their packages: train on IMDB reviews with the
// ML.NET trainer, evaluate, save, load in batches again, predict; train with Lstm.Training directly and export
// to ONNX; score a shipped model file. Exits non-zero when anything fails or the model has not learned.
// Usage: dotnet run -- IMDB_ARCHIVE [MODEL_ONNX]
using Lstm.MLNet;
using Lstm.Training.Data;
using Lstm.Training.Layers;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;
using Microsoft.ML;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: PackageConsumer IMDB_ARCHIVE [MODEL_ONNX]");
    return 2;
}

var imdb = ImdbArchive.Load(args[0]);
var train = imdb.Train.Where((_, i) => i % 10 == 0).ToArray();   // 2,500 of each split: seconds, not minutes
var test = imdb.Test.Where((_, i) => i % 10 == 0).ToArray();
Console.WriteLine($"Lstm.MLNet {typeof(LstmTransformer).Assembly.GetName().Version}, Lstm.Training {typeof(Trainer).Assembly.GetName().Version}");

// ML.NET: fit, evaluate, save, load, predict.
var mlContext = new MLContext(seed: 1);
var trainData = mlContext.Data.LoadFromEnumerable(train.Select(r => new Review { Text = r.Text, Label = r.Label }));
var testData = mlContext.Data.LoadFromEnumerable(test.Select(r => new Review { Text = r.Text, Label = r.Label }));
using var model = mlContext.BinaryClassification.Trainers.Lstm(new LstmTrainer.Options
{
    MaxLength = 100, NumWords = 5_000, EmbeddingDim = 32, Units = 32, Epochs = 3,
}).Fit(trainData);
var metrics = mlContext.BinaryClassification.Evaluate(model.Transform(testData));
Console.WriteLine($"ML.NET trainer: accuracy {metrics.Accuracy:F4}, AUC {metrics.AreaUnderRocCurve:F4} on {test.Length:N0} test reviews");
string folder = Directory.CreateTempSubdirectory("lstm-package-consumer-").FullName;
string zip = Path.Combine(folder, "sentiment.zip");
mlContext.Model.Save(model, trainData.Schema, zip);
ITransformer loaded = LstmModelZip.Load(new MLContext(), zip, out _);
var engine = mlContext.Model.CreatePredictionEngine<Review, Prediction>(loaded, new PredictionEngineOptions { OwnsTransformer = false });
float good = engine.Predict(new Review { Text = "A wonderful, moving film with brilliant acting." }).Probability;
float bad = engine.Predict(new Review { Text = "Awful. Boring, stupid and a waste of time." }).Probability;
Console.WriteLine($"After Save and LstmModelZip.Load: p(positive) {good:F3} for a good review, {bad:F3} for a bad one");
engine.Dispose();
(loaded as IDisposable)?.Dispose();

// Lstm.Training alone: fit, export, read back.
var vocabulary = Vocabulary.BuildFromTexts(train.Select(r => r.Text), numWords: 5_000);
var network = new LstmClassifier(new LstmClassifierConfig { VocabularySize = 5_000, EmbeddingDim = 32, Units = 32 }, seed: 1);
var history = new Trainer(network, new FitOptions { Epochs = 2, BatchSize = 32 })
    .Fit(new SequenceDataset(vocabulary.EncodePadded(train.Select(r => r.Text).ToArray(), maxLen: 100), train.Select(r => r.Label).ToArray()));
var evaluation = network.Evaluate(vocabulary.EncodePadded(test.Select(r => r.Text).ToArray(), maxLen: 100), test.Select(r => r.Label).ToArray());
string onnx = Path.Combine(folder, "model.onnx");
OnnxExporter.ExportToFile(network, vocabulary, new OnnxExportOptions { MaxLength = 100 }, onnx);
Console.WriteLine($"Lstm.Training: loss {history.Loss[^1]:F4} after {history.Loss.Count} epochs; test accuracy {evaluation.Accuracy:F4}; exported {new FileInfo(onnx).Length:N0} bytes");

// A model file scored through ApplyLstmModel: the one just exported, and the one given.
foreach (string file in args.Skip(1).Prepend(onnx))
{
    using var scorer = mlContext.Transforms.ApplyLstmModel(file).Fit(testData);
    var fileMetrics = mlContext.BinaryClassification.Evaluate(scorer.Transform(testData));
    Console.WriteLine($"ApplyLstmModel({Path.GetFileName(Path.GetDirectoryName(file))}/{Path.GetFileName(file)}): accuracy {fileMetrics.Accuracy:F4}");
    if (fileMetrics.Accuracy < 0.65) return Fail($"{file} scored {fileMetrics.Accuracy:F4}");
}
Directory.Delete(folder, recursive: true);
if (metrics.Accuracy < 0.65 || evaluation.Accuracy < 0.65) return Fail("a model did not learn (accuracy below 0.65)");
if (good <= bad) return Fail($"the good review scored {good:F3}, the bad one {bad:F3}");
Console.WriteLine("package consumer: OK");
return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"package consumer: FAILED: {message}");
    return 1;
}

public sealed class Review
{
    public string Text { get; set; } = "";

    public bool Label { get; set; }
}

public sealed class Prediction
{
    public float Probability { get; set; }
}
