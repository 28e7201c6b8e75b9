namespace Lstm.Fuzz;

/// <summary>
/// Where seed inputs come from: the format-v1 fixtures (tests/Fixtures/format-v1, real files of every format) when
/// the checkout is found, and tiny models, checkpoints and vocabularies written by today's code (<see cref="TinyModels"/>).
/// </summary>
internal sealed class SeedSources(string? fixturesFolder, Workspace workspace)
{
    /// <summary>The fixtures folder, or null when it was not found.</summary>
    public string? FixturesFolder { get; } = fixturesFolder;

    /// <summary>Scratch space for seeds that are written through files (checkpoints).</summary>
    public Workspace Workspace { get; } = workspace;

    /// <summary>The fixture file <paramref name="name"/> as (fixture-name, bytes), or nothing when there is no such file.</summary>
    public IEnumerable<(string Name, byte[] Bytes)> Fixture(string name)
    {
        if (FixturesFolder is null) yield break;
        string path = Path.Combine(FixturesFolder, name);
        if (File.Exists(path)) yield return ($"fixture-{name}", File.ReadAllBytes(path));
    }

    /// <summary>tests/Fixtures/format-v1 in the nearest ancestor of <paramref name="start"/> that has it, or null.</summary>
    public static string? FindFixtures(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "tests", "Fixtures", "format-v1");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
