using System.Globalization;
using System.Text.Json;

namespace Lstm.Training.Tests.Fixtures;

/// <summary>What <c>lstm evaluate</c> reported on a fixture's labelled file.</summary>
internal sealed record ExpectedEvaluation(int Count, double Loss, double Accuracy)
{
    /// <summary>Reads an "evaluate" object: count, and loss and accuracy as "R" strings.</summary>
    public static ExpectedEvaluation Read(JsonElement evaluate) => new(evaluate.GetProperty("count").GetInt32(),
        double.Parse(evaluate.GetProperty("loss").GetString()!, CultureInfo.InvariantCulture),
        double.Parse(evaluate.GetProperty("accuracy").GetString()!, CultureInfo.InvariantCulture));
}

/// <summary>The "family" section of a version-2 expected.json: the multi-class run's folder, data file, network and classes.</summary>
internal sealed record ExpectedFamily(string Folder, string Data, string Network, IReadOnlyList<string> Classes, ExpectedEvaluation Evaluate);

/// <summary>
/// expected.json ("lstm-mlnet-fixture-expectations"): the texts, and per artefact the float bits it predicted for each;
/// version 1 (format-v1) has one output per text, version 2 (format-v2) also multi-class artefacts (one array of class
/// values per text) and the <see cref="Family"/> section.
/// </summary>
internal sealed record FixtureExpectations(
    int Version, IReadOnlyList<string> Texts, IReadOnlyDictionary<string, ExpectedPredictions> Artefacts, ExpectedEvaluation Evaluate, ExpectedFamily? Family)
{
    /// <summary>The recorded count of <c>lstm evaluate</c> on reviews.tsv.</summary>
    public int EvaluateCount => Evaluate.Count;

    /// <summary>The recorded loss of <c>lstm evaluate</c> on reviews.tsv.</summary>
    public double EvaluateLoss => Evaluate.Loss;

    /// <summary>The recorded accuracy of <c>lstm evaluate</c> on reviews.tsv.</summary>
    public double EvaluateAccuracy => Evaluate.Accuracy;

    /// <summary>The artefact recorded under <paramref name="key"/> ("model.lstm", "family/model.onnx@onnxruntime", …).</summary>
    public ExpectedPredictions this[string key] => Artefacts.TryGetValue(key, out var artefact)
        ? artefact
        : throw new KeyNotFoundException($"expected.json records no artefact '{key}'; it has {string.Join(", ", Artefacts.Keys)}.");

    /// <summary>Reads expected.json at <paramref name="path"/>; <paramref name="name"/> names it in failure messages.</summary>
    public static FixtureExpectations Load(string path, string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var texts = root.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToArray();
        var artefacts = new Dictionary<string, ExpectedPredictions>();
        foreach (var artefact in root.GetProperty("artefacts").EnumerateObject())
        {
            var value = artefact.Value;
            int outputs = value.TryGetProperty("outputs", out var o) ? o.GetInt32() : 1;
            string[]? classes = value.TryGetProperty("classes", out var c) ? [.. c.EnumerateArray().Select(n => n.GetString()!)] : null;
            int[]? logits = value.TryGetProperty("logitBits", out var l) ? Bits(l, artefact.Name) : null;
            var expected = new ExpectedPredictions(artefact.Name, name, value.GetProperty("bitExact").GetBoolean(), outputs, classes, logits, Bits(value.GetProperty("probabilityBits"), artefact.Name));
            if (expected.ProbabilityBits.Length != texts.Length * outputs || (logits is not null && logits.Length != texts.Length * outputs))
                throw new InvalidDataException($"{path}: '{artefact.Name}' has {expected.ProbabilityBits.Length} probabilities for {texts.Length} texts of {outputs} outputs.");
            artefacts.Add(artefact.Name, expected);
        }
        ExpectedFamily? family = null;
        if (root.TryGetProperty("family", out var f))
        {
            family = new ExpectedFamily(f.GetProperty("folder").GetString()!, f.GetProperty("data").GetString()!, f.GetProperty("network").GetString()!,
                [.. f.GetProperty("classes").EnumerateArray().Select(n => n.GetString()!)], ExpectedEvaluation.Read(f.GetProperty("evaluate")));
        }
        return new FixtureExpectations(root.GetProperty("version").GetInt32(), texts, artefacts, ExpectedEvaluation.Read(root.GetProperty("evaluate")), family);

        // A flat array (one output per text) or one array per text, read row-major.
        int[] Bits(JsonElement array, string artefact) => [.. array.EnumerateArray().SelectMany(e => e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(b => b.GetInt32())
            : e.ValueKind == JsonValueKind.Number ? [e.GetInt32()] : throw new InvalidDataException($"{path}: '{artefact}' holds {e.ValueKind} among its bits."))];
    }
}
