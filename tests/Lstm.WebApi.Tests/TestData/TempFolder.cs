namespace Lstm.WebApi.Tests.TestData;

/// <summary>A fresh temporary folder, deleted with its contents on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lstm-webapi-tests-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: leave it for the OS to clean.
        }
    }
}
