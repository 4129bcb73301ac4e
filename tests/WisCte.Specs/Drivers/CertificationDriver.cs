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
            ExpireToken = () => _simulator.State.Tokens.ExpireAll("vendor-sis"),
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

    public static Func<Plays, Task> Documented(string useCase) => useCase switch
    {
        "1.0" => p => p.UseCase1Async(),
        "2.0" => p => p.UseCase2Async(),
        "4.0" => p => p.UseCase4Async(),
        "7.0" => p => p.UseCase7Async(),
        "15.1" => p => p.UseCase15_1Async(),
        "15.2" => p => p.UseCase15_2Async(),
        "del-15.1" => p => p.UseCaseDelete15_1Async(),
        "del-15.2" => p => p.UseCaseDelete15_2Async(),
        _ => throw new InvalidOperationException($"No documented play for use case {useCase}."),
    };

    public void Dispose()
    {
        _simulator?.Dispose();
        _http.Dispose();
    }
}
