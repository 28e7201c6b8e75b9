using Lstm.Cli.Runs;
using Lstm.Training;
using Lstm.Training.Onnx;

namespace Lstm.Cli.Codegen;

/// <summary>Writes a <see cref="ConsumptionProject"/> for a trained model into a folder, each file atomically.</summary>
internal static class ConsumptionProjectWriter
{
    /// <summary>The folder inside a run folder where <c>lstm train</c> writes the project.</summary>
    public const string RunSubfolder = "consumption";

    /// <summary>
    /// Writes the project for <paramref name="model"/> into <paramref name="directory"/> and returns the files' names.
    /// The model file is the run's <c>model.onnx</c> (<c>model.ids.onnx</c> for a subword model) when it exists, the
    /// .onnx file itself when the model is one, else a fresh export. A folder holding anything but an earlier project of
    /// the same name is refused unless <paramref name="overwrite"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The folder is a file, or holds other files without <paramref name="overwrite"/>.</exception>
    public static IReadOnlyList<string> Write(TrainedModel model, TrainingManifest? manifest, string name, string directory, bool overwrite, string? packageSource)
    {
        var project = new ConsumptionProject(model, manifest, name);
        var files = project.Files(ModelBytes(model), packageSource);
        if (File.Exists(directory)) throw new ArgumentException($"--out {directory} is a file; give the folder the project should be written to.");
        if (Directory.Exists(directory) && !overwrite)
        {
            var names = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            var others = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName)
                .Where(n => n is not null && !names.Contains(n) && n is not "bin" and not "obj").ToList();
            if (others.Count > 0)
                throw new ArgumentException($"--out {directory} already holds other files ({string.Join(", ", others.Take(5))}); choose an empty folder or pass --overwrite.");
        }
        Directory.CreateDirectory(directory);
        foreach (var (file, contents) in files) AtomicFile.Write(Path.Combine(directory, file), stream => stream.Write(contents));
        return [.. files.Select(f => f.Name)];
    }

    private static byte[] ModelBytes(TrainedModel model)
    {
        if (TrainedModel.IsOnnxFile(model.Source)) return File.ReadAllBytes(model.Source);
        var variant = model.Vocabulary.IsSubword ? OnnxModelVariant.Ids : OnnxModelVariant.Text;
        string existing = Path.Combine(model.Folder, OnnxVariantNames.DefaultFileName(variant));
        if (File.Exists(existing) && Directory.Exists(model.Source)) return File.ReadAllBytes(existing);
        return OnnxExporter.ExportToBytes(model.Network, model.Vocabulary, new OnnxExportOptions
        {
            Variant = variant,
            MaxLength = model.Padding.MaxLen,
            Padding = model.Padding.Padding,
            Truncating = model.Padding.Truncating,
        });
    }
}
