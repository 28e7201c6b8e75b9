using System.Net.Sockets;
using System.Security.Cryptography;

namespace Lstm.Training.Data;

/// <summary>
/// Where the IMDB archive is kept between runs, and its download (what Keras's <c>imdb.load_data</c> does with
/// <c>~/.keras/datasets</c>). The archive is checked against its pinned size and SHA-256 before it is used.
/// </summary>
public static class ImdbDatasetCache
{
    /// <summary>The Stanford archive's address.</summary>
    public const string Url = "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz";

    /// <summary>File name of the original archive, as downloaded.</summary>
    public const string ArchiveFileName = "aclImdb_v1.tar.gz";

    /// <summary>File name of the labelled-only repack (same reviews, without <c>train/unsup</c>).</summary>
    public const string LabelledArchiveFileName = "aclImdb_v1_labelled.tar.gz";

    /// <summary>Size of the original archive in bytes: 84,125,825.</summary>
    public const long ArchiveSize = 84_125_825;

    /// <summary>SHA-256 of the original archive, lower-case hex (the checksum other dataset libraries pin).</summary>
    public const string ArchiveSha256 = "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe";

    /// <summary>Environment variable that overrides <see cref="DefaultDirectory"/>.</summary>
    public const string DirectoryVariable = "LSTM_MLNET_DATA";

    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);
    private const int ProgressStep = 1 << 20;

    /// <summary>
    /// The cache folder: <c>$LSTM_MLNET_DATA</c> when set; otherwise <c>%LOCALAPPDATA%\lstm-mlnet</c> on Windows,
    /// <c>$XDG_CACHE_HOME/lstm-mlnet</c> when that is set, else <c>~/.cache/lstm-mlnet</c>.
    /// </summary>
    public static string DefaultDirectory => ResolveDirectory(
        Environment.GetEnvironmentVariable,
        OperatingSystem.IsWindows(),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData));

    /// <summary>
    /// The archive in <paramref name="directory"/> (default <see cref="DefaultDirectory"/>), or null when neither
    /// <c>aclImdb_v1_labelled.tar.gz</c> (preferred: smaller, same reviews) nor <c>aclImdb_v1.tar.gz</c> is there.
    /// </summary>
    public static string? Find(string? directory = null)
    {
        directory ??= DefaultDirectory;
        foreach (string name in (string[])[LabelledArchiveFileName, ArchiveFileName])
        {
            string path = Path.Combine(directory, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>
    /// Downloads <see cref="Url"/> into <paramref name="directory"/> (default <see cref="DefaultDirectory"/>) as
    /// <c>aclImdb_v1.tar.gz</c>: first to a temp file there, then, once its size and SHA-256 match, moved into
    /// place (replacing any file of that name). Returns the archive's path.
    /// </summary>
    /// <param name="directory">The cache folder; created when missing. Default <see cref="DefaultDirectory"/>.</param>
    /// <param name="progress">Receives bytes downloaded so far and the total when the server says it; about every MiB.</param>
    /// <param name="handler">The HTTP handler to use (tests, proxies); default a new <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="ct">Cancels the download (the temp file is deleted).</param>
    /// <exception cref="ImdbDownloadException">The network failed; the message says how to supply the file offline.</exception>
    /// <exception cref="InvalidDataException">The download's size or SHA-256 is wrong; the temp file was deleted.</exception>
    public static Task<string> DownloadAsync(string? directory = null, IProgress<(long bytes, long? total)>? progress = null,
        HttpMessageHandler? handler = null, CancellationToken ct = default) =>
        DownloadAsync(directory ?? DefaultDirectory, new Uri(Url), ArchiveSize, ArchiveSha256, progress, handler, ct);

    /// <summary>How to provide the archive without a network, for messages.</summary>
    /// <param name="directory">The cache folder to name; default <see cref="DefaultDirectory"/>.</param>
    public static string OfflineInstructions(string? directory = null) =>
        $"To work offline, download {Url} ({ArchiveSize:N0} bytes, SHA-256 {ArchiveSha256}) elsewhere and either " +
        $"put it in {Path.GetFullPath(directory ?? DefaultDirectory)} as {ArchiveFileName} (or the labelled-only repack as {LabelledArchiveFileName}; " +
        $"set the {DirectoryVariable} environment variable to use another folder), or pass --data PATH, where PATH is " +
        "the .tar.gz itself or a folder holding the extracted aclImdb folder.";

    internal static string ResolveDirectory(Func<string, string?> getVariable, bool isWindows, string home, string localAppData)
    {
        string? overridden = getVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(overridden)) return Path.GetFullPath(overridden);
        if (isWindows) return Path.Combine(localAppData, "lstm-mlnet");
        string? xdg = getVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "lstm-mlnet");
        return Path.Combine(home, ".cache", "lstm-mlnet");
    }

    /// <summary>The download with the expected size and hash injectable, for tests.</summary>
    internal static async Task<string> DownloadAsync(string directory, Uri url, long expectedSize, string expectedSha256,
        IProgress<(long bytes, long? total)>? progress, HttpMessageHandler? handler, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        string target = Path.Combine(directory, ArchiveFileName);
        string temp = Path.Combine(directory, $".{ArchiveFileName}.{Guid.NewGuid():N}.part");
        using var client = handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) })
            : new HttpClient(handler, disposeHandler: false);
        client.Timeout = TimeSpan.FromMinutes(2); // until the response headers; the body has an idle timeout below
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            using HttpResponseMessage response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw Offline(url, directory, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}", null);
            long? total = response.Content.Headers.ContentLength;

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (Stream source = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                byte[] buffer = new byte[1 << 16];
                long reported = 0;
                while (true)
                {
                    idle.CancelAfter(IdleTimeout);
                    int read = await source.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
                    if (read == 0) break;
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                    size += read;
                    if (size > expectedSize) break;
                    if (size - reported >= ProgressStep) progress?.Report((reported = size, total));
                }
                await file.FlushAsync(ct).ConfigureAwait(false);
            }
            progress?.Report((size, total));

            string actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (size != expectedSize)
                throw new InvalidDataException($"The file downloaded from {url} has {(size > expectedSize ? "more than " : "")}{size:N0} bytes, expected {expectedSize:N0}; it was deleted. {OfflineInstructions(directory)}");
            if (!actual.Equals(expectedSha256, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"The file downloaded from {url} has SHA-256 {actual}, expected {expectedSha256}; it was deleted. {OfflineInstructions(directory)}");
            File.Move(temp, target, overwrite: true);
            return target;
        }
        catch (HttpRequestException e)
        {
            throw Offline(url, directory, e.Message, e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw Offline(url, directory, "the connection timed out", e);
        }
        catch (IOException e) when (e is HttpIOException || e.InnerException is SocketException)
        {
            throw Offline(url, directory, e.Message, e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static ImdbDownloadException Offline(Uri url, string directory, string reason, Exception? inner) =>
        new($"Could not download the IMDB dataset from {url}: {reason}. {OfflineInstructions(directory)}", inner);
}
