namespace Lstm.WebApi;

/// <summary>
/// The <c>Model</c> configuration section: which model to serve and how many prediction engines to keep. Set it in
/// appsettings.json, as environment variables (<c>Model__Path</c>) or on the command line (<c>--Model:Path=FILE</c>).
/// </summary>
public sealed class ModelOptions
{
    /// <summary>The configuration section's name.</summary>
    public const string SectionName = "Model";

    /// <summary>
    /// An .onnx file written by Lstm.MLNet (<c>lstm train</c>, <c>lstm export</c>, <c>SaveOnnxModel</c>) or a model zip
    /// saved by <c>mlContext.Model.Save</c>; a relative path is taken from the content root (the current directory
    /// under <c>dotnet run</c>). Empty: the repository's shipped model (<see cref="ModelLocation.DefaultRelativePath"/>).
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// Prediction engines kept for reuse (<c>DefaultObjectPoolProvider.MaximumRetained</c>); 0 or less: ObjectPool's
    /// default, twice the processor count. More concurrent requests than this still work: the extra engines are made
    /// on demand and disposed when returned.
    /// </summary>
    public int PoolSize { get; set; }
}
