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
    if (mistake is not null)
        await mistake.Play(plays);
    else if (Plays.UseCases.Contains(useCase))
        await Plays.PlayDocumentedAsync(sis, y => new ScriptedSisClient(http, baseUrl, Need("client-id"), Need("client-secret"), new SisBehaviour(), y), useCase); // one use case: one client per year
    else
        throw new UsageException($"--use-case {useCase}: the scripted SIS plays {string.Join(", ", Plays.UseCases)}.");
    Console.WriteLine("Done.");
    return 0;
}
catch (Exception ex) when (ex is UsageException or InvalidOperationException or HttpRequestException or FormatException)
{
    await Console.Error.WriteLineAsync($"scripted SIS: {ex.Message}");
    return ex is UsageException or FormatException ? 2 : 1;
}
