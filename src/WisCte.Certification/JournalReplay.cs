using WisCte.EdFi.Model;
using System.Globalization;
using WisCte.Dpi;
using WisCte.Dpi.Validation;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Http;

namespace WisCte.Certification;

/// <summary>
/// Rebuilds what a SIS stored from its recorded traffic: every write WISEdata accepted is replayed, in order, into a
/// fresh simulator (ids mapped), and DPI's L2 rules run over the result. The same for a live run, a proxied one
/// (where the data lives elsewhere) and a journal judged offline.
/// </summary>
public static class JournalReplay
{
    private const string Client = "certification-replay";

    /// <param name="entries">The journal as a judgement reads it (<see cref="JudgementContext.Exchanges"/>: in order, parsed once).</param>
    public static IReadOnlyList<ValidationResult> Validate(IReadOnlyList<Exchange> entries, SchoolYear defaultYear, long localEducationAgencyId)
    {
        var years = entries.Where(e => e.IsData && e.Route.Year is not null).Select(e => e.Route.Year!.Value).Append(defaultYear).Distinct().ToList();
        using var simulator = WisedataSimulator.CreateUnhosted(new SimulatorOptions
        {
            DefaultSchoolYear = defaultYear,
            SchoolYears = years,
            Clients = [new ApiClient(Client, Guid.NewGuid().ToString("N"), localEducationAgencyId)],
        });
        var client = simulator.State.Tokens.Clients.Single();
        var tokens = years.ToDictionary(y => y, y => simulator.State.Tokens.Issue(client, y).AccessToken);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var exchange in entries.Where(e => e.IsData && e.Method is "POST" or "PUT" or "DELETE" && e.Status is >= 200 and < 300))
        {
            var year = exchange.Route.Year ?? defaultYear;
            var path = exchange.Entry.Path.Split('?')[0];
            if (exchange.Id is { } id && ids.TryGetValue(id, out var mapped))
                path = path[..^id.Length] + mapped;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Authorization"] = "Bearer " + tokens[year],
                ["Content-Type"] = "application/json",
            };
            var response = simulator.HandleAsync(new SimRequest("http://replay", exchange.Method, path, new Dictionary<string, string>(StringComparer.Ordinal), headers, exchange.Entry.RequestBody))
                .GetAwaiter().GetResult();
            if (exchange.Method == "POST" && exchange.LocationId is { } original && response.Headers.TryGetValue("Location", out var location))
                ids[original] = location.Split('/')[^1];
        }
        return [.. years.SelectMany(y => simulator.RunValidations(localEducationAgencyId, y))];
    }

    public static string Describe(ValidationResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"DPI's L2 validation {result.Code} ({result.Severity}) on {result.Resource}: {result.Message}");
}
