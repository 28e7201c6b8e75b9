using System.Globalization;
using System.Text.Json;
using Lstm.Training.Models;

namespace Lstm.Training.Onnx;

/// <summary>
/// The <c>metadata_props</c> of a numeric-series model (format <see cref="OnnxModelMetadata.SeriesFormatVersion"/>):
/// written from, and read back into, the network's spec and the <see cref="SeriesExportOptions"/> (keys in
/// <see cref="OnnxMetadataKeys"/>, <c>series.*</c>; see docs/onnx-forecast.md).
/// </summary>
internal sealed record SeriesMetadata(string ProducerVersion, NetworkSpec Spec, SeriesExportOptions Options)
{
    /// <summary>The entries, in a fixed order; <see cref="SeriesExportOptions.InputMean"/> and <see cref="SeriesExportOptions.InputStd"/> must be set.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToProperties()
    {
        var list = new List<KeyValuePair<string, string>>();
        void Add(string key, string value) => list.Add(new(key, value));
        Add(OnnxMetadataKeys.FormatVersion, OnnxModelMetadata.SeriesFormatVersion.ToString(CultureInfo.InvariantCulture));
        Add(OnnxMetadataKeys.ProducerVersion, ProducerVersion);
        Add(OnnxMetadataKeys.Task, OnnxModelMetadata.ForecastTask);
        Add(OnnxMetadataKeys.Network, SequenceNetwork.SpecToJson(Spec));
        Add(OnnxMetadataKeys.InputName, SeriesGraph.Input);
        Add(OnnxMetadataKeys.ValueOutputName, SeriesGraph.ValueOutput);
        Add(OnnxMetadataKeys.SeriesScaledValueOutputName, SeriesGraph.ScaledValueOutput);
        Add(OnnxMetadataKeys.SeriesFeatures, JsonSerializer.Serialize(Options.FeatureNames));
        Add(OnnxMetadataKeys.SeriesTarget, Options.TargetName);
        Add(OnnxMetadataKeys.SeriesWindowLength, Options.WindowLength.ToString(CultureInfo.InvariantCulture));
        Add(OnnxMetadataKeys.SeriesHorizon, Spec.Outputs.ToString(CultureInfo.InvariantCulture));
        if (Options.SamplingInterval is { } interval) Add(OnnxMetadataKeys.SeriesSamplingInterval, interval);
        Add(OnnxMetadataKeys.SeriesInputMean, FormatArray(Options.InputMean!));
        Add(OnnxMetadataKeys.SeriesInputStd, FormatArray(Options.InputStd!));
        Add(OnnxMetadataKeys.SeriesTargetMean, Format(Options.TargetMean));
        Add(OnnxMetadataKeys.SeriesTargetStd, Format(Options.TargetStd));
        if (Options.Preprocessing is { } preprocessing) Add(OnnxMetadataKeys.SeriesPreprocessing, preprocessing);
        return list;
    }

