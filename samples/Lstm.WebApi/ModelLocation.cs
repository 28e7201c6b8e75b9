namespace Lstm.WebApi;

/// <summary>
/// Turns <see cref="ModelOptions.Path"/> into the model file's full path, or fails with a message that names the path
/// and how to set it: a bad path must stop the app at startup, not surface as errors on the first requests.
/// </summary>
public static class ModelLocation
{
    /// <summary>The shipped model, looked for when <see cref="ModelOptions.Path"/> is empty.</summary>
    public static readonly string DefaultRelativePath = Path.Combine("models", "imdb-lstm", "model.onnx");

    private const string HowToSet =
        "Set Model:Path (appsettings.json, the environment variable Model__Path, or --Model:Path=FILE on the command line) to an .onnx file written by Lstm.MLNet or a model .zip saved by mlContext.Model.Save.";

    /// <summary>The full path of the model to serve.</summary>
    /// <param name="configured"><see cref="ModelOptions.Path"/>; relative paths are taken from <paramref name="contentRoot"/>.</param>
    /// <param name="contentRoot">The host's content root.</param>
    /// <exception cref="FileNotFoundException">No file at the configured path, or no shipped model in the folders searched.</exception>
    public static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            string full = Path.GetFullPath(configured, contentRoot);
            return File.Exists(full)
                ? full
                : throw new FileNotFoundException($"Model:Path is '{configured}', but there is no file at {full}. {HowToSet}", full);
        }
        // The sample runs from a checkout: the content root is the current directory (dotnet run) or the project folder,
        // and the build output sits under samples/Lstm.WebApi/bin; the repository root is an ancestor of either.
        var searched = new List<string>();
        foreach (string start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, DefaultRelativePath);
                if (File.Exists(candidate)) return candidate;
            }
            searched.Add(start);
        }
        throw new FileNotFoundException(
            $"Model:Path is not set, and the shipped model {DefaultRelativePath} is not in {string.Join(" or ", searched)} or any folder above. {HowToSet}",
            DefaultRelativePath);
    }
}
