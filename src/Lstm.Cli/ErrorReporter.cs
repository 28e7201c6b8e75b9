using System.Text.Json;
using Lstm.Training.Data;

namespace Lstm.Cli;

/// <summary>
/// Turns exceptions into what the user sees: one line on standard error naming the problem, and an exit code.
/// Problems with the user's input (options, files, data, network) never show a stack trace; anything else is a bug
/// and is printed in full so that it can be reported.
/// </summary>
internal static class ErrorReporter
{
    /// <summary>Exit code of an unexpected exception (a bug): EX_SOFTWARE from sysexits.h.</summary>
    public const int InternalError = 70;

    /// <summary>Runs a command's body and turns any exception it throws into a report and an exit code.</summary>
    public static int Run(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e)
        {
            return Report(e, error);
        }
    }

    /// <summary>Writes the report for <paramref name="exception"/> to <paramref name="error"/> and returns the exit code.</summary>
    public static int Report(Exception exception, TextWriter error)
    {
        exception = Unwrap(exception);
        switch (exception)
        {
            case OperationCanceledException:
                error.WriteLine("Cancelled.");
                return ExitCodes.Cancelled;
            case DatasetUnavailableException or ImdbDownloadException or HttpRequestException:
                error.WriteLine($"error: {OneLine(exception.Message)}");
                return ExitCodes.DatasetUnavailable;
            case ArgumentException argument:
                error.WriteLine($"error: {OneLine(WithoutParameterSuffix(argument))}");
                return ExitCodes.UserError;
            case InvalidDataException or FormatException or IOException or UnauthorizedAccessException or JsonException:
                error.WriteLine($"error: {OneLine(exception.Message)}");
                return ExitCodes.UserError;
            default:
                error.WriteLine($"error: unexpected {exception.GetType().Name}: {OneLine(exception.Message)}");
                error.WriteLine("This is a bug in lstm; please report it with the details below.");
                error.WriteLine(exception);
                return InternalError;
        }
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerExceptions[0];
        return exception;
    }

    // ArgumentException appends "(Parameter 'x')" and ArgumentOutOfRangeException "Actual value was y." on new lines.
    private static string WithoutParameterSuffix(ArgumentException exception)
    {
        string message = exception.Message;
        if (exception.ParamName is { } name) message = message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal);
        return message;
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
