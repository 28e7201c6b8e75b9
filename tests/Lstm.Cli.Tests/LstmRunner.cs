using Lstm.Cli;

namespace Lstm.Cli.Tests;

/// <summary>Runs the <c>lstm</c> command in-process with captured output, as the tests call it.</summary>
internal static class LstmRunner
{
    public sealed record Outcome(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static Outcome Run(params string[] args) => Run(environment => environment, args);

    public static Outcome Run(Func<CommandEnvironment, CommandEnvironment> configure, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = configure(new CommandEnvironment
        {
            Output = output,
            Error = error,
            OutputIsTerminal = false,
            // Never the user's real cache: tests that need the cache set their own folder.
            DatasetCacheDirectory = Path.Combine(Path.GetTempPath(), "lstm-cli-tests-no-cache"),
            DownloadHandler = new NoNetworkHandler(),
        });
        int code = LstmCommandLine.Invoke(args, environment);
        return new Outcome(code, output.ToString(), error.ToString());
    }
}

/// <summary>An HTTP handler that fails every request the way an offline machine does, so no test reaches the network.</summary>
internal sealed class NoNetworkHandler : HttpMessageHandler
{
    public int Requests { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        throw new HttpRequestException($"Name or service not known ({request.RequestUri?.Host}:443)");
    }
}

/// <summary>A temporary folder deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lstm-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
