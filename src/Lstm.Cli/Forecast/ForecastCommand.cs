using System.CommandLine;

namespace Lstm.Cli.Forecast;

/// <summary><c>lstm forecast train|evaluate|predict</c>: LSTM forecasting of numeric time series.</summary>
internal sealed class ForecastCommand
{
    /// <summary>Builds the command group; its subcommands run in <paramref name="environment"/>.</summary>
    public ForecastCommand(CommandEnvironment environment)
    {
        Command = new Command("forecast", "Forecast numeric time series with an LSTM: train on a CSV series, evaluate against naive baselines, predict the next steps")
        {
            new ForecastTrainCommand(environment).Command,
            new ForecastEvaluateCommand(environment).Command,
            new ForecastPredictCommand(environment).Command,
        };
    }

    /// <summary>The <c>forecast</c> command.</summary>
    public Command Command { get; }
}
