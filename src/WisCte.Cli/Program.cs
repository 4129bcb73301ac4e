using System.CommandLine;
using WisCte.Cli.Commands;

var root = new RootCommand("WisCte.Conformance: conformance harness for Wisconsin DPI's WISEdata Ed-Fi API (CTE data).")
{
    ServeCommand.Create(Console.Out, Console.Error),
};
return await root.Parse(args).InvokeAsync();
