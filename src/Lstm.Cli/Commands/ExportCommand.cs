using System.CommandLine;
using System.Globalization;
using Lstm.Cli.Runs;
using Lstm.Training.Onnx;

namespace Lstm.Cli.Commands;

/// <summary>
/// <c>lstm export --checkpoint PATH | --model DIR [--variant text|ids] [--padded] [--out FILE]</c>: writes a trained network as an
/// ONNX model (see <see cref="OnnxModelVariant"/>), by default <c>model.onnx</c> or
/// <c>model.ids.onnx</c> beside its source, and prints the file's path, size, variant and opset.
/// </summary>
internal sealed class ExportCommand
{
    private readonly Option<string?> _checkpoint = new("--checkpoint")
    {
        Description = "Checkpoint written by 'lstm train' (the model after its last finished epoch; vocabulary.json and training.json are read from its folder)",
        HelpName = "path",
    };
    private readonly Option<string?> _model = new("--model")
    {
        Description = "Run folder written by 'lstm train' (model.lstm, vocabulary.json, training.json), or an .onnx file to convert to the other variant",
        HelpName = "dir",
    };
    private readonly Option<string> _variant = new Option<string>("--variant")
    {
        Description = "text: input is normalised text, preprocessing in the graph (opset 20); ids: input is padded ids (opset 17). Default: text (ids for a subword model, which has no text variant)",
        DefaultValueFactory = _ => OnnxVariantNames.Text,
        HelpName = "text|ids",
    }.Must(v => v is OnnxVariantNames.Text or OnnxVariantNames.Ids, $"must be '{OnnxVariantNames.Text}' or '{OnnxVariantNames.Ids}'");
    private readonly Option<string?> _out = new("--out")
    {
        Description = "The .onnx file to write. Default: model.onnx (text) or model.ids.onnx (ids) beside the source, which are refreshed; any other existing file needs --overwrite, and the model's own files are never written over",
        HelpName = "file",
    };
    private readonly Option<bool> _padded = new("--padded")
    {
        Description = "Write the padded graph, every step of every row read, for runtimes without LSTM sequence_lens support. Default: the padding-free graph (each text's real ids only, the LSTM starting from stored states after its padding; the same probabilities, faster on short texts) wherever the network has one: one forward LSTM, no mask, last-state pooling (e.g. the default Embedding -> LSTM -> Dense(1, sigmoid)), pre-padding",
    };
    private readonly Option<bool> _overwrite = new("--overwrite")
    {
        Description = "Replace an existing --out file that is not this model's ONNX output",
    };

    /// <summary>Builds the command; its action runs in <paramref name="environment"/>.</summary>
    public ExportCommand(CommandEnvironment environment)
    {
        Command = new Command("export", "Write a trained model (run folder or checkpoint) as an ONNX model")
        {
            _checkpoint, _model, _variant, _padded, _out, _overwrite,
        };
        Command.Validators.Add(result =>
        {
            bool checkpoint = result.GetResult(_checkpoint) is not null, model = result.GetResult(_model) is not null;
            if (checkpoint == model)
                result.AddError(checkpoint ? "give either --checkpoint or --model, not both." : "give the model to export: --checkpoint PATH or --model DIR.");
        });
        Command.SetAction(parseResult => ErrorReporter.Run(environment.Error, () => Execute(parseResult, environment)));
    }

    /// <summary>The <c>export</c> command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parseResult, CommandEnvironment environment)
    {
        var output = environment.Output;
        var model = parseResult.GetValue(_checkpoint) is { } checkpoint
            ? RunFolderReader.ReadCheckpoint(checkpoint)
            : TrainedModel.Load(parseResult.GetValue(_model)!);
        var variant = OnnxVariantNames.Parse(parseResult.GetValue(_variant)!);
        // A subword model has only the ids variant; asking for text explicitly gets the exporter's explanation.
        if (model.Vocabulary.IsSubword && parseResult.GetResult(_variant) is null or { Implicit: true }) variant = OnnxModelVariant.Ids;
        string defaultName = OnnxVariantNames.DefaultFileName(variant);
        string path = Path.GetFullPath(parseResult.GetValue(_out) ?? Path.Combine(model.Folder, defaultName));
        if (Directory.Exists(path)) path = Path.Combine(path, defaultName);
        string[] inputs = TrainedModel.IsOnnxFile(model.Source) || File.Exists(model.Source)
            ? [model.Source, .. OutputGuard.RunFiles.Where(f => f is not RunDirectory.OnnxFile and not RunDirectory.OnnxIdsFile).Select(f => Path.Combine(model.Folder, f))]
            : [.. OutputGuard.RunFiles.Where(f => f is not RunDirectory.OnnxFile and not RunDirectory.OnnxIdsFile).Select(f => Path.Combine(model.Folder, f))];
        string[] own = [Path.Combine(model.Folder, RunDirectory.OnnxFile), Path.Combine(model.Folder, RunDirectory.OnnxIdsFile)];
        OutputGuard.CheckExportTarget(path, parseResult.GetValue(_overwrite), inputs, own);

        output.WriteLine($"Model: {model.Source} ({model.Kind}): {TrainingRun.Describe(model.Network)}, {model.Padding}");
        bool paddingFree = OnnxModelWriter.Write(model.Network, model.Vocabulary, model.Padding, variant, path, parseResult.GetValue(_padded));
        long size = new FileInfo(path).Length;
        output.WriteLine($"Wrote {path}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {size:N0} bytes - variant {OnnxVariantNames.Format(variant)}, input {OnnxVariantNames.Input(variant)} - opset {OnnxVariantNames.Opsets(variant)}{(paddingFree ? " - padding-free" : " - padded")}"));
        output.WriteLine($"Next: lstm predict --model {(path.Contains(' ') ? $"\"{path}\"" : path)} \"some review\"");
        return ExitCodes.Success;
    }
}
