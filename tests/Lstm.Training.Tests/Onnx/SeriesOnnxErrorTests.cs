using Google.Protobuf;
using Lstm.Training.Models;
using Lstm.Training.Onnx;
using Lstm.Training.Onnx.Proto;
using Lstm.Training.Text;

namespace Lstm.Training.Tests.Onnx;

/// <summary>
/// What the series export and import refuse, and how they say it: a text or id model given to
/// <see cref="OnnxSeriesImporter"/> and a series model given to <see cref="OnnxImporter"/> name the other importer;
/// networks of the wrong input kind name the other export; invalid options and edited files name the value.
/// </summary>
public sealed class SeriesOnnxErrorTests
{
    private static readonly string[] Words = [.. Enumerable.Range(0, 12).Select(i => $"w{i}")];

    private static (SequenceNetwork Network, SeriesExportOptions Options, byte[] Bytes) Series()
    {
        var spec = SeriesOnnxNetworks.Spec("bilstm-gru-mean-f8-h24");
        var network = FamilyOnnxNetworks.Create(spec, seed: 71);
        var options = SeriesOnnxNetworks.Options(spec, seed: 72);
        return (network, options, OnnxExporter.ExportSeriesToBytes(network, options));
    }

    public static TheoryData<string, string> TokenModels => new()
    {
        { "seed-shape", "format 1" },
        { "gru-max-regression", "format 2" },
    };

    private static byte[] TokenModel(string name, OnnxModelVariant variant = OnnxModelVariant.Ids)
    {
        var spec = name == "seed-shape"
            ? new NetworkSpec { VocabularySize = 20, EmbeddingDim = 4, Recurrent = [new RecurrentLayerSpec { Units = 3 }] }
            : new NetworkSpec { VocabularySize = 20, EmbeddingDim = 4, Recurrent = [new RecurrentLayerSpec { Kind = RecurrentKind.Gru, Units = 3 }], Pooling = PoolingKind.Max, Task = TaskKind.Regression, Outputs = 2 };
        return OnnxExporter.ExportToBytes(FamilyOnnxNetworks.Create(spec, seed: 3), Vocabulary.FromWords(Words, 20), new OnnxExportOptions { Variant = variant, MaxLength = 9 });
    }

    [Theory]
    [MemberData(nameof(TokenModels))]
    public void SeriesImporter_RefusesTextAndIdModels_NamingOnnxImporter(string name, string format)
    {
        foreach (var variant in new[] { OnnxModelVariant.Ids, OnnxModelVariant.Text })
        {
            var e = Assert.Throws<InvalidDataException>(() => OnnxSeriesImporter.Import(TokenModel(name, variant), "m.onnx"));
            Assert.Contains("m.onnx is a text or token-id model", e.Message);
            Assert.Contains(format, e.Message);
            Assert.Contains("format 4, task 'forecast'", e.Message);
            Assert.Contains("read it with OnnxImporter", e.Message);
        }
    }

    [Fact]
    public void OnnxImporter_AndMetadataReader_RefuseSeriesModels_NamingOnnxSeriesImporter()
    {
        byte[] bytes = Series().Bytes;
        foreach (var action in new Action[] { () => OnnxImporter.Import(bytes, "s.onnx"), () => OnnxModelMetadata.Read(bytes, "s.onnx") })
        {
            var e = Assert.Throws<InvalidDataException>(action);
            Assert.Contains("s.onnx is a numeric-series forecast model (metadata format 4, task 'forecast')", e.Message);
            Assert.Contains("read it with OnnxSeriesImporter", e.Message);
        }
    }

    [Fact]
    public void Exporters_RefuseTheOtherInputKind_NamingTheRightExport()
    {
        var (numeric, options, _) = Series();
        var e = Assert.Throws<ArgumentException>(() => OnnxExporter.ExportToBytes(numeric, Vocabulary.FromWords(Words, 20), new OnnxExportOptions { Variant = OnnxModelVariant.Ids }));
        Assert.Contains("reads numeric sequences, not token ids: export it with OnnxExporter.ExportSeries", e.Message);

        var ids = FamilyOnnxNetworks.Create(new NetworkSpec { VocabularySize = 20, EmbeddingDim = 4, Recurrent = [new RecurrentLayerSpec { Units = 3 }], Task = TaskKind.Regression }, seed: 2);
        e = Assert.Throws<ArgumentException>(() => OnnxExporter.ExportSeriesToBytes(ids, options));
        Assert.Contains("reads token ids, not numeric sequences: export it with OnnxExporter.Export", e.Message);
    }

