namespace Lstm.Training.Tests.Onnx;

/// <summary>Finds files beside the repository by walking up from the test binaries.</summary>
internal static class RepositoryPaths
{
    /// <summary>The first ancestor-relative path that exists, or null.</summary>
    public static string? FindUpwards(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>True when running under CI (env CI=true), where missing prerequisites must fail tests.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
