namespace Lstm.Fuzz;

/// <summary>
/// Where seed inputs come from: the compatibility fixtures (real files of every format: tests/Fixtures/format-v1, the
/// seed's network in the first formats, and format-v2/family, a multi-class family network) when the checkout is found,
/// and tiny models, checkpoints and vocabularies written by today's code (<see cref="TinyModels"/>).
/// </summary>
internal sealed class SeedSources(string? fixturesRoot, Workspace workspace)
{
    private static readonly string[] FixtureFolders = ["format-v1", Path.Combine("format-v2", "family")];

    /// <summary>tests/Fixtures, or null when it was not found.</summary>
    public string? FixturesRoot { get; } = fixturesRoot;

    /// <summary>Scratch space for seeds that are written through files (checkpoints).</summary>
    public Workspace Workspace { get; } = workspace;

    /// <summary>Each fixture folder's file <paramref name="name"/> as (seed name, bytes); nothing where there is no such file.</summary>
    public IEnumerable<(string Name, byte[] Bytes)> Fixture(string name)
    {
        if (FixturesRoot is null) yield break;
        foreach (string folder in FixtureFolders)
        {
            string path = Path.Combine(FixturesRoot, folder, name);
            if (File.Exists(path)) yield return ($"fixture-{folder.Replace(Path.DirectorySeparatorChar, '-')}-{name}", File.ReadAllBytes(path));
        }
    }

    /// <summary>tests/Fixtures in the nearest ancestor of <paramref name="start"/> that has it, or null.</summary>
    public static string? FindFixtures(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "tests", "Fixtures");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
