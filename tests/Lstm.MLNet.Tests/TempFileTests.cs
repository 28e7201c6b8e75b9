using Lstm.MLNet.Tests.TestData;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests;

/// <summary>Runs alone: it watches the system temp folder, which other tests' ONNX transformers also use.</summary>
[CollectionDefinition(nameof(TempFileTests), DisableParallelization = true)]
public sealed class TempFileCollection;

[Collection(nameof(TempFileTests))]
public sealed class TempFileTests
{
    [Fact]
    public void ScoringSavingLoadingAndDisposing_LeaveNoTempFilesBehind()
    {
        using var work = new TempDirectory();
        string zip = work.File("model.zip");
        var ml = new MLContext();
        var data = ml.Data.LoadFromEnumerable(SyntheticReviews.Make(50));
        byte[] onnx = RandomModels.Synthetic();
        var before = TempFiles();

        using (var transformer = ml.Transforms.ApplyLstmModel(onnx).Fit(data))
        {
            _ = transformer.Transform(data).GetColumn<float>("Score").ToArray();
            ml.Model.Save(transformer, data.Schema, zip);
            ml.Model.Save(transformer, data.Schema, zip);
        }
        var loaded = ml.Model.Load(zip, out _);
        _ = loaded.Transform(data).GetColumn<float>("Score").ToArray();
        var engine = ml.Model.CreatePredictionEngine<Review, ReviewPrediction>(loaded);
        _ = engine.Predict(new Review { Text = "great" });
        engine.Dispose();
        Assert.NotEmpty(TempFiles().Except(before)); // the loaded ONNX step keeps a temp copy until disposed
        ((IDisposable)loaded).Dispose();

        var left = TempFiles().Except(before).Where(f => !f.StartsWith(work.Path, StringComparison.Ordinal)).ToArray();
        Assert.True(left.Length == 0, $"Files left in {Path.GetTempPath()}: {string.Join(", ", left)}");
    }

    private static HashSet<string> TempFiles() =>
        Directory.EnumerateFiles(Path.GetTempPath(), "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .ToHashSet(StringComparer.Ordinal);
}
