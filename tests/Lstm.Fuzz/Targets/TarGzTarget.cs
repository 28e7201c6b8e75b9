using System.Formats.Tar;
using Lstm.Training.Data;

namespace Lstm.Fuzz.Targets;

/// <summary>
/// <see cref="ImdbArchive.Load(string, CancellationToken)"/> on a .tar.gz. An input that starts with the gzip signature
/// is the file as it is; any other input is a tar that the harness gzips first, so that mutations reach the tar headers
/// and the review names instead of dying in the deflate stream.
/// </summary>
internal sealed class TarGzTarget : FuzzTarget
{
    public override string Name => "tar-gz";

    public override string Description => "ImdbArchive.Load on a .tar.gz (a raw input is gzipped first; one starting 1F 8B is used as it is)";

    public override string SourceName => "fuzz-input.tar.gz";

    public override Action Prepare(byte[] input, Workspace workspace)
    {
        bool gzipped = input.Length >= 2 && input[0] == 0x1F && input[1] == 0x8B;
        string path = workspace.WriteFile(SourceName, gzipped ? input : SeedArchive.Gzip(input));
        return () => ImdbArchive.Load(path);
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds(SeedSources sources)
    {
        yield return ("pax.tar", SeedArchive.Tar(TarEntryFormat.Pax));
        yield return ("gnu.tar", SeedArchive.Tar(TarEntryFormat.Gnu));
        yield return ("ustar.tar", SeedArchive.Tar(TarEntryFormat.Ustar));
        yield return ("v7.tar", SeedArchive.Tar(TarEntryFormat.V7));
        yield return ("pax.tar.gz", SeedArchive.Gzip(SeedArchive.Tar(TarEntryFormat.Pax)));
    }
}
