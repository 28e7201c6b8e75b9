using System.CommandLine;
using Lstm.Cli.Runs;
using Lstm.Cli.Summaries;

namespace Lstm.Cli.Commands;

/// <summary>
/// <c>lstm summary --model DIR|FILE.onnx|FILE.lstmckpt [--format text|json]</c>: Keras's <c>model.summary()</c> table of
/// a trained model (layers, output shapes, parameter counts), then its vocabulary, padding, dropout, text normaliser
/// and, for a run folder, the training result; see <see cref="ModelReportWriter"/>.
/// </summary>
internal sealed class SummaryCommand
{
    /// <summary>The values of <c>--format</c>.</summary>
    public static readonly string[] Formats = ["text", "json"];

    private readonly Option<string> _model = new("--model")
    {
        Description = "Run folder written by 'lstm train' (or its model.lstm), an .onnx file written by 'lstm train' or 'lstm export', or a checkpoint (.lstmckpt) in its run folder",
        HelpName = "dir|file.onnx|file.lstmckpt",
        Required = true,
    };
    private readonly Option<string> _format = new Option<string>("--format")
    {
        Description = "Output: 'text' (Keras's model.summary() table, then preprocessing and training details) or 'json' (one object with the same facts). Default: text",
        HelpName = "text|json",
        DefaultValueFactory = _ => "text",
    }.Must(v => Formats.Contains(v), "must be 'text' or 'json'");

    /// <summary>Builds the command; its action runs in <paramref name="environment"/>.</summary>
    public SummaryCommand(CommandEnvironment environment)
    {
        Command = new Command("summary", "Print a trained model's layers, output shapes and parameter counts as Keras's model.summary() does, with its preprocessing and training result")
        {
            _model, _format,
        };
        Command.SetAction(parseResult => ErrorReporter.Run(environment.Error, () => Execute(parseResult, environment)));
    }

    /// <summary>The <c>summary</c> command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parseResult, CommandEnvironment environment)
    {
        string path = parseResult.GetValue(_model)!;
        var report = Read(path);
        ModelReportWriter.Write(environment.Output, report, Enum.Parse<SummaryFormat>(parseResult.GetValue(_format)!, ignoreCase: true));
        return ExitCodes.Success;
    }

    /// <summary>
    /// The report of <paramref name="path"/>: a checkpoint (by its .lstmckpt extension), an .onnx file, else a run folder
    /// (or its <c>model.lstm</c>), whose <c>training.json</c> gives the training result.
    /// </summary>
    public static ModelReport Read(string path)
    {
        if (TrainedModel.IsCheckpointFile(path)) return ModelReport.From(RunFolderReader.ReadCheckpoint(path, "--model"), manifest: null);
        if (TrainedModel.IsOnnxFile(path)) return ModelReport.From(OnnxModelReader.Read(path), manifest: null);
        var model = RunFolderReader.Read(path);
        return ModelReport.From(model, TrainingManifest.Load(Path.Combine(model.Folder, RunDirectory.ManifestFile)));
    }
}
