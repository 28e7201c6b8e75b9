using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

/// <summary>What <c>lstm evaluate</c> reported on a labelled file: rows, loss in nats and accuracy.</summary>
internal sealed record Evaluation(string How, int Count, double Loss, double Accuracy);

/// <summary>The multi-class run of the fixture set: its folder, classes and evaluation.</summary>
internal sealed record FamilySection(string Folder, string Data, string Network, IReadOnlyList<string> Classes, Evaluation Evaluate);

/// <summary>
/// Writes expected.json, version 2 of "lstm-mlnet-fixture-expectations": version 1's layout (texts, artefacts with
/// flat logitBits and probabilityBits per text, evaluate), plus, for artefacts with more than one output per text,
/// "outputs", "classes" and one array per text, an artefact may leave out "logitBits", and a "family" section.
/// </summary>
internal static class ExpectedJson
{
    /// <summary>The version of the layout written.</summary>
    public const int Version = 2;

    /// <summary>Writes expected.json at <paramref name="path"/>: the texts, each artefact's values, and the evaluations.</summary>
    public static void Write(string path, string commit, IReadOnlyList<string> texts, IReadOnlyList<Artefact> artefacts, Evaluation evaluate, FamilySection family)
    {
        using var stream = File.Create(path);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", "lstm-mlnet-fixture-expectations");
            json.WriteNumber("version", Version);
            json.WriteString("writtenBy", "tests/Lstm.Fixtures.Writer");
            json.WriteString("commit", commit);
            json.WriteString("note", "Bits are IEEE-754 float32 bit patterns as int32 (BitConverter.SingleToInt32Bits); the strings are the same floats formatted \"R\". "
                + "An artefact with more than one output per text (a multi-class model: one per class, in the order of 'classes') gives one array per text.");
            json.WriteStartArray("texts");
            foreach (string text in texts) json.WriteStringValue(text);
            json.WriteEndArray();
            json.WriteStartObject("artefacts");
            foreach (var artefact in artefacts) WriteArtefact(json, artefact, texts.Count, family.Classes);
            json.WriteEndObject();
            WriteEvaluation(json, "evaluate", evaluate);
            json.WriteStartObject("family");
            json.WriteString("folder", family.Folder);
            json.WriteString("data", family.Data);
            json.WriteString("network", family.Network);
            json.WriteStartArray("classes");
            foreach (string name in family.Classes) json.WriteStringValue(name);
            json.WriteEndArray();
            WriteEvaluation(json, "evaluate", family.Evaluate);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
    }

    private static void WriteArtefact(Utf8JsonWriter json, Artefact a, int texts, IReadOnlyList<string> classes)
    {
        if (a.Probabilities.Length != texts * a.Outputs || (a.Logits is { } l && l.Length != a.Probabilities.Length))
            throw new InvalidOperationException($"{a.Key}: {a.Probabilities.Length} probabilities for {texts} texts of {a.Outputs} outputs.");
        json.WriteStartObject(a.Key);
        json.WriteString("file", a.File);
        json.WriteString("how", a.How);
        json.WriteBoolean("bitExact", a.BitExact);
        json.WriteNumber("outputs", a.Outputs);
        if (a.Outputs > 1)
        {
            json.WriteStartArray("classes");
            foreach (string name in classes) json.WriteStringValue(name);
            json.WriteEndArray();
        }
        WriteRows(json, "probability", a.Probabilities, a.Outputs, (w, p) => w.WriteStringValue(p.ToString("R", CultureInfo.InvariantCulture)));
        WriteRows(json, "probabilityBits", a.Probabilities, a.Outputs, (w, p) => w.WriteNumberValue(BitConverter.SingleToInt32Bits(p)));
        if (a.Logits is { } logits) WriteRows(json, "logitBits", logits, a.Outputs, (w, x) => w.WriteNumberValue(BitConverter.SingleToInt32Bits(x)));
        json.WriteEndObject();
    }

    /// <summary>A flat array for one output per text, else one array of <paramref name="outputs"/> values per text.</summary>
    private static void WriteRows(Utf8JsonWriter json, string name, float[] values, int outputs, Action<Utf8JsonWriter, float> write)
    {
        json.WriteStartArray(name);
        for (int i = 0; i < values.Length; i += outputs)
        {
            if (outputs > 1) json.WriteStartArray();
            for (int k = 0; k < outputs; k++) write(json, values[i + k]);
            if (outputs > 1) json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static void WriteEvaluation(Utf8JsonWriter json, string name, Evaluation evaluation)
    {
        json.WriteStartObject(name);
        json.WriteString("how", evaluation.How);
        json.WriteNumber("count", evaluation.Count);
        json.WriteString("loss", evaluation.Loss.ToString("R", CultureInfo.InvariantCulture));
        json.WriteString("accuracy", evaluation.Accuracy.ToString("R", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }
}
