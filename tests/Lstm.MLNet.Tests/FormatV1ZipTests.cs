using System.IO.Compression;
using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Tests.Fixtures;
using Microsoft.ML;

namespace Lstm.MLNet.Tests;

/// <summary>
/// Compatibility (issue 10): the ML.NET model zip of tests/Fixtures/format-v1, saved with <c>mlContext.Model.Save</c> by
/// the format-1 code, still loads in a fresh MLContext and predicts the probabilities recorded in expected.json; the run
/// folder's model.onnx still works with <c>ApplyLstmModel</c>. A later format must keep these passing, or refuse the
/// files with a message that names their format version.
/// </summary>
/// <remarks>
/// ML.NET scores with ONNX Runtime, so these compare within 1e-5 (as the other ONNX Runtime tests) rather than bit for bit: ONNX Runtime's MLAS kernels are
/// chosen by CPU (SSE, AVX2, AVX-512, NEON) and sum in different orders, so the last bits can differ from the machine
/// that wrote the fixture.
/// </remarks>
public sealed class FormatV1ZipTests
{
    private const float Tolerance = 1e-5f;

    private static FormatV1Expectations Expected => FormatV1Fixture.Expected;

    [Fact]
    public void The_zip_names_the_version_1_mappings()
    {
        // Guards the fixture itself: the zip stores the contract names of the v1 custom mappings (UTF-16 strings in the
        // entries' Model.key), which Model.Load looks up among the [CustomMappingFactoryAttribute] classes of Lstm.MLNet
        // (ScoreMapping, TextNormalizationMapping).
        using var zip = ZipFile.OpenRead(FormatV1Fixture.File("mlnet-model.zip"));
        var entries = zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }).ToArray();
        foreach (string contract in new[] { "Lstm.MLNet.Normalize.lstm-mlnet-words.v1", "Lstm.MLNet.BinaryScores.v1" })
            Assert.True(entries.Any(e => e.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(contract)) >= 0), $"No entry of the zip names {contract}.");
    }

    [Fact]
    public void The_zip_loads_in_a_fresh_MLContext_and_its_prediction_engine_gives_the_recorded_probabilities()
    {
        var ml = new MLContext();
        var loaded = ml.Model.Load(FormatV1Fixture.File("mlnet-model.zip"), out _);
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
        var loaded = ml.Model.Load(FormatV1Fixture.File("mlnet-model.zip"), out _);
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
        using var model = ml.Transforms.ApplyLstmModel(FormatV1Fixture.File("model.onnx")).Fit(data);
        var rows = ml.Data.CreateEnumerable<ReviewPrediction>(model.Transform(data), reuseRowObject: false).ToArray();
        Expected["model.onnx@onnxruntime"].AssertMatches(Expected.Texts, [.. rows.Select(p => p.Score)], [.. rows.Select(p => p.Probability)], Tolerance);
    }
}
