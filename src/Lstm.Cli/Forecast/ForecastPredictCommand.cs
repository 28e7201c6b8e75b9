using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lstm.Cli.Commands;
using Lstm.Training.TimeSeries;

namespace Lstm.Cli.Forecast;

/// <summary>
/// <c>lstm forecast predict --model DIR [--data series.csv] [--format table|tsv|json]</c>: the next H values of the
/// target after the series' last row, from its last window, prepared with what the model learned from its training
/// part (scaler, categories), so any series with the same columns and interval can be continued.
/// </summary>
internal sealed class ForecastPredictCommand
{
    private readonly Option<string> _model = new("--model") { Description = "Folder written by 'lstm forecast train'", HelpName = "dir", Required = true };
    private readonly Option<string?> _data = new("--data") { Description = "The series to continue (the same columns and sampling interval as the training series). Default: the training series", HelpName = "file.csv" };
    private readonly Option<string> _format = new Option<string>("--format") { Description = "Output: table, tsv or json. Default: table", HelpName = "table|tsv|json", DefaultValueFactory = _ => "table" }
        .Must(v => v is "table" or "tsv" or "json", "must be 'table', 'tsv' or 'json'");

    /// <summary>Builds the command; its action runs in <paramref name="environment"/>.</summary>
    public ForecastPredictCommand(CommandEnvironment environment)
    {
        Command = new Command("predict", "Forecast the next steps of a series from its last window")
        {
            _model, _data, _format,
        };
        Command.SetAction(parseResult => ErrorReporter.Run(environment.Error, () => Execute(parseResult, environment)));
    }

    /// <summary>The <c>forecast predict</c> command.</summary>
    public Command Command { get; }

    private int Execute(ParseResult parse, CommandEnvironment environment)
    {
        var model = ForecastModel.Load(parse.GetValue(_model)!);
        string path = model.DataPath(parse.GetValue(_data));
        var table = model.ReadTable(path);
        var preprocessing = model.Run.ReadPreprocessing();
        var input = SeriesWindows.LatestInput(table, preprocessing);
        float[] scaled = model.Network.Predict([input.Input]);
        double[] values = preprocessing.Scaler.InverseTarget(scaled);
        string target = model.Run.File.TargetColumn;
        var output = environment.Output;
        var last = table.Times[^1];
        var rows = values.Select((v, i) => (Step: i + 1, Time: input.TargetTimes[i], Value: v)).ToList();
        switch (parse.GetValue(_format))
        {
            case "json":
                output.WriteLine(JsonSerializer.Serialize(rows.Select(r => new Dictionary<string, object> { ["step"] = r.Step, ["time"] = ForecastTimes.Format(r.Time), [target] = r.Value })));
                break;
            case "tsv":
                output.WriteLine($"step\ttime\t{target}");
                foreach (var r in rows) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Step}\t{ForecastTimes.Format(r.Time)}\t{r.Value:R}"));
                break;
            default:
                output.WriteLine($"Forecast of {target} after {ForecastTimes.Format(last)} (the last row of {path}):");
                output.WriteLine($"  step  time                 {target}");
                foreach (var r in rows) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Step,4}  {ForecastTimes.Format(r.Time),-19}  {r.Value:0.###}"));
                break;
        }
        return ExitCodes.Success;
    }
}
