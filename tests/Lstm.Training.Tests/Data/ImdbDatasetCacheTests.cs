using System.Net;
using System.Security.Cryptography;
using Lstm.Training.Data;

namespace Lstm.Training.Tests.Data;

/// <summary>The cache folder and the download, with a fake HTTP handler: these tests never touch the network.</summary>
public sealed class ImdbDatasetCacheTests : IDisposable
{
    private static readonly Uri FakeUrl = new("https://example.invalid/aclImdb_v1.tar.gz");
    private readonly string _folder = Directory.CreateTempSubdirectory("imdb-cache-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Default_directory_follows_the_variable_then_xdg_then_home()
    {
        Func<string, string?> none = _ => null;
        Assert.Equal("/home/u/.cache/lstm-mlnet", ImdbDatasetCache.ResolveDirectory(none, false, "/home/u", "/unused"));
        Assert.Equal("/xdg/lstm-mlnet", ImdbDatasetCache.ResolveDirectory(v => v == "XDG_CACHE_HOME" ? "/xdg" : null, false, "/home/u", "/unused"));
        Assert.Equal("/home/u/.cache/lstm-mlnet", ImdbDatasetCache.ResolveDirectory(v => v == "XDG_CACHE_HOME" ? "relative" : null, false, "/home/u", "/unused"));
        Assert.Equal("/data/imdb", ImdbDatasetCache.ResolveDirectory(v => v == "LSTM_MLNET_DATA" ? "/data/imdb" : "/xdg", false, "/home/u", "/unused"));
        Assert.Equal(Path.Combine("/local", "lstm-mlnet"), ImdbDatasetCache.ResolveDirectory(none, true, "/home/u", "/local"));
    }

    [Fact]
    public void Find_returns_an_archive_in_the_folder_preferring_the_labelled_one()
    {
        Assert.Null(ImdbDatasetCache.Find(_folder));
        Assert.Null(ImdbDatasetCache.Find(Path.Combine(_folder, "missing")));
        File.WriteAllText(Path.Combine(_folder, "aclImdb_v1.tar.gz"), "x");
        Assert.Equal(Path.Combine(_folder, "aclImdb_v1.tar.gz"), ImdbDatasetCache.Find(_folder));
        File.WriteAllText(Path.Combine(_folder, "aclImdb_v1_labelled.tar.gz"), "x");
        Assert.Equal(Path.Combine(_folder, "aclImdb_v1_labelled.tar.gz"), ImdbDatasetCache.Find(_folder));
    }

    [Fact]
    public void The_public_download_is_pinned_to_the_stanford_archive()
    {
        Assert.Equal("https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz", ImdbDatasetCache.Url);
        Assert.Equal(84_125_825, ImdbDatasetCache.ArchiveSize);
        Assert.Equal("c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe", ImdbDatasetCache.ArchiveSha256);
    }

    [Fact]
    public async Task Download_writes_the_checked_file_and_leaves_no_temp_file()
    {
        byte[] payload = RandomBytes(3 << 20);
        string sha = Convert.ToHexStringLower(SHA256.HashData(payload));
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(payload) });
        var reports = new List<(long, long?)>();

        string path = await ImdbDatasetCache.DownloadAsync(_folder, FakeUrl, payload.Length, sha, new SynchronousProgress(reports.Add), handler, default);

        Assert.Equal(Path.Combine(_folder, "aclImdb_v1.tar.gz"), path);
        Assert.Equal(payload, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
        Assert.Equal(((long)payload.Length, (long?)payload.Length), reports[^1]);
        Assert.True(reports.Count >= 3);
        Assert.Equal(FakeUrl, handler.Requests.Single());
    }

    [Fact]
    public async Task A_hash_mismatch_deletes_the_download_and_names_both_hashes()
    {
        byte[] payload = RandomBytes(1000);
        string expected = Convert.ToHexStringLower(SHA256.HashData(RandomBytes(1000, seed: 2)));
        string actual = Convert.ToHexStringLower(SHA256.HashData(payload));
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(payload) });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImdbDatasetCache.DownloadAsync(_folder, FakeUrl, payload.Length, expected, null, handler, default));

        Assert.Contains($"SHA-256 {actual}, expected {expected}", error.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_size_mismatch_deletes_the_download_and_names_both_sizes()
    {
        byte[] payload = RandomBytes(1000);
        string sha = Convert.ToHexStringLower(SHA256.HashData(payload));
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(payload) });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImdbDatasetCache.DownloadAsync(_folder, FakeUrl, 1001, sha, null, handler, default));

        Assert.Contains("has 1,000 bytes, expected 1,001", error.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_download_longer_than_expected_stops_at_the_first_chunk_past_the_size()
    {
        // A server sending more (or endless) data is cut off instead of filling the disk.
        byte[] payload = RandomBytes(3 << 20);
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(payload) });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImdbDatasetCache.DownloadAsync(_folder, FakeUrl, 1000, new string('0', 64), null, handler, default));

        Assert.Contains("has more than 65,536 bytes, expected 1,000; it was deleted.", error.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    public static TheoryData<string> Failures => ["dns", "timeout", "http404", "reset"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Offline_failures_explain_how_to_supply_the_file(string failure)
    {
        var handler = new FakeHandler(_ => failure switch
        {
            "dns" => throw new HttpRequestException("Name or service not known (ai.stanford.edu:443)"),
            "timeout" => throw new TaskCanceledException("timed out", new TimeoutException()),
            "http404" => new HttpResponseMessage(HttpStatusCode.NotFound),
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream()) },
        });

        // The public, pinned overload: the fake handler answers, so the network is never used.
        var error = await Assert.ThrowsAsync<ImdbDownloadException>(() => ImdbDatasetCache.DownloadAsync(_folder, handler: handler));

        Assert.Contains("https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz", error.Message);
        Assert.Contains(_folder, error.Message);
        Assert.Contains("aclImdb_v1.tar.gz", error.Message);
        Assert.Contains("aclImdb_v1_labelled.tar.gz", error.Message);
        Assert.Contains("--data PATH", error.Message);
        Assert.Contains("LSTM_MLNET_DATA", error.Message);
        if (failure == "http404") Assert.Contains("the server answered 404 Not Found", error.Message);
        if (failure == "timeout") Assert.Contains("the connection timed out", error.Message);
        if (failure == "dns") Assert.Contains("Name or service not known", error.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_reported_as_offline()
    {
        var handler = new FakeHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(RandomBytes(10)) });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImdbDatasetCache.DownloadAsync(_folder, null, handler, new CancellationToken(canceled: true)));
    }

    private static byte[] RandomBytes(int count, ulong seed = 1)
    {
        var random = new Lstm.Training.SeededRandom(seed);
        var bytes = new byte[count];
        for (int i = 0; i < count; i++) bytes[i] = (byte)random.NextUInt64();
        return bytes;
    }

    private sealed class FakeHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Requests.Add(request.RequestUri!);
            return Task.FromResult(respond(request));
        }
    }

    /// <summary>A response body whose connection drops on the first read.</summary>
    private sealed class FailingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new HttpIOException(HttpRequestError.ResponseEnded, "connection reset");
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new HttpIOException(HttpRequestError.ResponseEnded, "connection reset");
    }

    private sealed class SynchronousProgress(Action<(long, long?)> report) : IProgress<(long bytes, long? total)>
    {
        public void Report((long bytes, long? total) value) => report(value);
    }
}
