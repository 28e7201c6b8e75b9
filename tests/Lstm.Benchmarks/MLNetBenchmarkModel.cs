using Lstm.Training.Data;
using Lstm.Training.Layers;
using Lstm.Training.Onnx;
using Lstm.Training.Text;

namespace Lstm.Benchmarks;

/// <summary>
/// A seed-sized model for the ML.NET scoring benchmarks: vocabulary from the real IMDB training texts (10,000 ids),
/// a randomly initialised Embedding(10000, 128) → LSTM(128) → Dense(1) network (speed does not depend on the
/// weights), max length 500; and the first reviews of the IMDB test split to score.
/// </summary>
public sealed class MLNetBenchmarkModel
{
    private MLNetBenchmarkModel(byte[] onnx, string[] reviews)
    {
        Onnx = onnx;
        Reviews = reviews;
    }

    /// <summary>The exported text-variant model.</summary>
    public byte[] Onnx { get; }

    /// <summary>Raw review texts.</summary>
    public string[] Reviews { get; }

    /// <summary>Reads the archive <c>shared/data/aclImdb_v1_labelled.tar.gz</c> beside the repository and builds the model.</summary>
    public static MLNetBenchmarkModel Create(int reviews)
    {
        var imdb = ImdbArchive.Load(FindArchive());
        var vocabulary = Vocabulary.BuildFromTexts(imdb.Train.Select(r => r.Text), Vocabulary.DefaultNumWords);
        var network = new LstmClassifier(new LstmClassifierConfig(), seed: 1);
        var onnx = OnnxExporter.ExportToBytes(network, vocabulary, new OnnxExportOptions { MaxLength = 500 });
        return new MLNetBenchmarkModel(onnx, imdb.Test.Take(reviews).Select(r => r.Text).ToArray());
    }

    /// <summary>The IMDB archive beside the repository.</summary>
    internal static string FindArchive()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "data", "aclImdb_v1_labelled.tar.gz");
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException("The ML.NET benchmarks read shared/data/aclImdb_v1_labelled.tar.gz beside the repository; it was not found.");
    }
}
