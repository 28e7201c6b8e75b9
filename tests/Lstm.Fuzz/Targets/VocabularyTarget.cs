using Lstm.Training.Text;

namespace Lstm.Fuzz.Targets;

/// <summary><see cref="Vocabulary.Load"/> on a vocabulary.json holding the input.</summary>
internal sealed class VocabularyTarget : FuzzTarget
{
    public override string Name => "vocabulary";

    public override string Description => "Vocabulary.Load (vocabulary.json)";

    public override string SourceName => "fuzz-vocabulary.json";

    public override Action Prepare(byte[] input, Workspace workspace)
    {
        string path = workspace.WriteFile(SourceName, input);
        return () => Vocabulary.Load(path);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds(SeedSources sources)
    {
        foreach (var seed in sources.Fixture("vocabulary.json")) yield return seed;
        string path = Path.Combine(sources.Workspace.Root, "seed-vocabulary.json");
        TinyModels.Vocabulary.Save(path);
        yield return ("tiny-vocabulary.json", File.ReadAllBytes(path));
    }
}
