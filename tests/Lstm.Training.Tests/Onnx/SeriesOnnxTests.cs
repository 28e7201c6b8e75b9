using System.Text.Json;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Text;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace Lstm.Training.Tests.Onnx;

/// <summary>
/// Numeric-series networks exported with <see cref="OnnxExporter.ExportSeries"/>: ONNX Runtime on raw windows equals
/// <see cref="SequenceNetwork.PredictOutputs(IReadOnlyList{float[]}, int, int?)"/> on the standardised ones, un-scaled,
/// for batches of 1 and 37 and windows shorter and longer than the trained one; onnx.checker passes; the metadata
/// holds every key; import gives the network and options back and export → import → export is byte-identical.
/// </summary>
public sealed class SeriesOnnxTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    public static TheoryData<string> Cases => new(SeriesOnnxNetworks.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void OnnxRuntime_MatchesTheNetworkOnStandardisedWindows_Unscaled(string name)
    {
        var spec = SeriesOnnxNetworks.Spec(name);
        var network = FamilyOnnxNetworks.Create(spec, seed: 31);
        var options = SeriesOnnxNetworks.Options(spec, seed: 32);
        using var session = Session(OnnxExporter.ExportSeriesToBytes(network, options));
        var random = new SeededRandom(33);
        double worstValue = 0, worstScaled = 0, worstAbsolute = 0;
        foreach (int steps in new[] { SeriesOnnxNetworks.TrainedSteps, 1, 5, 30 })
        {
            foreach (int rows in new[] { 1, 37 })
            {
                var raw = SeriesOnnxNetworks.RawWindows(rows, steps, options, random);
                var (value, scaled) = SeriesOnnxNetworks.Run(session, raw, spec.InputFeatures);
                var expected = SeriesOnnxNetworks.Expected(network, options, raw);
                Assert.Equal(rows * spec.Outputs, value.Length);
                double v = SeriesOnnxNetworks.MaxRelative(value, expected.Value), s = SeriesOnnxNetworks.MaxRelative(scaled, expected.Scaled);
                worstValue = Math.Max(worstValue, v);
                worstScaled = Math.Max(worstScaled, s);
                worstAbsolute = Math.Max(worstAbsolute, value.Zip(expected.Value, (a, b) => Math.Abs(a - (double)b)).Max());
                Assert.True(v <= Tolerance && s <= Tolerance, $"{name}, {rows} x {steps} steps: value {v:E2}, value_scaled {s:E2}");
            }
        }
        output.WriteLine($"{name}: max relative |ORT - C#| value {worstValue:E2}, value_scaled {worstScaled:E2}; max absolute (value) {worstAbsolute:E2}");
    }

    [Fact]
    public void WithoutScaling_TheGraphIsTheNetwork()
    {
        var spec = SeriesOnnxNetworks.Spec("lstm-last-f8-h24");
        var network = FamilyOnnxNetworks.Create(spec, seed: 41);
        var options = new SeriesExportOptions { FeatureNames = [.. Enumerable.Range(0, 8).Select(i => $"f{i}")], TargetName = "y", WindowLength = 12 };
        byte[] bytes = OnnxExporter.ExportSeriesToBytes(network, options);
        using var session = Session(bytes);
        var raw = SeriesOnnxNetworks.RawWindows(9, 12, options, new SeededRandom(42));
        var (value, scaled) = SeriesOnnxNetworks.Run(session, raw, 8);
        var expected = network.PredictOutputs(raw);
        Assert.InRange(SeriesOnnxNetworks.MaxRelative(value, expected), 0, Tolerance);
        Assert.Equal(scaled, value);
        var properties = OnnxMetadataProps.Read(bytes);
        Assert.Equal("[0,0,0,0,0,0,0,0]", properties[OnnxMetadataKeys.SeriesInputMean]);
        Assert.Equal("[1,1,1,1,1,1,1,1]", properties[OnnxMetadataKeys.SeriesInputStd]);
        Assert.False(properties.ContainsKey(OnnxMetadataKeys.SeriesSamplingInterval));
        Assert.False(properties.ContainsKey(OnnxMetadataKeys.SeriesPreprocessing));
        var imported = OnnxSeriesImporter.Import(bytes);
        Assert.Null(imported.Options.SamplingInterval);
        Assert.Equal(bytes, OnnxExporter.ExportSeriesToBytes(imported.Network, imported.Options));
    }

    [Fact]
    public void Metadata_HoldsEveryKey_AndTheGraphItsSignature()
    {
        var spec = SeriesOnnxNetworks.Spec("bilstm-gru-mean-f8-h24");
        var options = SeriesOnnxNetworks.Options(spec, seed: 5);
        byte[] bytes = OnnxExporter.ExportSeriesToBytes(FamilyOnnxNetworks.Create(spec, seed: 4), options);
        var p = OnnxMetadataProps.Read(bytes);
        Assert.Equal("4", p[OnnxMetadataKeys.FormatVersion]);
        Assert.Equal("forecast", p[OnnxMetadataKeys.Task]);
        Assert.Equal(SequenceNetwork.SpecToJson(spec), p[OnnxMetadataKeys.Network]);
        Assert.Equal("input", p[OnnxMetadataKeys.InputName]);
        Assert.Equal("value", p[OnnxMetadataKeys.ValueOutputName]);
        Assert.Equal("value_scaled", p[OnnxMetadataKeys.SeriesScaledValueOutputName]);
        Assert.Equal(options.FeatureNames, JsonSerializer.Deserialize<string[]>(p[OnnxMetadataKeys.SeriesFeatures]));
        Assert.Equal("load", p[OnnxMetadataKeys.SeriesTarget]);
        Assert.Equal("12", p[OnnxMetadataKeys.SeriesWindowLength]);
        Assert.Equal("24", p[OnnxMetadataKeys.SeriesHorizon]);
        Assert.Equal("PT1H", p[OnnxMetadataKeys.SeriesSamplingInterval]);
        Assert.Equal(options.InputMean, JsonSerializer.Deserialize<float[]>(p[OnnxMetadataKeys.SeriesInputMean]));
        Assert.Equal(options.InputStd, JsonSerializer.Deserialize<float[]>(p[OnnxMetadataKeys.SeriesInputStd]));
        Assert.Equal("123.25", p[OnnxMetadataKeys.SeriesTargetMean]);
        Assert.Equal("17.5", p[OnnxMetadataKeys.SeriesTargetStd]);
        Assert.Equal(options.Preprocessing, p[OnnxMetadataKeys.SeriesPreprocessing]);
        Assert.All(p.Keys, k => Assert.StartsWith(OnnxMetadataKeys.Prefix, k));

        using var session = Session(bytes);
        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("input", input.Key);
        Assert.Equal([-1, -1, 8], input.Value.Dimensions);
        Assert.Equal(["value", "value_scaled"], session.OutputMetadata.Keys);
        Assert.All(session.OutputMetadata.Values, o => Assert.Equal([-1, 24], o.Dimensions));
        Assert.Equal("Lstm.MLNet", session.ModelMetadata.ProducerName);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExportImportExport_IsByteIdentical_AndGivesTheWeightsAndOptionsBack(string name)
    {
        var spec = SeriesOnnxNetworks.Spec(name);
        var network = FamilyOnnxNetworks.Create(spec, seed: 51);
        var options = SeriesOnnxNetworks.Options(spec, seed: 52);
        byte[] first = OnnxExporter.ExportSeriesToBytes(network, options);
        Assert.Equal(first, OnnxExporter.ExportSeriesToBytes(network, options));

        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "series.onnx");
        OnnxExporter.ExportSeriesToFile(network, options, path);
        Assert.Equal(first, File.ReadAllBytes(path));
        using (var stream = new MemoryStream())
        {
            OnnxExporter.ExportSeries(network, options, stream);
            Assert.Equal(first, stream.ToArray());
        }

        var imported = OnnxSeriesImporter.ImportFile(path);
        Assert.Equal(spec, imported.Network.Spec);
        Assert.Equal(network.Parameters.Tensors.Count, imported.Network.Parameters.Tensors.Count);
        for (int t = 0; t < network.Parameters.Tensors.Count; t++)
        {
            var expected = network.Parameters.Tensors[t].Select(BitConverter.SingleToInt32Bits);
            Assert.Equal(expected, imported.Network.Parameters.Tensors[t].Select(BitConverter.SingleToInt32Bits));
        }
        var o = imported.Options;
        Assert.Equal(options.FeatureNames, o.FeatureNames);
        Assert.Equal(options.TargetName, o.TargetName);
        Assert.Equal(options.WindowLength, o.WindowLength);
        Assert.Equal(options.SamplingInterval, o.SamplingInterval);
        Assert.Equal(options.InputMean, o.InputMean);
        Assert.Equal(options.InputStd, o.InputStd);
        Assert.Equal(options.TargetMean, o.TargetMean);
        Assert.Equal(options.TargetStd, o.TargetStd);
        Assert.Equal(options.Preprocessing, o.Preprocessing);
        Assert.Equal(OnnxExporter.ProducerVersion, imported.ProducerVersion);

        Assert.Equal(first, OnnxExporter.ExportSeriesToBytes(imported.Network, imported.Options));
        using var stream2 = new MemoryStream(first);
        Assert.Equal(first, OnnxExporter.ExportSeriesToBytes(OnnxSeriesImporter.Import(stream2).Network, o));
    }

    [Fact]
    public void OnnxChecker_Passes()
    {
        var tool = OnnxCheckTool.Find();
        if (tool is null)
        {
            output.WriteLine("python3 with onnx not found; skipped outside CI");
            return;
        }
        using var directory = new TempDirectory();
        var files = new List<string>();
        foreach (var name in SeriesOnnxNetworks.Names)
        {
            var spec = SeriesOnnxNetworks.Spec(name);
            string path = Path.Combine(directory.Path, name + ".onnx");
            OnnxExporter.ExportSeriesToFile(FamilyOnnxNetworks.Create(spec, seed: 61), SeriesOnnxNetworks.Options(spec, seed: 62), path);
            files.Add(path);
        }
        var (code, text) = tool.Run(files);
        output.WriteLine(text);
        Assert.True(code == 0, text);
        Assert.Equal(files.Count, text.Split('\n').Count(l => l.StartsWith("OK ", StringComparison.Ordinal)));
    }

    private static InferenceSession Session(byte[] model)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        return new InferenceSession(model, options);
    }
}
