using System.Text;
using System.Text.Json;
using Lstm.Training.Layers;
using Lstm.Training.Losses;
using Lstm.Training.Onnx;
using Lstm.Training.Tests.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Fixtures;

/// <summary>
/// Compatibility (issue 10): model.lstm, the checkpoint and model.onnx of tests/Fixtures/format-v1, and the shipped
/// models/imdb-lstm, written by the format-1 code, still load with this library and predict the recorded bits.
/// A later format must keep these passing, or refuse the files with a message that names their format version.
/// </summary>
public class FormatV1Tests
{
    private static FormatV1Expectations Expected => FormatV1Fixture.Expected;

    private static IReadOnlyList<string> Texts => Expected.Texts;

    [Fact]
    public void The_fixture_files_are_the_format_1_files()
    {
        // Guards the fixtures themselves: regenerating them with a later format would make these tests prove nothing.
        Assert.Equal("LSTMCLS1", Magic(FormatV1Fixture.File("model.lstm")));
        Assert.Equal("LSTMCKP1", Magic(FormatV1Fixture.File("checkpoint.lstmckpt")));
        Assert.Equal(("lstm-mlnet-vocabulary", 1), FormatAndVersion(FormatV1Fixture.File("vocabulary.json")));
        Assert.Equal(("lstm-mlnet-training", 1), FormatAndVersion(FormatV1Fixture.File("training.json")));
        Assert.Equal(("lstm-mlnet-fixture-expectations", 1), FormatAndVersion(FormatV1Fixture.File("expected.json")));
        string onnx = FormatV1Fixture.File("model.onnx");
        Assert.Equal("1", OnnxModelParser.Parse(File.ReadAllBytes(onnx), onnx).MetadataProps.Single(p => p.Key == OnnxMetadataKeys.FormatVersion).Value);
    }

    [Fact]
    public void Model_lstm_with_its_vocabulary_predicts_the_recorded_bits()
    {
        var model = LstmClassifier.Load(FormatV1Fixture.File("model.lstm"));
        AssertRunFolderPredictions(model, FormatV1Fixture.Folder, Expected["model.lstm"]);
    }

    [Fact]
    public void The_checkpoint_resumes_after_epoch_2_and_its_network_predicts_the_recorded_bits()
    {
        // Resume only reads the file; the checkpoint is written again only by Fit.
        var trainer = Trainer.Resume(FormatV1Fixture.File("checkpoint.lstmckpt"));
        Assert.Equal(2, trainer.History.Epochs.Count);
        AssertRunFolderPredictions(trainer.Model, FormatV1Fixture.Folder, Expected["checkpoint.lstmckpt"]);
    }

    [Fact]
    public void Model_onnx_through_the_importer_predicts_the_recorded_bits() =>
        AssertImportedPredictions(FormatV1Fixture.File("model.onnx"), Expected["model.onnx"]);

    [Fact]
    public void Model_onnx_in_onnx_runtime_predicts_the_recorded_probabilities() =>
        AssertOnnxRuntimePredictions(FormatV1Fixture.File("model.onnx"), Expected["model.onnx@onnxruntime"]);

    [Fact]
    public void The_shipped_model_lstm_predicts_the_recorded_bits()
    {
        var model = LstmClassifier.Load(Path.Combine(FormatV1Fixture.ShippedFolder, "model.lstm"));
        AssertRunFolderPredictions(model, FormatV1Fixture.ShippedFolder, Expected["shipped:model.lstm"]);
    }

    [Fact]
    public void The_shipped_model_onnx_through_the_importer_predicts_the_recorded_bits() =>
        AssertImportedPredictions(Path.Combine(FormatV1Fixture.ShippedFolder, "model.onnx"), Expected["shipped:model.onnx"]);

    [Fact]
    public void The_shipped_model_onnx_in_onnx_runtime_predicts_the_recorded_probabilities() =>
        AssertOnnxRuntimePredictions(Path.Combine(FormatV1Fixture.ShippedFolder, "model.onnx"), Expected["shipped:model.onnx@onnxruntime"]);

    private static void AssertRunFolderPredictions(LstmClassifier model, string folder, ExpectedPredictions expected)
    {
        var vocabulary = Vocabulary.Load(Path.Combine(folder, "vocabulary.json"));
        var (maxLen, padding, truncating) = FormatV1Fixture.Preprocessing(Path.Combine(folder, "training.json"));
        AssertPredictions(model, vocabulary.EncodePadded(Texts, maxLen, padding, truncating), expected);
    }

    private static void AssertImportedPredictions(string onnxFile, ExpectedPredictions expected)
    {
        var imported = OnnxImporter.ImportFile(onnxFile);
        var metadata = imported.Metadata;
        AssertPredictions(imported.Model, imported.Vocabulary.EncodePadded(Texts, metadata.MaxLength, metadata.Padding, metadata.Truncating), expected);
    }

    // The C# forward pass gives the same bits for any thread count, batch size and vector width (IsaDeterminismTests).
    private static void AssertPredictions(LstmClassifier model, int[][] sequences, ExpectedPredictions expected)
    {
        Assert.True(expected.BitExact, $"{expected.Key} is a C# path: expected.json should record it as bit-exact.");
        float[] logits = model.PredictLogits(sequences);
        expected.AssertMatches(Texts, logits, [.. logits.Select(BinaryCrossEntropy.Sigmoid)]);
    }

    // ONNX Runtime is compared within 1e-5 (as OnnxRuntimeAgreementTests), not bit for bit: its MLAS kernels are chosen by CPU (SSE, AVX2, AVX-512, NEON)
    // and sum in different orders, so the last bits of its floats can differ from the machine that wrote the fixture.
    private static void AssertOnnxRuntimePredictions(string onnxFile, ExpectedPredictions expected)
    {
        using var session = new OnnxSession(File.ReadAllBytes(onnxFile));
        var result = session.RunText([.. Texts.Select(TextNormalizer.Normalize)]);
        expected.AssertMatches(Texts, result.Logits, result.Probabilities, probabilityTolerance: 1e-5f);
    }

    private static string Magic(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        return new string(reader.ReadChars(8));
    }

    private static (string Format, int Version) FormatAndVersion(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return (document.RootElement.GetProperty("format").GetString()!, document.RootElement.GetProperty("version").GetInt32());
    }

}
