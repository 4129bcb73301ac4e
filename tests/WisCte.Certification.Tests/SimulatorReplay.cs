using WisCte.Dpi.L2;
using WisCte.EdFi.Model;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Http;

namespace WisCte.Certification.Tests;

/// <summary>
/// The oracle of <see cref="FinalState"/>'s equivalence: how certification ran DPI's L2 rules before it had a reducer.
/// Every write the journal shows accepted is replayed, in order, into a fresh simulator (baseline loaded; ids mapped from
/// the journal's Location ids to the replay's), and the simulator's own validation runs over its store. Results name
/// records by the journal's ids (the replay's mapped back; "" for a record no write of the journal named), as
/// <see cref="JournalValidation"/> does.
/// </summary>
internal static class SimulatorReplay
{
    private const string Client = "certification-replay";

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

        var journalIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (journal, replay) in ids)
            journalIds[replay] = journal;
        return [.. years.SelectMany(y => simulator.RunValidations(localEducationAgencyId, y))
            .Select(r => r with { ResourceId = r.ResourceId is { } replayId ? journalIds.GetValueOrDefault(replayId, "") : null })];
    }
}
