using System.CommandLine;
using WisCte.Cli.Commands;

var root = new RootCommand("WisCte.Conformance: conformance harness for Wisconsin DPI's WISEdata Ed-Fi API (CTE data).")
{
    ServeCommand.Create(Console.Out, Console.Error),
    CleanupCommand.Create(Console.Out, Console.Error, Environment.GetEnvironmentVariable),
    CertifyCommand.Create(Console.Out, Console.Error, Console.In),
    VerifyCommand.Create(Console.Out, Console.Error),
    AuditCommand.Create(Console.Out, Console.Error, Environment.GetEnvironmentVariable),
    LoadCommand.Create(Console.Out, Console.Error, Environment.GetEnvironmentVariable, interactive: !Console.IsOutputRedirected),
};
var parse = root.Parse(args);
var exitCode = await parse.InvokeAsync();
// A command line that does not parse (unknown option, missing value, required option left out) is a bad setting
// too: exit 2, as the commands' own checks do (System.CommandLine's default would be 1, which means "ran and failed").
return parse.Errors.Count > 0 ? 2 : exitCode;