    public static TheoryData<string, string> InvalidOptions => new()
    {
        { "features", "FeatureNames holds 7 names; the network reads 8 features per step" },
        { "duplicate", "FeatureNames holds 'x1' more than once" },
        { "target", "TargetName must not be empty" },
        { "window", "WindowLength (the trained time steps) must be at least 1" },
        { "interval", "SamplingInterval '1 hour' is not an ISO 8601 duration" },
        { "mean", "InputMean holds 3 values" },
        { "std", "InputStd[2] must be finite and positive" },
        { "target-std", "TargetStd must be finite and positive" },
        { "target-mean", "TargetMean must be finite" },
        { "json", "Preprocessing is not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptions_AreRefused_NamingTheValue(string what, string message)
    {
        var (network, options, _) = Series();
        var bad = what switch
        {
            "features" => options with { FeatureNames = [.. options.FeatureNames.Take(7)] },
            "duplicate" => options with { FeatureNames = [.. options.FeatureNames.Take(7), "x1"] },
            "target" => options with { TargetName = " " },
            "window" => options with { WindowLength = 0 },
            "interval" => options with { SamplingInterval = "1 hour" },
            "mean" => options with { InputMean = [1, 2, 3] },
            "std" => options with { InputStd = [1, 1, 0, 1, 1, 1, 1, 1] },
            "target-std" => options with { TargetStd = -1 },
            "target-mean" => options with { TargetMean = float.NaN },
            _ => options with { Preprocessing = "{not json" },
        };
        var e = Assert.ThrowsAny<ArgumentException>(() => OnnxExporter.ExportSeriesToBytes(network, bad));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("PT1H")]
    [InlineData("P1D")]
    [InlineData("PT15M")]
    [InlineData("PT0.5S")]
    [InlineData("P1W")]
    public void SamplingInterval_TakesIso8601Durations(string interval)
    {
        var (network, options, _) = Series();
        byte[] bytes = OnnxExporter.ExportSeriesToBytes(network, options with { SamplingInterval = interval });
        Assert.Equal(interval, OnnxSeriesImporter.Import(bytes).Options.SamplingInterval);
    }

    public static TheoryData<string, string, string> EditedMetadata => new()
    {
        { OnnxMetadataKeys.FormatVersion, "5", "written by a newer Lstm.MLNet (metadata format 5); this version reads numeric-series models of format 4" },
        { OnnxMetadataKeys.Task, "regression", "metadata key 'lstm_mlnet.task' is 'regression'; a format-4 model is a 'forecast'" },
        { OnnxMetadataKeys.SeriesHorizon, "12", "metadata key 'lstm_mlnet.series.horizon' is 12; the network" },
        { OnnxMetadataKeys.SeriesTargetStd, "2", "metadata key 'lstm_mlnet.series.target_std' ([2]) disagrees with the graph's initializer ([17.5])" },
        { OnnxMetadataKeys.SeriesInputMean, "[1,2]", "the series metadata is invalid: InputMean holds 2 values" },
        { OnnxMetadataKeys.SeriesFeatures, "load", "metadata key 'lstm_mlnet.series.features' is not a JSON array of strings" },
        { OnnxMetadataKeys.SeriesWindowLength, "0", "metadata key 'lstm_mlnet.series.window_length' is '0'; expected an integer ≥ 1" },
        { OnnxMetadataKeys.InputName, "x", "metadata key 'lstm_mlnet.input' is 'x'; Lstm.MLNet names it 'input'" },
    };

    [Theory]
    [MemberData(nameof(EditedMetadata))]
    public void EditedMetadata_IsRefused_NamingTheKey(string key, string value, string message)
    {
        byte[] edited = OnnxMetadataProps.With(Series().Bytes, new Dictionary<string, string> { [key] = value });
        var e = Assert.Throws<InvalidDataException>(() => OnnxSeriesImporter.Import(edited, "s.onnx"));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("s.onnx", e.Message);
    }

    [Fact]
    public void MissingKey_ForeignProducer_AndEditedGraph_AreRefused()
    {
        byte[] bytes = Series().Bytes;
        var model = ModelProto.Parser.ParseFrom(bytes);
        var noTarget = model.Clone();
        noTarget.MetadataProps.Remove(noTarget.MetadataProps.Single(p => p.Key == OnnxMetadataKeys.SeriesTarget));
        Assert.Contains("metadata key 'lstm_mlnet.series.target' is missing", Assert.Throws<InvalidDataException>(() => OnnxSeriesImporter.Import(noTarget.ToByteArray())).Message);

        var foreign = model.Clone();
        foreign.ProducerName = "pytorch";
        Assert.Contains("was not written by Lstm.MLNet: its producer_name is 'pytorch'", Assert.Throws<InvalidDataException>(() => OnnxSeriesImporter.Import(foreign.ToByteArray())).Message);

        var opset = model.Clone();
        opset.OpsetImport[0].Version = 20;
        Assert.Contains("Lstm.MLNet writes numeric-series models with ai.onnx opset 17 only", Assert.Throws<InvalidDataException>(() => OnnxSeriesImporter.Import(opset.ToByteArray())).Message);

        var noStd = model.Clone();
        noStd.Graph.Initializer.Remove(noStd.Graph.Initializer.Single(t => t.Name == "input_std"));
        Assert.Contains("initializer 'input_std' is missing", Assert.Throws<InvalidDataException>(() => OnnxSeriesImporter.Import(noStd.ToByteArray())).Message);

        var outputs = model.Clone();
        outputs.Graph.Output.RemoveAt(1);
        Assert.Contains("expected [value, value_scaled]", Assert.Throws<InvalidDataException>(() => OnnxSeriesImporter.Import(outputs.ToByteArray())).Message);

        Assert.Contains("is not a readable ONNX model", Assert.Throws<InvalidDataException>(() => OnnxSeriesImporter.Import(bytes[..100], "cut.onnx")).Message);
    }
}
