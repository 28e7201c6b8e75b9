namespace Lstm.WebApi.Tests.TestData;

/// <summary>Paths in the repository checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding Lstm.MLNet.sln, found above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped model's run folder, which <c>lstm predict</c> reads.</summary>
    public static string ShippedModelDirectory => Path.Combine(Root, "models", "imdb-lstm");

    /// <summary>The shipped model's ONNX file, which the app serves by default.</summary>
    public static string ShippedOnnxModel => Path.Combine(ShippedModelDirectory, "model.onnx");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lstm.MLNet.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No Lstm.MLNet.sln above {AppContext.BaseDirectory}.");
    }
}
