namespace Lstm.Training.Data;

/// <summary>
/// Loads the Large Movie Review Dataset (Maas et al., ACL 2011) from the Stanford archive
/// <c>aclImdb_v1.tar.gz</c>, its labelled-only repack, or an extracted <c>aclImdb</c> folder.
/// </summary>
/// <remarks>
/// Reviews are <c>aclImdb/{train,test}/{pos,neg}/&lt;id&gt;_&lt;stars&gt;.txt</c>: the label comes from the folder,
/// the stars from the file name, the text is read as UTF-8. Everything else (<c>train/unsup</c>, <c>imdb.vocab</c>,
/// <c>imdbEr.txt</c>, <c>urls_*.txt</c>, <c>*.feat</c>, README) is ignored. Order is fixed: in each split the
/// negative reviews, then the positive ones, each by ascending numeric id. A .tar.gz is read streamed, never
/// extracted; entries that are links or devices or whose paths leave the archive's root are refused.
/// </remarks>
public static class ImdbArchive
{
    /// <summary>Loads the dataset from <paramref name="path"/>: see <see cref="Load(string, IProgress{int}?, CancellationToken)"/>.</summary>
    public static ImdbDataset Load(string path, CancellationToken ct = default) => Load(path, null, ct);

    /// <summary>Loads the dataset from <paramref name="path"/>.</summary>
    /// <param name="path">A .tar.gz archive, the <c>aclImdb</c> folder, or a folder that contains <c>aclImdb</c>.</param>
    /// <param name="progress">Receives the number of reviews read so far (every 1,000 and at the end); may be null.</param>
    /// <param name="ct">Cancels the read.</param>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The archive is not gzip, is truncated or corrupt, holds a refused entry, or a review folder is empty; the
    /// message names the file (and entry) and what was expected.
    /// </exception>
    public static ImdbDataset Load(string path, IProgress<int>? progress, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) return ImdbFolderReader.Read(path, progress, ct);
        if (File.Exists(path)) return ImdbTarGzReader.Read(path, progress, ct);
        throw new FileNotFoundException(
            $"No IMDB data at '{path}': expected a .tar.gz archive such as aclImdb_v1.tar.gz, the aclImdb folder, or a folder that contains it.", path);
    }
}
