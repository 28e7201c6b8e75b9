using System.Diagnostics;
using Lstm.MLNet.Tests.TestData;
using Lstm.Training.Onnx;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit.Abstractions;

namespace Lstm.MLNet.Tests;

/// <summary>
/// The shipped (padding-free) model scores all 25,000 IMDB test reviews through <c>ApplyLstmModel</c> as its padded
/// re-export does, in the rows' order; the transformer sorts each window of rows by length.
/// </summary>
public sealed class PaddingFreeImdbTests(ITestOutputHelper output)
{
    private static string ShippedModel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return Path.Combine(dir.FullName, "models", "imdb-lstm", "model.onnx");
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} holds Lstm.MLNet.sln.");
    }

    [SkippableFact]
    public void Transform_OnThePaddingFreeShippedModel_GivesThePaddedModelsProbabilities()
    {
        var imdb = RealImdb.LoadOrSkip();
        byte[] free = File.ReadAllBytes(ShippedModel());
        var imported = OnnxImporter.Import(free);
        Assert.True(imported.Metadata.PaddingFree);
        byte[] padded = OnnxExporter.ExportToBytes(imported.Network, imported.Vocabulary, imported.ExportOptions with { Layout = OnnxGraphLayout.Padded });
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(imdb.Test.Select(r => new Review { Text = r.Text, Label = r.Label }).ToArray());

        (float[] Probabilities, double Seconds) Score(byte[] model)
        {
            using var transformer = ml.Transforms.ApplyLstmModel(model).Fit(data);
            var clock = Stopwatch.StartNew();
            float[] probabilities = [.. transformer.Transform(data).GetColumn<float>("Probability")];
            return (probabilities, clock.Elapsed.TotalSeconds);
        }

        var expected = Score(padded);
        var actual = Score(free);
        Assert.Equal(25_000, actual.Probabilities.Length);
        double worst = 0;
        for (int i = 0; i < expected.Probabilities.Length; i++) worst = Math.Max(worst, Math.Abs(expected.Probabilities[i] - actual.Probabilities[i]));
        output.WriteLine($"25,000 IMDB test reviews through ApplyLstmModel ({Environment.ProcessorCount} intra-op threads): max |Δp| {worst:E2}; padded {expected.Seconds:F1} s, padding-free {actual.Seconds:F1} s");
        Assert.True(worst <= 1e-5, $"max |Δp| {worst:E2}");
    }
}
