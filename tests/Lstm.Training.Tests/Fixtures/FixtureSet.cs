using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Lstm.Training.Tests.Fixtures;

/// <summary>
/// A set of compatibility fixtures, tests/Fixtures/format-vN: a run folder, a checkpoint and an ML.NET zip written by
/// the code of one format version (format-v2 also a multi-class run of the model family in <c>family/</c>), and
/// expected.json, what each of them and the shipped models/imdb-lstm predicted then. Found by walking up from the test
/// binaries to Lstm.MLNet.sln. Compiled into all three test projects (linked), so that each checks the artefacts its
/// own loader reads.
/// </summary>
internal sealed class FixtureSet
{
    /// <summary>The set written by the format-1 code (before issue 10's model-family redesign).</summary>
    public const string V1 = "format-v1";

    /// <summary>The set written by the code of model format 3 (LSTMNET3), checkpoint format LSTMCKP2 and ONNX metadata format 2.</summary>
    public const string V2 = "format-v2";

    private static readonly ConcurrentDictionary<string, FixtureSet> Sets = new(StringComparer.Ordinal);

    private readonly Lazy<FixtureExpectations> _expected;

    private FixtureSet(string name)
    {
        Name = name;
        Folder = Path.Combine(RepositoryRoot, "tests", "Fixtures", name);
        _expected = new(() => FixtureExpectations.Load(File("expected.json"), $"tests/Fixtures/{name}/expected.json"));
    }

    /// <summary>The set named <paramref name="name"/> (<see cref="V1"/>, <see cref="V2"/>), its expected.json read once.</summary>
    public static FixtureSet Get(string name) => Sets.GetOrAdd(name, n => new FixtureSet(n));

    /// <summary>The checkout: the first ancestor of the test binaries that holds Lstm.MLNet.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>models/imdb-lstm, the shipped model.</summary>
    public static string ShippedFolder => Path.Combine(RepositoryRoot, "models", "imdb-lstm");

    /// <summary>The folder's name: format-v1, format-v2, ….</summary>
    public string Name { get; }

    /// <summary>tests/Fixtures/<see cref="Name"/>.</summary>
    public string Folder { get; }

    /// <summary>expected.json.</summary>
    public FixtureExpectations Expected => _expected.Value;

    /// <summary>A file of the set, by its path relative to <see cref="Folder"/> ("model.lstm", "family/model.onnx", "../../../models/imdb-lstm").</summary>
    public string File(string relative) => Path.GetFullPath(Path.Combine(Folder, relative.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>The padded length and sides recorded in a run folder's training.json (preprocessing section).</summary>
    public static (int MaxLen, Lstm.Training.Text.PaddingSide Padding, Lstm.Training.Text.PaddingSide Truncating) Preprocessing(string trainingJson)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(trainingJson));
        var section = document.RootElement.GetProperty("preprocessing");
        return (section.GetProperty("maxLen").GetInt32(), Side(section, "padding"), Side(section, "truncating"));

        static Lstm.Training.Text.PaddingSide Side(JsonElement section, string name) =>
            Enum.Parse<Lstm.Training.Text.PaddingSide>(section.GetProperty(name).GetString()!, ignoreCase: true);
    }

    /// <summary>The first 8 characters of a binary file: the header of a model or checkpoint.</summary>
    public static string Magic(string path)
    {
        using var reader = new BinaryReader(System.IO.File.OpenRead(path), Encoding.UTF8);
        return new string(reader.ReadChars(8));
    }

    /// <summary>True when the last 32 bytes of the file are the SHA-256 of the bytes before them (LSTMNET3 models, LSTMCKP2 checkpoints).</summary>
    public static bool EndsWithItsSha256(string path)
    {
        byte[] bytes = System.IO.File.ReadAllBytes(path);
        return bytes.Length > 32 && SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32));
    }

    /// <summary>The "format" and "version" of a JSON file of the project.</summary>
    public static (string Format, int Version) FormatAndVersion(string path)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
        return (document.RootElement.GetProperty("format").GetString()!, document.RootElement.GetProperty("version").GetInt32());
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No ancestor of {AppContext.BaseDirectory} holds Lstm.MLNet.sln.");
    }
}
