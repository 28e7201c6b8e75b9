using Lstm.Training.Layers;
using Lstm.Training.Losses;
using Lstm.Training.Onnx;
using Lstm.Training.Tests.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Fixtures;

/// <summary>
/// Compatibility (issue 10): the seed-shaped model.lstm, checkpoint and model.onnx of a fixture set (tests/Fixtures/format-vN),
/// and the shipped models/imdb-lstm, written by the code of that format, still load with this library and predict the
/// recorded bits. A later format must keep these passing, or refuse the files with a message that names their format
/// version. Each set is a derived class (<see cref="FormatV1Tests"/>, <see cref="FormatV2Tests"/>), which also checks
/// that its files are still the ones of its format.
/// </summary>
public abstract class FormatFixtureTests
{
    private protected FormatFixtureTests(string set) => Set = FixtureSet.Get(set);

    private protected FixtureSet Set { get; }

    private protected FixtureExpectations Expected => Set.Expected;

    private IReadOnlyList<string> Texts => Expected.Texts;

    [Fact]
    public void Model_lstm_with_its_vocabulary_predicts_the_recorded_bits()
    {
        var model = LstmClassifier.Load(Set.File("model.lstm"));
        AssertRunFolderPredictions(model, Set.Folder, Expected["model.lstm"]);
    }

    [Fact]
    public void The_checkpoint_resumes_after_epoch_2_and_its_network_predicts_the_recorded_bits()
    {
        // Resume only reads the file; the checkpoint is written again only by Fit.
        var trainer = Trainer.Resume(Set.File("checkpoint.lstmckpt"));
        Assert.Equal(2, trainer.History.Epochs.Count);
        AssertRunFolderPredictions(trainer.Model, Set.Folder, Expected["checkpoint.lstmckpt"]);
    }

    [Fact]
    public void Model_onnx_through_the_importer_predicts_the_recorded_bits() =>
        AssertImportedPredictions(Set.File("model.onnx"), Expected["model.onnx"]);

    [Fact]
    public void Model_onnx_in_onnx_runtime_predicts_the_recorded_probabilities() =>
        AssertOnnxRuntimePredictions(Set.File("model.onnx"), Expected["model.onnx@onnxruntime"]);

    private void AssertRunFolderPredictions(LstmClassifier model, string folder, ExpectedPredictions expected)
    {
        var vocabulary = Vocabulary.Load(Path.Combine(folder, "vocabulary.json"));
        var (maxLen, padding, truncating) = FixtureSet.Preprocessing(Path.Combine(folder, "training.json"));
        AssertPredictions(model, vocabulary.EncodePadded(Texts, maxLen, padding, truncating), expected);
    }

    private void AssertImportedPredictions(string onnxFile, ExpectedPredictions expected)
    {
        var imported = OnnxImporter.ImportFile(onnxFile);
        var metadata = imported.Metadata;
        AssertPredictions(imported.Model, imported.Vocabulary.EncodePadded(Texts, metadata.MaxLength, metadata.Padding, metadata.Truncating), expected);
    }

    // The C# forward pass gives the same bits for any thread count, batch size and vector width (IsaDeterminismTests).
    private void AssertPredictions(LstmClassifier model, int[][] sequences, ExpectedPredictions expected)
    {
        Assert.True(expected.BitExact, $"{expected.Key} is a C# path: expected.json should record it as bit-exact.");
        float[] logits = model.PredictLogits(sequences);
        expected.AssertMatches(Texts, logits, [.. logits.Select(BinaryCrossEntropy.Sigmoid)]);
    }

    // ONNX Runtime is compared within 1e-5 (as OnnxRuntimeAgreementTests), not bit for bit: its MLAS kernels are chosen by CPU (SSE, AVX2, AVX-512, NEON)
    // and sum in different orders, so the last bits of its floats can differ from the machine that wrote the fixture.
    private void AssertOnnxRuntimePredictions(string onnxFile, ExpectedPredictions expected)
    {
        using var session = new OnnxSession(File.ReadAllBytes(onnxFile));
        var result = session.RunText([.. Texts.Select(TextNormalizer.Normalize)]);
        expected.AssertMatches(Texts, result.Logits, result.Probabilities, probabilityTolerance: 1e-5f);
    }
}
