using Lstm.Training.Layers;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Fuzz;

/// <summary>
/// The smallest networks of each kind the readers know, written by today's code: a few hundred bytes each, so that
/// afl-fuzz's mutations reach every field of the formats quickly.
/// </summary>
internal static class TinyModels
{
    /// <summary>Six words, ids below 10.</summary>
    public static Vocabulary Vocabulary { get; } = Vocabulary.FromWords(["good", "bad", "film", "plot", "great", "awful"], numWords: 10);

    /// <summary>The seed's shape: Embedding(10, 2) → LSTM(2) → Dense(1, sigmoid).</summary>
    public static LstmClassifier Classifier() => new(new LstmClassifierConfig { VocabularySize = 10, EmbeddingDim = 2, Units = 2 }, seed: 1);

    /// <summary>A family network with every option off the seed's: masked, bidirectional GRU, max pooling, three classes.</summary>
    public static SequenceNetwork Family() => new(new NetworkSpec
    {
        VocabularySize = 10,
        EmbeddingDim = 2,
        MaskZero = true,
        Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.Gru, Units = 2, Bidirectional = true }],
        Pooling = PoolingKind.Max,
        Task = TaskKind.MulticlassClassification,
        Outputs = 3,
        ClassNames = ["a", "b", "c"],
    }, seed: 1);

    /// <summary>What <see cref="SequenceNetwork.Write"/> writes for <paramref name="network"/>.</summary>
    public static byte[] ModelBytes(SequenceNetwork network)
    {
        using var stream = new MemoryStream();
        network.Write(stream);
        return stream.ToArray();
    }

    /// <summary>ONNX files of both variants for both networks.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Onnx()
    {
        var text = new OnnxExportOptions { MaxLength = 4 };
        var ids = text with { Variant = OnnxModelVariant.Ids };
        yield return ("tiny-classifier-text.onnx", OnnxExporter.ExportToBytes(Classifier(), Vocabulary, text));
        yield return ("tiny-classifier-ids.onnx", OnnxExporter.ExportToBytes(Classifier(), Vocabulary, ids));
        yield return ("tiny-family-text.onnx", OnnxExporter.ExportToBytes(Family(), Vocabulary, text));
    }

    /// <summary>
    /// Checkpoints after one epoch on four sequences: the classifier with early stopping (so with best weights and
    /// its state) and the family network with a learning-rate schedule.
    /// </summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Checkpoints(Workspace workspace)
    {
        int[][] sequences = [[1, 4, 5], [1, 6, 7], [1, 8, 4], [1, 9, 6]];
        var options = new FitOptions { Epochs = 1, BatchSize = 2, Seed = 1, MaxDegreeOfParallelism = 1 };
        var classifier = new Trainer(Classifier(), options with { EarlyStopping = new EarlyStopping("loss", Patience: 1) });
        classifier.Fit(new SequenceDataset(sequences, [true, false, true, false]));
        yield return ("tiny-classifier.lstmckpt", Save(classifier, workspace));
        var family = new Trainer(Family(), options with { ReduceLearningRateOnPlateau = new ReduceLearningRateOnPlateau("loss") });
        family.Fit(SequenceDataset.ForClasses(sequences, [0, 1, 2, 1]));
        yield return ("tiny-family.lstmckpt", Save(family, workspace));
    }

    private static byte[] Save(Trainer trainer, Workspace workspace)
    {
        string path = Path.Combine(workspace.Root, "seed.lstmckpt");
        trainer.SaveCheckpoint(path);
        return File.ReadAllBytes(path);
    }
}
