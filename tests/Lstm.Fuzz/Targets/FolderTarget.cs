using Lstm.Training.Data;

namespace Lstm.Fuzz.Targets;

/// <summary>
/// <see cref="ImdbArchive.Load(string, CancellationToken)"/> on an extracted folder, written from the input as
/// <see cref="FolderTree"/> describes (regular files and folders only).
/// </summary>
internal sealed class FolderTarget : FuzzTarget
{
    public override string Name => "folder";

    public override string Description => "ImdbArchive.Load on an extracted aclImdb folder (the input is a FolderTree: NUL-separated 'path\\ncontent' records)";

    public override string SourceName => "fuzz-tree";

    public override Action Prepare(byte[] input, Workspace workspace)
    {
        string root = workspace.FreshFolder(SourceName);
        FolderTree.Write(input, root);
        return () => ImdbArchive.Load(root);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds(SeedSources sources)
    {
        yield return ("aclImdb.tree", FolderTree.Encode(SeedArchive.Entries));
        yield return ("bare.tree", FolderTree.Encode(SeedArchive.Entries.Skip(2).Select(e => (e.Path["aclImdb/".Length..], e.Content))));
        yield return ("bad-name.tree", FolderTree.Encode([.. SeedArchive.Entries, ("aclImdb/test/pos/x_11.txt", "bad")]));
    }
}
