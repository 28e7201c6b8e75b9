using Lstm.Training.Data;

namespace Lstm.Cli.Data;

/// <summary>Where reviews come from: a resolved path, what it holds, and whether it is the IMDB cache.</summary>
/// <param name="Kind">What the path holds.</param>
/// <param name="Path">Full path of the file or folder.</param>
/// <param name="Cached">True when the path was found in (or downloaded into) the IMDB cache folder rather than given.</param>
internal sealed record DataSource(DataKind Kind, string Path, bool Cached)
{
    private static readonly string[] LabelledExtensions = [".tsv", ".txt", ".csv"];

    /// <summary>Describes the source for output, e.g. <c>IMDB archive /data/aclImdb_v1.tar.gz (cache)</c>.</summary>
    public override string ToString() => Kind switch
    {
        DataKind.Imdb => $"IMDB {(Directory.Exists(Path) ? "folder" : "archive")} {Path}{(Cached ? " (cache)" : "")}",
        _ => $"labelled file {Path}",
    };

    /// <summary>
    /// <see cref="ToString"/>, followed for a labelled file read from other than columns 1 and 2 by its columns:
    /// <c>labelled file /data/yelp.tsv (label column 2, text column 1)</c>.
    /// </summary>
    public string Describe(LabelledTextFileOptions columns) =>
        Kind == DataKind.LabelledFile && !columns.IsDefault ? $"{this} ({columns})" : ToString();

    /// <summary>
    /// The source a <c>--data</c> value names: a folder is IMDB; a .tsv/.txt/.csv file is a labelled file; any
    /// other file is an IMDB archive.
    /// </summary>
    /// <param name="path">The value.</param>
    /// <param name="optionName">The option it came from, for the error message.</param>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static DataSource FromPath(string path, string optionName = "--data")
    {
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full)) return new DataSource(DataKind.Imdb, full, Cached: false);
        if (!File.Exists(full))
            throw new FileNotFoundException($"{optionName}: no file or folder at {full}.", full);
        string extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
        return new DataSource(LabelledExtensions.Contains(extension) ? DataKind.LabelledFile : DataKind.Imdb, full, Cached: false);
    }

    /// <summary>
    /// The IMDB archive in the cache folder, downloading it there (with a progress line on
    /// <paramref name="environment"/>'s output) when it is missing and <paramref name="allowDownload"/> is true.
    /// </summary>
    /// <exception cref="DatasetUnavailableException">Not cached and downloading is not allowed.</exception>
    /// <exception cref="ImdbDownloadException">The download failed; the message says how to supply the file.</exception>
    public static DataSource FromCache(CommandEnvironment environment, bool allowDownload)
    {
        string directory = environment.DatasetCacheDirectory ?? ImdbDatasetCache.DefaultDirectory;
        if (ImdbDatasetCache.Find(directory) is { } found) return new DataSource(DataKind.Imdb, found, Cached: true);
        if (!allowDownload)
            throw new DatasetUnavailableException(
                $"The IMDB dataset is not in the cache folder {System.IO.Path.GetFullPath(directory)} and downloading is off (--no-download). "
                + ImdbDatasetCache.OfflineInstructions(directory));
        environment.Output.WriteLine($"IMDB dataset not found in {directory}; downloading {ImdbDatasetCache.Url}");
        var line = new DownloadProgressLine(environment.Output, environment.OutputIsTerminal);
        string path = ImdbDatasetCache.DownloadAsync(directory, line, environment.DownloadHandler, environment.CancellationToken)
            .GetAwaiter().GetResult();
        line.Finish();
        return new DataSource(DataKind.Imdb, path, Cached: true);
    }
}
