using System.CommandLine;
using Lstm.Cli.Commands;
using Lstm.Training.TimeSeries;

namespace Lstm.Cli.Forecast;

/// <summary>
/// <c>lstm forecast evaluate --model DIR [--data series.csv] [--plot FILE]</c>: reads the series the way the model was
/// trained, and reports the test part's errors beside the naive and seasonal-naive forecasts.
/// </summary>
internal sealed class ForecastEvaluateCommand
{
    private readonly Option<string> _model = new("--model") { Description = "Folder written by 'lstm forecast train'", HelpName = "dir", Required = true };
    private readonly Option<string?> _data = new("--data") { Description = "The series, read as in training (same columns, split fractions and windows). Default: the training series", HelpName = "file.csv" };
    private readonly Option<string?> _plot = new("--plot") { Description = "Write the test period's figure (actual and forecast) to this PNG file", HelpName = "file.png" };
    private readonly Option<int?> _threads = new Option<int?>("--threads") { Description = "Threads. Default: all cores", HelpName = "n" }.AtLeast(1);

    /// <summary>Builds the command; its action runs in <paramref name="environment"/>.</summary>
    public ForecastEvaluateCommand(CommandEnvironment environment)
    {
        Command = new Command("evaluate", "Report a forecaster's test errors (MAE, RMSE, MAPE) beside the naive and seasonal-naive forecasts")
        {
            _model, _data, _plot, _threads,
        };
        Command.SetAction(parseResult => ErrorReporter.Run(environment.Error, () => Execute(parseResult, environment)));
    }

    /// <summary>The <c>forecast evaluate</c> command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parse, CommandEnvironment environment)
    {
        var model = ForecastModel.Load(parse.GetValue(_model)!);
        string path = model.DataPath(parse.GetValue(_data));
        var table = model.ReadTable(path);
        var series = SeriesWindows.Build(table, model.Run.Windows);
        model.CheckPreprocessing(series.Preprocessing, path);
        var season = table.Interval * model.Run.SeasonSteps;
        var (result, forecasts) = ForecastEvaluation.Evaluate(model.Network, series, series.Test, season, parse.GetValue(_threads));
        environment.Output.WriteLine($"Model: {model.Folder}: {model.Network.Spec.Describe()}");
        environment.Output.WriteLine($"Series: {path}: test part {ForecastTimes.Format(series.Test.TargetTimes[0][0])} to {ForecastTimes.Format(series.Test.TargetTimes[^1][^1])}");
        ForecastEvaluation.Write(environment.Output, result, model.Run.File.TargetColumn, series.Test.Count);
        if (parse.GetValue(_plot) is { } plot)
        {
            ForecastPlotWriter.Write(series.Test, forecasts, model.Run.File.TargetColumn, Path.GetFullPath(plot));
            environment.Output.WriteLine($"Wrote {Path.GetFullPath(plot)}");
        }
        return ExitCodes.Success;
    }
}
