using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Models;
using Lstm.Training.Tests.Fixtures;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests;

/// <summary>
/// Compatibility: the multi-class ML.NET zip of tests/Fixtures/format-v2's family run (<c>family/mlnet-model.zip</c>:
/// <c>MulticlassClassification.Trainers.Lstm</c>, a bidirectional GRU with masked padding and max pooling, saved with
/// <c>Model.Save</c>) still loads in a fresh MLContext and gives every class's recorded Score, with the class names as
/// the PredictedLabel's key values; the family run's model.onnx (ONNX metadata format 2) still works with
/// <c>ApplyLstmModel</c>. Compared within 1e-5, as <see cref="FormatZipTests"/> (ML.NET scores with ONNX Runtime).
/// </summary>
public sealed class FormatV2FamilyZipTests
{
    private const float Tolerance = 1e-5f;

    private static FixtureSet Set => FixtureSet.Get(FixtureSet.V2);

    private static FixtureExpectations Expected => Set.Expected;

    private static ExpectedFamily Family => Expected.Family!;

    private static string Zip => Set.File($"{Family.Folder}/mlnet-model.zip");

    [Fact]
    public void The_zip_names_the_multiclass_mappings_and_holds_an_onnx_model_of_metadata_format_2()
    {
        // Guards the fixture itself: a multi-class chain (TextNormalizationMapping, ClassIndexMapping) over a family graph.
        foreach (string contract in new[] { "Lstm.MLNet.Normalize.lstm-mlnet-words.v1", "Lstm.MLNet.ClassIndex.v1" })
            Assert.True(FixtureZip.NamesContract(Zip, contract), $"No entry of the zip names {contract}.");
        Assert.Equal("2", FixtureZip.OnnxFormatVersion(Zip));
    }

    [Fact]
    public void The_zip_loads_in_a_fresh_MLContext_and_its_prediction_engine_gives_the_recorded_class_scores()
    {
        var ml = new MLContext();
        var loaded = ml.Model.Load(Zip, out _);
        try
        {
            using var engine = ml.Model.CreatePredictionEngine<TopicText, TopicPrediction>(loaded);
            var predictions = Expected.Texts.Select(t => engine.Predict(new TopicText { Text = t })).ToArray();
            AssertScores(predictions);
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void The_zip_loads_in_a_fresh_MLContext_and_its_transform_gives_the_recorded_class_scores_and_names()
    {
        var ml = new MLContext();
        var loaded = ml.Model.Load(Zip, out _);
        try
        {
            var scored = loaded.Transform(ml.Data.LoadFromEnumerable(Expected.Texts.Select(t => new TopicText { Text = t })));
            VBuffer<ReadOnlyMemory<char>> names = default;
            scored.Schema["PredictedLabel"].GetKeyValues(ref names);
            Assert.Equal(Family.Classes, names.DenseValues().Select(n => n.ToString()));
            AssertScores(ml.Data.CreateEnumerable<TopicPrediction>(scored, reuseRowObject: false).ToArray());
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void The_family_runs_model_onnx_in_ApplyLstmModel_gives_the_recorded_class_probabilities()
    {
        var ml = new MLContext();
        var data = ml.Data.LoadFromEnumerable(Expected.Texts.Select(t => new TopicText { Text = t }));
        using var model = ml.Transforms.ApplyLstmModel(Set.File($"{Family.Folder}/model.onnx")).Fit(data);
        Assert.Equal(TaskKind.MulticlassClassification, model.Task);
        Assert.Equal(Family.Classes, model.ClassNames);
        var rows = ml.Data.CreateEnumerable<TopicPrediction>(model.Transform(data), reuseRowObject: false).ToArray();
        Expected[$"{Family.Folder}/model.onnx@onnxruntime"].AssertMatches(Expected.Texts, null, [.. rows.SelectMany(p => p.Score)], Tolerance);
    }

    /// <summary>Score is the recorded class probabilities; PredictedLabel (a 1-based key) the most probable class, the first of equal ones.</summary>
    private static void AssertScores(TopicPrediction[] predictions)
    {
        Expected[$"{Family.Folder}/mlnet-model.zip"].AssertMatches(Expected.Texts, null, [.. predictions.SelectMany(p => p.Score)], Tolerance);
        Assert.Equal(predictions.Select(p => (uint)Array.IndexOf(p.Score, p.Score.Max()) + 1), predictions.Select(p => p.PredictedLabel));
    }
}
