using System.CommandLine;
using System.Globalization;
using Lstm.Cli.Commands;
using Lstm.Cli.Runs;
using Lstm.Training.Explanations;
using Lstm.Training.Models;

namespace Lstm.Cli.Explain;

/// <summary>
/// <c>lstm explain --model DIR|FILE.onnx [--steps 32] [--baseline padding|zeros] [--class NAME] [--html FILE] [--file PATH] "text" …</c>:
/// each text's prediction and which of its tokens (words, or subword pieces) moved it, by integrated gradients over the
/// embedding, with occlusion scores as a cross-check (see <see cref="ExplanationConsoleWriter"/>, <see cref="ExplanationHtmlWriter"/>).
/// </summary>
internal sealed class ExplainCommand
{
    /// <summary>Fewest path steps <c>--steps</c> accepts: below it the attributions stop adding up.</summary>
    public const int MinSteps = 16;

    /// <summary>Most path steps <c>--steps</c> accepts: past it the integral no longer improves.</summary>
    public const int MaxSteps = 256;

    private readonly Option<string> _model = new("--model")
    {
        Description = "Run folder written by 'lstm train', or an .onnx file written by 'lstm train' or 'lstm export'",
        HelpName = "dir|file.onnx",
        Required = true,
    };
    private readonly Option<int> _steps = new Option<int>("--steps")
    {
        Description = $"Points on the path from the baseline to the text (integrated gradients); more is closer to exact and slower. Default {IntegratedGradientsOptions.DefaultSteps}",
        HelpName = "n",
        DefaultValueFactory = _ => IntegratedGradientsOptions.DefaultSteps,
    }.Between(MinSteps, MaxSteps);
    private readonly Option<string> _baseline = new Option<string>("--baseline")
    {
        Description = "Where the path starts at every step: 'padding' (the padding id's embedding) or 'zeros'. Default: padding",
        HelpName = "padding|zeros",
        DefaultValueFactory = _ => "padding",
    }.Must(v => v is "padding" or "zeros", "must be 'padding' or 'zeros'");
    private readonly Option<string?> _class = new("--class")
    {
        Description = "Multi-class models: the class whose logit is explained. Default: the predicted class",
        HelpName = "name",
    };
    private readonly Option<string?> _html = new("--html")
    {
        Description = "Also write one self-contained HTML page with every text's tokens shaded by attribution",
        HelpName = "file",
    };
    private readonly Option<string?> _file = new("--file")
    {
        Description = "Read texts from this file, one per line ('-' for standard input)",
        HelpName = "path",
    };
    private readonly Argument<string[]> _texts = new("text")
    {
        Description = "Texts to explain; '-' reads them from standard input, one per line",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Builds the command; its action runs in <paramref name="environment"/>.</summary>
    public ExplainCommand(CommandEnvironment environment)
    {
        Command = new Command("explain", "Show which tokens of each text moved the model's prediction (integrated gradients, with occlusion beside)")
        {
            _model, _steps, _baseline, _class, _html, _file, _texts,
        };
        Command.SetAction(parseResult => ErrorReporter.Run(environment.Error, () => Execute(parseResult, environment)));
    }

    /// <summary>The <c>explain</c> command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parseResult, CommandEnvironment environment)
    {
        var texts = PredictCommand.ReadTexts(parseResult.GetValue(_texts) ?? [], parseResult.GetValue(_file), environment.Input);
        if (texts.Count == 0)
            throw new ArgumentException("no texts given: pass them as arguments, with --file PATH (one per line), or '-' to read standard input.");
        var model = TrainedModel.Load(parseResult.GetValue(_model)!);
        var spec = model.Network.Spec;
        int? chosen = ClassIndex(spec, parseResult.GetValue(_class));
        var options = new IntegratedGradientsOptions
        {
            Steps = parseResult.GetValue(_steps),
            Baseline = parseResult.GetValue(_baseline) == "zeros" ? AttributionBaseline.Zeros : AttributionBaseline.Padding,
            Output = chosen,
        };
        float[] outputs = PredictCommand.Logits(model, texts, threads: null, environment.CancellationToken);
        var predictions = PredictCommand.Predictions(spec, texts, outputs);
        var explainer = new TextExplainer(new Lstm.Training.Models.TextVectorizer(model.Vocabulary, model.Padding.MaxLen, model.Padding.Padding, model.Padding.Truncating), model.Network);
        var explained = new List<ExplainedText>(texts.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            environment.CancellationToken.ThrowIfCancellationRequested();
            TextExplanation explanation;
            try
            {
                explanation = explainer.Explain(texts[i], options);
            }
            catch (ArgumentException e) when (e.ParamName == "text")
            {
                throw new ArgumentException($"text {i + 1} has no tokens (nothing but spaces or punctuation): there is nothing to explain.", e);
            }
            explained.Add(new ExplainedText(predictions[i], OutputName(spec, explanation.Integrated.Output), explanation));
        }
        PredictCommand.WarnAboutUnknownText(model.Vocabulary, texts, environment.Error);
        ExplanationConsoleWriter.Write(environment.Output, explained, environment.OutputIsTerminal, environment.TerminalWidth);
        if (parseResult.GetValue(_html) is { } html)
        {
            string path = Path.GetFullPath(html);
            ExplanationHtmlWriter.Write(path, model.Source, explained);
            environment.Output.WriteLine($"Wrote {path}");
        }
        return ExitCodes.Success;
    }

    /// <summary>The output <c>--class</c> names: a class name, or a class index when the model records no names.</summary>
    private static int? ClassIndex(NetworkSpec spec, string? name)
    {
        if (name is null) return null;
        if (spec.Task != TaskKind.MulticlassClassification)
            throw new ArgumentException($"--class applies to multi-class models; this one is {(spec.Task == TaskKind.BinaryClassification ? "binary (its logit of positive is explained)" : "a regression (its value is explained)")}.");
        var names = spec.ClassNames ?? [.. Enumerable.Range(0, spec.Outputs).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        int index = names.ToList().IndexOf(name);
        if (index < 0) throw new ArgumentException($"--class: no class '{name}'; the model's classes are {string.Join(", ", names)}.");
        return index;
    }

    private static string OutputName(NetworkSpec spec, int output) => spec.Task switch
    {
        TaskKind.BinaryClassification => "logit of positive",
        TaskKind.MulticlassClassification => $"logit of class {spec.ClassNames?[output] ?? output.ToString(CultureInfo.InvariantCulture)}",
        _ => spec.Outputs == 1 ? "value" : $"value {output + 1} of {spec.Outputs}",
    };
}
