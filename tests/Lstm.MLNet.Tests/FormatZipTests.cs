using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Tests.Fixtures;
using Microsoft.ML;

namespace Lstm.MLNet.Tests;

/// <summary>
/// Compatibility (issue 10): the binary ML.NET model zip of a fixture set (tests/Fixtures/format-vN), saved with
/// <c>mlContext.Model.Save</c> by the code of that format, still loads in a fresh MLContext and predicts the
/// probabilities recorded in its expected.json; the run folder's model.onnx still works with <c>ApplyLstmModel</c>. A
/// later format must keep these passing, or refuse the files with a message that names their format version. Each set
/// is a derived class (<see cref="FormatV1ZipTests"/>, <see cref="FormatV2ZipTests"/>).
/// </summary>
/// <remarks>
/// ML.NET scores with ONNX Runtime, so these compare within 1e-5 (as the other ONNX Runtime tests) rather than bit for bit: ONNX Runtime's MLAS kernels are
/// chosen by CPU (SSE, AVX2, AVX-512, NEON) and sum in different orders, so the last bits can differ from the machine
/// that wrote the fixture.
/// </remarks>
public abstract class FormatZipTests
{
    private protected const float Tolerance = 1e-5f;

    private protected FormatZipTests(string set) => Set = FixtureSet.Get(set);

    private protected FixtureSet Set { get; }

    private FixtureExpectations Expected => Set.Expected;

    [Fact]
    public void The_zip_names_the_version_1_mappings_and_holds_an_onnx_model_of_metadata_format_1()
    {
        // Guards the fixture itself: the binary zip stores the contract names of the v1 custom mappings (TextNormalizationMapping,
        // ScoreMapping), and the seed's shape is written with ONNX metadata format 1 by both formats' code.
        string zip = Set.File("mlnet-model.zip");
        foreach (string contract in new[] { "Lstm.MLNet.Normalize.lstm-mlnet-words.v1", "Lstm.MLNet.BinaryScores.v1" })
            Assert.True(FixtureZip.NamesContract(zip, contract), $"No entry of the zip names {contract}.");
        Assert.Equal("1", FixtureZip.OnnxFormatVersion(zip));
    }

    [Fact]
    public void The_zip_loads_in_a_fresh_MLContext_and_its_prediction_engine_gives_the_recorded_probabilities()
    {
        var ml = new MLContext();
        var loaded = ml.Model.Load(Set.File("mlnet-model.zip"), out _);
        try
        {
            using var engine = ml.Model.CreatePredictionEngine<Review, ReviewPrediction>(loaded);
            var predictions = Expected.Texts.Select(t => engine.Predict(new Review { Text = t })).ToArray();
            Expected["mlnet-model.zip"].AssertMatches(Expected.Texts, [.. predictions.Select(p => p.Score)], [.. predictions.Select(p => p.Probability)], Tolerance);
            Assert.Equal(predictions.Select(p => p.Score > 0), predictions.Select(p => p.PredictedLabel));
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void The_zip_loads_in_a_fresh_MLContext_and_its_transform_gives_the_recorded_probabilities()
    {
        var ml = new MLContext();
        var loaded = ml.Model.Load(Set.File("mlnet-model.zip"), out _);
        try
        {
            var data = ml.Data.LoadFromEnumerable(Expected.Texts.Select(t => new Review { Text = t }));
            var rows = ml.Data.CreateEnumerable<ReviewPrediction>(loaded.Transform(data), reuseRowObject: false).ToArray();
            Expected["mlnet-model.zip"].AssertMatches(Expected.Texts, [.. rows.Select(p => p.Score)], [.. rows.Select(p => p.Probability)], Tolerance);
        }
        finally
        {
            (loaded as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void The_run_folders_model_onnx_in_ApplyLstmModel_gives_the_recorded_probabilities()
    {
        var ml = new MLContext();
        var data = ml.Data.LoadFromEnumerable(Expected.Texts.Select(t => new Review { Text = t }));
        using var model = ml.Transforms.ApplyLstmModel(Set.File("model.onnx")).Fit(data);
        var rows = ml.Data.CreateEnumerable<ReviewPrediction>(model.Transform(data), reuseRowObject: false).ToArray();
        Expected["model.onnx@onnxruntime"].AssertMatches(Expected.Texts, [.. rows.Select(p => p.Score)], [.. rows.Select(p => p.Probability)], Tolerance);
    }
}
