using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lstm.Training.Onnx;

/// <summary>
/// What <see cref="OnnxExporter.ExportSeries"/> writes beside a numeric network (<see cref="Models.NetworkSpec.IsNumeric"/>):
/// the input features' names and order, the target, the trained window length, the sampling interval, the scaling the
/// graph applies, and the caller's preprocessing. <see cref="OnnxSeriesImporter"/> returns them as read from the file.
/// </summary>
/// <remarks>
/// The graph standardises its raw input per feature, <c>(x − InputMean[f]) / InputStd[f]</c>, runs the network on
/// that, and un-scales the head's output, <c>value = value_scaled · TargetStd + TargetMean</c>. Leave the scaling
/// unset for a network trained on unscaled data: the graph then subtracts 0 and divides and multiplies by 1.
/// </remarks>
public sealed partial record SeriesExportOptions
{
    /// <summary>
    /// The input features in the order of the input's last axis, one per <see cref="Models.NetworkSpec.InputFeatures"/>:
    /// the columns after the caller's one-hot encoding and missing-value filling (e.g. <c>load</c>, <c>temp</c>,
    /// <c>weekday=mon</c>, …). Non-empty and distinct.
    /// </summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>Name of the series the network forecasts (e.g. <c>load</c>). Not empty.</summary>
    public required string TargetName { get; init; }

    /// <summary>Time steps per window the network was trained on (the graph accepts any length ≥ 1). At least 1.</summary>
    public required int WindowLength { get; init; }

    /// <summary>
    /// The time between steps as an ISO 8601 duration (e.g. <c>PT1H</c>, <c>P1D</c>, <c>PT15M</c>, <c>PT0.5S</c>); null
    /// when unknown or irregular (the key is then not written).
    /// </summary>
    public string? SamplingInterval { get; init; }

    /// <summary>Per-feature means subtracted from the raw input, one per feature, finite; null for zeros.</summary>
    public IReadOnlyList<float>? InputMean { get; init; }

    /// <summary>Per-feature standard deviations the centred input is divided by, one per feature, finite and positive; null for ones.</summary>
    public IReadOnlyList<float>? InputStd { get; init; }

    /// <summary>The target mean added to the head's output. Finite; default 0.</summary>
    public float TargetMean { get; init; }

    /// <summary>The target standard deviation the head's output is multiplied by. Finite and positive; default 1.</summary>
    public float TargetStd { get; init; } = 1f;

    /// <summary>
    /// The preprocessing done before the graph, as JSON of the caller's choosing (e.g.
    /// <c>{"one_hot":{"weekday":["mon","tue",…]},"missing":"forward-fill"}</c>); stored verbatim. Null: none recorded.
    /// </summary>
    public string? Preprocessing { get; init; }

    /// <summary>The means the graph subtracts: <see cref="InputMean"/>, or <paramref name="features"/> zeros.</summary>
    public float[] EffectiveInputMean(int features) => InputMean is { } mean ? [.. mean] : new float[features];

    /// <summary>The standard deviations the graph divides by: <see cref="InputStd"/>, or <paramref name="features"/> ones.</summary>
    public float[] EffectiveInputStd(int features) => InputStd is { } std ? [.. std] : Enumerable.Repeat(1f, features).ToArray();

    /// <summary>Throws <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/> naming the first value that does not fit a network of <paramref name="features"/> inputs.</summary>
    public void Validate(int features)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        if (FeatureNames is null) throw new ArgumentException("FeatureNames is required: the name of each input feature, in input order.", nameof(FeatureNames));
        if (FeatureNames.Count != features)
            throw new ArgumentException($"FeatureNames holds {FeatureNames.Count} names; the network reads {features} features per step.", nameof(FeatureNames));
        for (int i = 0; i < FeatureNames.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(FeatureNames[i])) throw new ArgumentException($"FeatureNames[{i}] is empty.", nameof(FeatureNames));
        }
        var duplicate = FeatureNames.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"FeatureNames holds '{duplicate.Key}' more than once.", nameof(FeatureNames));
        if (string.IsNullOrWhiteSpace(TargetName)) throw new ArgumentException("TargetName must not be empty.", nameof(TargetName));
        if (WindowLength < 1) throw new ArgumentOutOfRangeException(nameof(WindowLength), WindowLength, "WindowLength (the trained time steps) must be at least 1.");
        if (SamplingInterval is not null && !Iso8601Duration().IsMatch(SamplingInterval))
            throw new ArgumentException($"SamplingInterval '{SamplingInterval}' is not an ISO 8601 duration such as PT1H, P1D or PT15M.", nameof(SamplingInterval));
        CheckVector(InputMean, features, positive: false, nameof(InputMean));
        CheckVector(InputStd, features, positive: true, nameof(InputStd));
        if (!float.IsFinite(TargetMean)) throw new ArgumentOutOfRangeException(nameof(TargetMean), TargetMean, "TargetMean must be finite.");
        if (!float.IsFinite(TargetStd) || TargetStd <= 0) throw new ArgumentOutOfRangeException(nameof(TargetStd), TargetStd, "TargetStd must be finite and positive.");
        if (Preprocessing is not null)
        {
            try
            {
                using var _ = JsonDocument.Parse(Preprocessing);
            }
            catch (JsonException e)
            {
                throw new ArgumentException($"Preprocessing is not valid JSON: {e.Message}", nameof(Preprocessing), e);
            }
        }
    }

    private static void CheckVector(IReadOnlyList<float>? values, int features, bool positive, string name)
    {
        if (values is null) return;
        if (values.Count != features) throw new ArgumentException($"{name} holds {values.Count} values; the network reads {features} features per step.", name);
        for (int i = 0; i < values.Count; i++)
        {
            if (!float.IsFinite(values[i]) || (positive && values[i] <= 0))
                throw new ArgumentOutOfRangeException(name, values[i], $"{name}[{i}] must be finite{(positive ? " and positive" : "")}.");
        }
    }

    [GeneratedRegex(@"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso8601Duration();
}
