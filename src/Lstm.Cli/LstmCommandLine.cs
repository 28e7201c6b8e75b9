using System.CommandLine;
using Lstm.Cli.Commands;

namespace Lstm.Cli;

/// <summary>The <c>lstm</c> command line: <c>train</c>, <c>evaluate</c>, <c>predict</c>, <c>export</c>, <c>summary</c>, <c>codegen</c>, <c>forecast</c> and <c>explain</c>.</summary>
internal static class LstmCommandLine
{
    /// <summary>The root command with its subcommands, acting in <paramref name="environment"/>.</summary>
    public static RootCommand Build(CommandEnvironment environment) =>
        new("lstm: train, evaluate, run, export (ONNX) and summarise Keras-style LSTM sentiment classifiers (Embedding -> LSTM -> Dense) on IMDB or your own labelled text")
        {
            new TrainCommand(environment).Command,
            new EvaluateCommand(environment).Command,
            new PredictCommand(environment).Command,
            new ExportCommand(environment).Command,
            new SummaryCommand(environment).Command,
            new CodegenCommand(environment).Command,
            new Forecast.ForecastCommand(environment).Command,
            new Explain.ExplainCommand(environment).Command,
        };

    /// <summary>
    /// Parses and runs <paramref name="args"/>; returns the exit code. Parse errors (unknown options, bad values)
    /// print one line each on standard error and return <see cref="ExitCodes.UserError"/>.
    /// </summary>
    public static int Invoke(string[] args, CommandEnvironment environment)
    {
        var root = Build(environment);
        var parseResult = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors) environment.Error.WriteLine($"error: {error.Message}");
            environment.Error.WriteLine($"Run '{CommandPath(parseResult)} --help' for usage.");
            return ExitCodes.UserError;
        }
        return parseResult.Invoke(new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null, // Ctrl+C is handled by SignalCancellation, so training can stop cleanly
        });
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command is RootCommand ? "lstm" : result.Command.Name);
        return string.Join(' ', names);
    }
}