    /// <summary>Reads and checks the entries of a format-4 file; refuses other formats and producers naming what was expected.</summary>
    public static SeriesMetadata FromProperties(string producerName, IReadOnlyDictionary<string, string> properties, string source)
    {
        if (producerName != OnnxMetadataKeys.ProducerName)
            throw new InvalidDataException($"{source} was not written by Lstm.MLNet: its producer_name is '{producerName}', expected '{OnnxMetadataKeys.ProducerName}'.");
        string Required(string key) => properties.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new InvalidDataException($"{source}: metadata key '{key}' is {(value is null ? "missing" : "empty")}; a numeric-series model (format {OnnxModelMetadata.SeriesFormatVersion}) has it.");
        string? Optional(string key) => properties.TryGetValue(key, out var value) ? value : null;

        string formatText = properties.TryGetValue(OnnxMetadataKeys.FormatVersion, out var f) ? f : "1";
        if (!int.TryParse(formatText, NumberStyles.None, CultureInfo.InvariantCulture, out int format) || format < 1)
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.FormatVersion}' is '{formatText}'; expected {OnnxModelMetadata.SeriesFormatVersion} for a numeric-series model.");
        if (format < OnnxModelMetadata.SeriesFormatVersion)
        {
            string task = Optional(OnnxMetadataKeys.Task) ?? "binary_classification";
            throw new InvalidDataException(
                $"{source} is a text or token-id model (metadata format {format}, task '{task}'), not a numeric-series forecast model (format {OnnxModelMetadata.SeriesFormatVersion}, task '{OnnxModelMetadata.ForecastTask}'): read it with OnnxImporter.");
        }
        if (format > OnnxModelMetadata.SeriesFormatVersion)
            throw new InvalidDataException($"{source} was written by a newer Lstm.MLNet (metadata format {format}); this version reads numeric-series models of format {OnnxModelMetadata.SeriesFormatVersion}.");
        string taskName = Required(OnnxMetadataKeys.Task);
        if (taskName != OnnxModelMetadata.ForecastTask)
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.Task}' is '{taskName}'; a format-{format} model is a '{OnnxModelMetadata.ForecastTask}'.");

        var spec = SequenceNetwork.SpecFromJson(Required(OnnxMetadataKeys.Network), $"{source}: metadata key '{OnnxMetadataKeys.Network}'");
        if (!spec.IsNumeric || spec.Task != TaskKind.Regression)
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.Network}' describes {spec.Describe()}; a forecast model reads numeric inputs into a regression head.");
        CheckName(OnnxMetadataKeys.InputName, SeriesGraph.Input);
        CheckName(OnnxMetadataKeys.ValueOutputName, SeriesGraph.ValueOutput);
        CheckName(OnnxMetadataKeys.SeriesScaledValueOutputName, SeriesGraph.ScaledValueOutput);
        int horizon = Int(OnnxMetadataKeys.SeriesHorizon);
        if (horizon != spec.Outputs)
            throw new InvalidDataException($"{source}: metadata key '{OnnxMetadataKeys.SeriesHorizon}' is {horizon}; the network {spec.Describe()} has {spec.Outputs} outputs.");

        var options = new SeriesExportOptions
        {
            FeatureNames = Json<string[]>(OnnxMetadataKeys.SeriesFeatures, "a JSON array of strings"),
            TargetName = Required(OnnxMetadataKeys.SeriesTarget),
            WindowLength = Int(OnnxMetadataKeys.SeriesWindowLength),
            SamplingInterval = Optional(OnnxMetadataKeys.SeriesSamplingInterval),
            InputMean = Json<float[]>(OnnxMetadataKeys.SeriesInputMean, "a JSON array of numbers"),
            InputStd = Json<float[]>(OnnxMetadataKeys.SeriesInputStd, "a JSON array of numbers"),
            TargetMean = Float(OnnxMetadataKeys.SeriesTargetMean),
            TargetStd = Float(OnnxMetadataKeys.SeriesTargetStd),
            Preprocessing = Optional(OnnxMetadataKeys.SeriesPreprocessing),
        };
        try
        {
            options.Validate(spec.InputFeatures);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: the series metadata is invalid: {e.Message}", e);
        }
        return new SeriesMetadata(Required(OnnxMetadataKeys.ProducerVersion), spec, options);

        void CheckName(string key, string expected)
        {
            string found = Required(key);
            if (found != expected) throw new InvalidDataException($"{source}: metadata key '{key}' is '{found}'; Lstm.MLNet names it '{expected}'.");
        }

        int Int(string key)
        {
            string text = Required(key);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= 1
                ? value
                : throw new InvalidDataException($"{source}: metadata key '{key}' is '{text}'; expected an integer ≥ 1.");
        }

        float Float(string key)
        {
            string text = Required(key);
            return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && float.IsFinite(value)
                ? value
                : throw new InvalidDataException($"{source}: metadata key '{key}' is '{text}'; expected a finite number.");
        }

        T Json<T>(string key, string expected) where T : class
        {
            string text = Required(key);
            try
            {
                return JsonSerializer.Deserialize<T>(text) ?? throw new JsonException("null");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{source}: metadata key '{key}' is not {expected}: {e.Message}", e);
            }
        }
    }

    private static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string FormatArray(IReadOnlyList<float> values) => "[" + string.Join(",", values.Select(Format)) + "]";
}
