using System.Globalization;
using Lstm.Cli;

// Numbers on the command line and in output use '.' whatever the machine's culture.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
using var cancellation = new SignalCancellation(Console.Error);
return LstmCommandLine.Invoke(args, CommandEnvironment.FromConsole(cancellation.Token));
