using WisCte.EdFi.Model;
using WisCte.Certification;
using WisCte.Certification.UseCases;
using WisCte.Dpi;
using WisCte.ScriptedSis;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;

namespace WisCte.Specs.Drivers;

/// <summary>
/// One certification, in a scenario: its own simulator (the recording endpoint), a scripted SIS playing a use case
/// (correctly, or with one mistake), and the judgement of what it sent.
/// </summary>
public sealed class CertificationDriver : IDisposable
{
    private readonly HttpClient _http = new();
    private WisedataSimulator? _simulator;

    public string UseCase { get; set; } = "";
    public Verdict? Verdict { get; private set; }

    public async Task PlayAsync(SisBehaviour behaviour, int schoolYear, IReadOnlyList<string> faults, Func<Plays, Task> play, bool tokenExpiresMidway = false)
    {
        _simulator = WisedataSimulator.Start(new SimulatorOptions
        {
            Clients = [new ApiClient("vendor-sis", "vendor-secret", 48856)],
            Faults = [.. faults.Select(FaultInjector.Parse)],
        });
        var sis = new ScriptedSisClient(_http, _simulator.BaseUrl, "vendor-sis", "vendor-secret", behaviour, schoolYear)
        {
            ExpireToken = () => _simulator.ExpireTokens("vendor-sis"),
        };
        var plays = new Plays(sis, schoolYear);
        if (tokenExpiresMidway)
        {
            var student = await plays.StudentAsync();
            sis.ExpireNow();
            _ = student;
        }
        await play(plays);
        Verdict = Judge.Run(_simulator.Journal.Query(), [UseCaseCatalog.Find(UseCase) ?? throw new InvalidOperationException($"Certification does not judge use case {UseCase}.")],
            new SchoolYear(2026));
    }

    /// <summary>The use case played as DPI documents it (other school years' use cases on their own routes).</summary>
    public Func<Plays, Task> Documented() => plays =>
        Plays.PlayDocumentedAsync(plays.Sis, year => _byYear.TryGetValue(year, out var sis) ? sis
            : _byYear[year] = new ScriptedSisClient(_http, _simulator!.BaseUrl, "vendor-sis", "vendor-secret", new SisBehaviour(), year), UseCase);

    private readonly Dictionary<int, ScriptedSisClient> _byYear = [];

    public void Dispose()
    {
        _simulator?.Dispose();
        _http.Dispose();
    }
}
