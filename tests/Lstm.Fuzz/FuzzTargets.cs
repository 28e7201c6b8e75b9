using Lstm.Fuzz.Targets;

namespace Lstm.Fuzz;

/// <summary>Every target, in the order <c>tools/fuzz.sh</c> runs them.</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new TextFileTarget(),
        new TarGzTarget(),
        new FolderTarget(),
        new OnnxTarget(),
        new ModelTarget(),
        new CheckpointTarget(),
        new VocabularyTarget(),
        new TimeSeriesTarget(),
    ];

    /// <summary>The target named <paramref name="name"/>, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
