using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests;

/// <summary>ApplyLstmModel on ONNX files of the model family: binary classifiers of any architecture score; other tasks are refused.</summary>
public sealed class FamilyModelTests
{
    private readonly MLContext _ml = new(seed: 1);

    private static NetworkSpec Spec(TaskKind task, int outputs) => new()
    {
        VocabularySize = 200,
        EmbeddingDim = 8,
        MaskZero = true,
        Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.Gru, Units = 6, Bidirectional = true }],
        Pooling = PoolingKind.Mean,
        Task = task,
        Outputs = outputs,
    };

    [Fact]
    public void ABinaryFamilyNetwork_ScoresAsTheNetworkPredicts()
    {
        var reviews = SyntheticReviews.Make(45);
        var vocabulary = Vocabulary.BuildFromTexts(SyntheticReviews.Make(200).Select(r => r.Text), 200);
        var network = new SequenceNetwork(Spec(TaskKind.BinaryClassification, 1), seed: 5);
        byte[] onnx = OnnxExporter.ExportToBytes(network, vocabulary, new OnnxExportOptions { MaxLength = 40 });
        float[] expected = network.Predict(vocabulary.EncodePadded(reviews.Select(r => TextNormalizer.Normalize(r.Text)).ToArray(), 40));

        var data = _ml.Data.LoadFromEnumerable(reviews);
        using var transformer = _ml.Transforms.ApplyLstmModel(onnx).Fit(data);
        float[] actual = transformer.Transform(data).GetColumn<float>("Probability").ToArray();

        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5f);
    }

    [Fact]
    public void AMulticlassFamilyNetwork_IsRefusedNamingIt()
    {
        var spec = Spec(TaskKind.MulticlassClassification, 3);
        byte[] onnx = OnnxExporter.ExportToBytes(new SequenceNetwork(spec, seed: 6), Vocabulary.FromWords(["a", "b"], 200));
        var error = Assert.Throws<InvalidDataException>(() => _ml.Transforms.ApplyLstmModel(onnx));
        Assert.Contains(spec.Describe(), error.Message);
    }
}
