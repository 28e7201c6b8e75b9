using System.CommandLine;
using Lstm.Cli.Codegen;
using Lstm.Cli.Runs;

namespace Lstm.Cli.Commands;

/// <summary>
/// <c>lstm codegen --model DIR|FILE.onnx --out DIR [--name NAME] [--package-source DIR] [--overwrite]</c>: writes the
/// consumption project Model Builder would generate for the model (see <see cref="ConsumptionProject"/>).
/// </summary>
internal sealed class CodegenCommand
{
    private readonly Option<string> _model = new("--model")
    {
        Description = "Run folder written by 'lstm train' (its training.json gives the training code's settings), or an .onnx file written by 'lstm train' or 'lstm export'",
        HelpName = "dir|file.onnx",
        Required = true,
    };
    private readonly Option<string> _out = new("--out")
    {
        Description = "The folder to write the project to (created if missing)",
        HelpName = "dir",
        Required = true,
    };
    private readonly Option<string?> _name = new("--name")
    {
        Description = "The model class's and project's name, a C# identifier. Default: from the model's folder or file, e.g. models/imdb-lstm -> ImdbLstmModel",
        HelpName = "name",
    };
    private readonly Option<string?> _packageSource = new("--package-source")
    {
        Description = "A folder of packed Lstm.MLNet packages (dotnet pack -o DIR) to restore from: written to the project's nuget.config. Default: none (the package sources your machine has)",
        HelpName = "dir",
    };
    private readonly Option<bool> _overwrite = new("--overwrite")
    {
        Description = "Write into a folder that holds other files",
    };

    /// <summary>Builds the command; its action runs in <paramref name="environment"/>.</summary>
    public CodegenCommand(CommandEnvironment environment)
    {
        Command = new Command("codegen", "Write a small C# project that consumes a trained model the Model Builder way: ModelInput, ModelOutput, a thread-safe static Predict, and the ML.NET training code")
        {
            _model, _out, _name, _packageSource, _overwrite,
        };
        Command.SetAction(parseResult => ErrorReporter.Run(environment.Error, () => Execute(parseResult, environment)));
    }

    /// <summary>The <c>codegen</c> command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parseResult, CommandEnvironment environment)
    {
        string path = parseResult.GetValue(_model)!;
        var model = TrainedModel.Load(path);
        string manifestPath = Path.Combine(model.Folder, RunDirectory.ManifestFile);
        var manifest = !TrainedModel.IsOnnxFile(path) && File.Exists(manifestPath) ? TrainingManifest.Load(manifestPath) : null;
        string directory = Path.GetFullPath(parseResult.GetValue(_out)!);
        string name = parseResult.GetValue(_name) ?? ConsumptionProject.DefaultName(model.Source);
        var files = ConsumptionProjectWriter.Write(model, manifest, name, directory, parseResult.GetValue(_overwrite), parseResult.GetValue(_packageSource));
        var output = environment.Output;
        output.WriteLine($"Model: {model.Source} ({model.Kind}): {TrainingRun.Describe(model.Network)}");
        output.WriteLine($"Wrote {directory}:");
        output.WriteLine("  " + string.Join("  ", files));
        output.WriteLine($"Next: dotnet run --project {(directory.Contains(' ') ? $"\"{directory}\"" : directory)} -- \"some text\"   (needs the Lstm.MLNet {ConsumptionProject.PackageVersion} package: README, Install)");
        return ExitCodes.Success;
    }
}
