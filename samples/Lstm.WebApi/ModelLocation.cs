namespace Lstm.WebApi;

/// <summary>
/// Turns <see cref="ModelOptions.Path"/> into the model file's full path, or fails with a message that names the path
/// and how to set it: a bad path must stop the app at startup, not surface as errors on the first requests.
/// </summary>
public static class ModelLocation
{
    /// <summary>The shipped model, served when <see cref="ModelOptions.Path"/> is empty.</summary>
    public static readonly string DefaultRelativePath = Path.Combine("models", "imdb-lstm", "model.onnx");

    private const string HowToSet =
        "Set Model:Path (appsettings.json, the environment variable Model__Path, or --Model:Path=FILE on the command line) to an .onnx file written by Lstm.MLNet or a model .zip saved by mlContext.Model.Save.";

    /// <summary>The full path of the model to serve.</summary>
    /// <param name="configured">
    /// <see cref="ModelOptions.Path"/>. An absolute path is taken as it is. A relative one (and the default,
    /// <see cref="DefaultRelativePath"/>) is looked for in <paramref name="contentRoot"/> and each folder above it, then
    /// in the app's folder and each folder above it: <c>dotnet run</c> makes the project folder the content root, so
    /// <c>models/imdb-bilstm/model.onnx</c> is found in the repository root, two folders up.
    /// </param>
    /// <param name="contentRoot">The host's content root.</param>
    /// <exception cref="FileNotFoundException">No such file; the message names the path and where it was looked for.</exception>
    public static string Resolve(string? configured, string contentRoot)
    {
        string path = string.IsNullOrWhiteSpace(configured) ? DefaultRelativePath : configured;
        string setting = string.IsNullOrWhiteSpace(configured) ? $"Model:Path is not set, and the shipped model {path}" : $"Model:Path is '{path}', but it";
        if (Path.IsPathRooted(path))
        {
            return File.Exists(path)
                ? Path.GetFullPath(path)
                : throw new FileNotFoundException($"Model:Path is '{path}', but there is no file at {path}. {HowToSet}", path);
        }
        string[] starts = [contentRoot, AppContext.BaseDirectory];
        foreach (string start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, path);
                if (File.Exists(candidate)) return Path.GetFullPath(candidate);
            }
        }
        throw new FileNotFoundException($"{setting} is not in {string.Join(" or ", starts)} or any folder above them. {HowToSet}", path);
    }
}
