using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Tests.Onnx;
using Lstm.Training.Text;
using Lstm.Training.Training;

namespace Lstm.Training.Tests.Fixtures;

/// <summary>
/// Compatibility: the family run of tests/Fixtures/format-v2 (<c>family/</c>: a multi-class bidirectional GRU network
/// with masked padding and max pooling, trained by <c>lstm train</c>) still loads with this library, model.lstm
/// (LSTMNET3), the checkpoint (LSTMCKP2) and model.onnx (ONNX metadata format 2), and predicts the recorded bits of
/// every class's logit and probability. A later format must keep these passing, or refuse the files with a message that
/// names their format version.
/// </summary>
public sealed class FormatV2FamilyTests
{
    private static FixtureSet Set => FixtureSet.Get(FixtureSet.V2);

    private static FixtureExpectations Expected => Set.Expected;

    private static IReadOnlyList<string> Texts => Expected.Texts;

    private static string Family(string file) => $"{Expected.Family!.Folder}/{file}";

    [Fact]
    public void Model_lstm_with_its_vocabulary_predicts_the_recorded_bits_of_every_class()
    {
        var network = SequenceNetwork.Load(Set.File(Family("model.lstm")));
        AssertRunFolderPredictions(network, Expected[Family("model.lstm")]);
    }

    [Fact]
    public void The_checkpoint_resumes_after_epoch_2_and_its_network_predicts_the_recorded_bits_of_every_class()
    {
        // Resume only reads the file; the checkpoint is written again only by Fit.
        var trainer = Trainer.Resume(Set.File(Family("checkpoint.lstmckpt")));
        Assert.Equal(2, trainer.History.Epochs.Count);
        Assert.Equal(Expected.Family!.Network, trainer.Network.Spec.Describe());
        AssertRunFolderPredictions(trainer.Network, Expected[Family("checkpoint.lstmckpt")]);
    }

    [Fact]
    public void Model_onnx_through_the_importer_predicts_the_recorded_bits_of_every_class()
    {
        var imported = OnnxImporter.ImportFile(Set.File(Family("model.onnx")));
        var metadata = imported.Metadata;
        Assert.Equal(OnnxModelMetadata.CurrentFormatVersion, metadata.FormatVersion);
        Assert.Equal(Expected.Family!.Classes, imported.Network.Spec.ClassNames);
        AssertPredictions(imported.Network, imported.Vocabulary.EncodePadded(Texts, metadata.MaxLength, metadata.Padding, metadata.Truncating), Expected[Family("model.onnx")]);
    }

    // ONNX Runtime within 1e-5, as FormatFixtureTests and OnnxRuntimeAgreementTests: its MLAS kernels depend on the CPU.
    [Fact]
    public void Model_onnx_in_onnx_runtime_predicts_the_recorded_probabilities_of_every_class()
    {
        using var session = new OnnxSession(File.ReadAllBytes(Set.File(Family("model.onnx"))));
        var outputs = session.RunText([.. Texts.Select(TextNormalizer.Normalize)], ["logit", "probability"]);
        Expected[Family("model.onnx@onnxruntime")].AssertMatches(Texts, outputs[0], outputs[1], probabilityTolerance: 1e-5f);
    }

    private static void AssertRunFolderPredictions(SequenceNetwork network, ExpectedPredictions expected)
    {
        var vocabulary = Vocabulary.Load(Set.File(Family("vocabulary.json")));
        var (maxLen, padding, truncating) = FixtureSet.Preprocessing(Set.File(Family("training.json")));
        AssertPredictions(network, vocabulary.EncodePadded(Texts, maxLen, padding, truncating), expected);
    }

    // The family's forward pass gives each row the same bits for any batch size and thread count (SequenceNetwork.PredictOutputs).
    private static void AssertPredictions(SequenceNetwork network, int[][] sequences, ExpectedPredictions expected)
    {
        Assert.True(expected.BitExact, $"{expected.Key} is a C# path: expected.json should record it as bit-exact.");
        Assert.Equal(network.Spec.Outputs, expected.Outputs);
        float[] logits = network.PredictOutputs(sequences);
        float[] probabilities = [.. logits];
        for (int i = 0; i < probabilities.Length; i += expected.Outputs) SequenceNetwork.Activate(network.Spec, probabilities.AsSpan(i, expected.Outputs));
        expected.AssertMatches(Texts, logits, probabilities);
    }
}
