using Lstm.MLNet.Tests.TestData;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Lstm.MLNet.Tests;

/// <summary>Runs alone within this assembly: it watches the system temp folder, which other tests' ONNX transformers also use.</summary>
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
        string loadTemp = Directory.CreateDirectory(work.File("load-temp")).FullName;
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
        var loadContext = new MLContext { TempFilePath = loadTemp };
        var loaded = loadContext.Model.Load(zip, out _);
        Assert.NotEmpty(Directory.GetFileSystemEntries(loadTemp)); // the loaded ONNX step's temporary copy, until Dispose
        _ = loaded.Transform(data).GetColumn<float>("Score").ToArray();
        using (var engine = loadContext.Model.CreatePredictionEngine<Review, ReviewPrediction>(loaded))
            _ = engine.Predict(new Review { Text = "great" });
        ((IDisposable)loaded).Dispose();

        var left = CopiesOf(onnx, before);
        Assert.True(left.Length == 0, $"Copies of the model left in {Path.GetTempPath()}: {string.Join(", ", left)}");
        Assert.Empty(Directory.GetFileSystemEntries(loadTemp));
    }

    [Fact]
    public void TheCheck_SeesATempCopyOfTheModel()
    {
        // ML.NET 5.0.1's ApplyOnnxModel(Stream) writes a temporary copy that it never deletes, even on Dispose (which is
        // why Lstm.MLNet saves from a file it deletes itself): the copy the check above looks for.
        var ml = new MLContext();
        byte[] onnx = RandomModels.Synthetic(maxLength: 41);
        var before = TempFiles();
        using (var stream = new MemoryStream(onnx))
        {
            var estimator = ml.Transforms.ApplyOnnxModel(outputColumnNames: ["logit"], inputColumnNames: ["text"], modelBytes: stream);
            (estimator.Fit(ml.Data.LoadFromEnumerable(new[] { new GraphInput() })) as IDisposable)?.Dispose();
        }
        var copies = CopiesOf(onnx, before);
        foreach (string copy in copies) File.Delete(copy);
        Assert.NotEmpty(copies);
    }

    // Other test assemblies may run at the same time and use the temp folder too: only new copies of this test's
    // model count (ML.NET's and Lstm.MLNet's temporary model files are exact copies).
    private static string[] CopiesOf(byte[] model, HashSet<string> before) =>
        TempFiles().Except(before).Where(f => IsCopy(f, model)).ToArray();

    private static bool IsCopy(string file, byte[] model)
    {
        try
        {
            return new FileInfo(file).Length == model.Length && File.ReadAllBytes(file).AsSpan().SequenceEqual(model);
        }
        catch (IOException)
        {
            return false; // deleted or locked meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static HashSet<string> TempFiles() =>
        Directory.EnumerateFiles(Path.GetTempPath(), "*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 })
            .ToHashSet(StringComparer.Ordinal);

    private sealed class GraphInput
    {
#pragma warning disable IDE1006 // named like the ONNX graph's input
        public string text { get; set; } = "";
#pragma warning restore IDE1006
    }
}
