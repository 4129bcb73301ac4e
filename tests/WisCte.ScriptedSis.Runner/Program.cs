using System.Globalization;
using WisCte.ScriptedSis;
using WisCte.ScriptedSis.Runner;

// Usage: --base-url URL --client-id ID --client-secret SECRET --use-case 1.0 [--school-year 2026] [--mistake "posts a child before its parent"]
var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i + 1 < args.Length; i += 2)
    options[args[i].TrimStart('-')] = args[i + 1];

string Need(string name) => options.TryGetValue(name, out var value) ? value : throw new UsageException($"--{name} is required.");

try
{
    var baseUrl = Need("base-url").TrimEnd('/');
    var useCase = Need("use-case");
    var mistake = options.TryGetValue("mistake", out var name) ? Mistakes.Named(name) : null;
    var year = options.TryGetValue("school-year", out var y) ? int.Parse(y, CultureInfo.InvariantCulture) : mistake?.SchoolYear ?? 2026;
    using var http = new HttpClient();
    var sis = new ScriptedSisClient(http, baseUrl, Need("client-id"), Need("client-secret"), mistake?.Behaviour ?? new SisBehaviour(), year);
    var plays = new Plays(sis, year);
    Console.WriteLine(mistake is null ? $"Playing use case {useCase} as DPI documents it…" : $"Playing use case {useCase} with a mistake: the SIS {mistake.Name}…");
    await (mistake?.Play ?? Documented(useCase))(plays);
    Console.WriteLine("Done.");
    return 0;
}
catch (Exception ex) when (ex is UsageException or InvalidOperationException or HttpRequestException or FormatException)
{
    await Console.Error.WriteLineAsync($"scripted SIS: {ex.Message}");
    return ex is UsageException or FormatException ? 2 : 1;
}

static Func<Plays, Task> Documented(string useCase) => useCase switch
{
    "1.0" => p => p.UseCase1Async(),
    "2.0" => p => p.UseCase2Async(),
    "4.0" => p => p.UseCase4Async(),
    "7.0" => p => p.UseCase7Async(),
    "15.1" => p => p.UseCase15_1Async(),
    "15.2" => p => p.UseCase15_2Async(),
    "del-15.1" => p => p.UseCaseDelete15_1Async(),
    "del-15.2" => p => p.UseCaseDelete15_2Async(),
    _ => throw new UsageException($"--use-case {useCase}: the scripted SIS plays 1.0, 2.0, 4.0, 7.0, 15.1, 15.2, del-15.1, del-15.2."),
};
