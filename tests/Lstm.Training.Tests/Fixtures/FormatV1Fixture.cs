using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lstm.Training.Tests.Fixtures;

/// <summary>
/// tests/Fixtures/format-v1: a run folder, a checkpoint and an ML.NET zip written by the format-1 code (before issue
/// 10's model-family redesign), and expected.json, what each of them and the shipped models/imdb-lstm predicted then.
/// Found by walking up from the test binaries to Lstm.MLNet.sln. Compiled into all three test projects (linked), so
/// that each checks the artefacts its own loader reads.
/// </summary>
internal static class FormatV1Fixture
{
    private static readonly Lazy<FormatV1Expectations> LazyExpected = new(() => FormatV1Expectations.Load(File("expected.json")));

    /// <summary>The checkout: the first ancestor of the test binaries that holds Lstm.MLNet.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>tests/Fixtures/format-v1.</summary>
    public static string Folder => Path.Combine(RepositoryRoot, "tests", "Fixtures", "format-v1");

    /// <summary>models/imdb-lstm, the shipped model.</summary>
    public static string ShippedFolder => Path.Combine(RepositoryRoot, "models", "imdb-lstm");

    /// <summary>A file of the fixture folder.</summary>
    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>expected.json.</summary>
    public static FormatV1Expectations Expected => LazyExpected.Value;

    /// <summary>The padded length and sides recorded in a run folder's training.json (preprocessing section).</summary>
    public static (int MaxLen, Lstm.Training.Text.PaddingSide Padding, Lstm.Training.Text.PaddingSide Truncating) Preprocessing(string trainingJson)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(trainingJson));
        var section = document.RootElement.GetProperty("preprocessing");
        return (section.GetProperty("maxLen").GetInt32(), Side(section, "padding"), Side(section, "truncating"));

        static Lstm.Training.Text.PaddingSide Side(JsonElement section, string name) =>
            Enum.Parse<Lstm.Training.Text.PaddingSide>(section.GetProperty(name).GetString()!, ignoreCase: true);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} holds Lstm.MLNet.sln.");
    }
}

/// <summary>expected.json: the texts, and per artefact the float bits it predicted for each.</summary>
internal sealed record FormatV1Expectations(
    IReadOnlyList<string> Texts, IReadOnlyDictionary<string, ExpectedPredictions> Artefacts, int EvaluateCount, double EvaluateLoss, double EvaluateAccuracy)
{
    /// <summary>The artefact recorded under <paramref name="key"/> ("model.lstm", "shipped:model.onnx@onnxruntime", …).</summary>
    public ExpectedPredictions this[string key] => Artefacts.TryGetValue(key, out var artefact)
        ? artefact
        : throw new KeyNotFoundException($"expected.json records no artefact '{key}'; it has {string.Join(", ", Artefacts.Keys)}.");

    public static FormatV1Expectations Load(string path)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
        var root = document.RootElement;
        var texts = root.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray();
        var artefacts = new Dictionary<string, ExpectedPredictions>();
        foreach (var artefact in root.GetProperty("artefacts").EnumerateObject())
        {
            int[] Bits(string name) => [.. artefact.Value.GetProperty(name).EnumerateArray().Select(b => b.GetInt32())];
            var expected = new ExpectedPredictions(artefact.Name, artefact.Value.GetProperty("bitExact").GetBoolean(), Bits("logitBits"), Bits("probabilityBits"));
            if (expected.LogitBits.Length != texts.Length || expected.ProbabilityBits.Length != texts.Length)
                throw new InvalidDataException($"{path}: '{artefact.Name}' has {expected.ProbabilityBits.Length} probabilities for {texts.Length} texts.");
            artefacts.Add(artefact.Name, expected);
        }
        var evaluate = root.GetProperty("evaluate");
        return new FormatV1Expectations(texts, artefacts, evaluate.GetProperty("count").GetInt32(),
            double.Parse(evaluate.GetProperty("loss").GetString()!, CultureInfo.InvariantCulture),
            double.Parse(evaluate.GetProperty("accuracy").GetString()!, CultureInfo.InvariantCulture));
    }
}

/// <summary>One artefact's recorded logits (or ML.NET scores) and probabilities, as float32 bit patterns.</summary>
internal sealed record ExpectedPredictions(string Key, bool BitExact, int[] LogitBits, int[] ProbabilityBits)
{
    /// <summary>
    /// Asserts that <paramref name="logits"/> and <paramref name="probabilities"/> are the recorded values: the same bits,
    /// or within <paramref name="probabilityTolerance"/> (and 4× that for the logit, as σ' ≤ 1/4) when the caller says the
    /// path is not bit-stable across machines. Every text that differs is listed.
    /// </summary>
    public void AssertMatches(IReadOnlyList<string> texts, IReadOnlyList<float> logits, IReadOnlyList<float> probabilities, float? probabilityTolerance = null)
    {
        Assert.Equal(texts.Count, logits.Count);
        Assert.Equal(texts.Count, probabilities.Count);
        var failures = new StringBuilder();
        for (int i = 0; i < texts.Count; i++)
        {
            float expectedLogit = BitConverter.Int32BitsToSingle(LogitBits[i]), expectedProbability = BitConverter.Int32BitsToSingle(ProbabilityBits[i]);
            bool same = probabilityTolerance is { } tolerance
                ? Math.Abs(logits[i] - expectedLogit) <= 4 * tolerance && Math.Abs(probabilities[i] - expectedProbability) <= tolerance
                : BitConverter.SingleToInt32Bits(logits[i]) == LogitBits[i] && BitConverter.SingleToInt32Bits(probabilities[i]) == ProbabilityBits[i];
            if (!same)
            {
                string text = texts[i].Length > 40 ? texts[i][..40] + "…" : texts[i];
                failures.AppendLine(CultureInfo.InvariantCulture,
                    $"  text {i} \"{text.ReplaceLineEndings(" ")}\": logit {logits[i]:R} (bits {BitConverter.SingleToInt32Bits(logits[i])}), expected {expectedLogit:R} ({LogitBits[i]}); "
                    + $"probability {probabilities[i]:R} ({BitConverter.SingleToInt32Bits(probabilities[i])}), expected {expectedProbability:R} ({ProbabilityBits[i]})");
            }
        }
        string how = probabilityTolerance is { } t ? $"within {t:R}" : "bit for bit";
        Assert.True(failures.Length == 0, $"{Key}: the predictions differ from tests/Fixtures/format-v1/expected.json ({how}):\n{failures}");
    }
}
