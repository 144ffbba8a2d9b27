using System.Globalization;
using PaperAtlas.Cli;

// Output must not depend on the machine's locale: format everything the invariant way.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

return AtlasCommand.Run(args, new CliContext(Console.Out, Console.Error, Environment.GetEnvironmentVariable, StderrIsTerminal: !Console.IsErrorRedirected));
