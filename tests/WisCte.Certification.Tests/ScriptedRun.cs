using FluentAssertions;
using WisCte.Certification.Rules;
using WisCte.Certification.UseCases;
using WisCte.EdFi.Model;
using WisCte.ScriptedSis;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;

namespace WisCte.Certification.Tests;

/// <summary>A scripted SIS and the simulator it talks to (fault drills set), with the journal judged as certification judges it.</summary>
internal sealed class ScriptedRun : IDisposable
{
    public ScriptedRun(SisBehaviour behaviour, int schoolYear = 2026, params string[] faults)
    {
        Behaviour = behaviour;
        Simulator = WisedataSimulator.Start(new SimulatorOptions
        {
            Clients = [new ApiClient("vendor-sis", "vendor-secret", 48856)],
            Faults = [.. faults.Select(FaultInjector.Parse)],
        });
        Sis = new ScriptedSisClient(Http, Simulator.BaseUrl, "vendor-sis", "vendor-secret", behaviour, schoolYear)
        {
            ExpireToken = () => Simulator.ExpireTokens("vendor-sis"),
        };
        Plays = new Plays(Sis, schoolYear);
    }

    public HttpClient Http { get; } = new();
    public WisedataSimulator Simulator { get; }
    public ScriptedSisClient Sis { get; }

    /// <summary>The same SIS on another school year's routes (its own token).</summary>
    public ScriptedSisClient SisFor(int year) =>
        _byYear.TryGetValue(year, out var sis) ? sis : _byYear[year] = new(Http, Simulator.BaseUrl, "vendor-sis", "vendor-secret", Behaviour, year);

    private readonly Dictionary<int, ScriptedSisClient> _byYear = [];

    private SisBehaviour Behaviour { get; }
    public Plays Plays { get; }

    public Verdict Judge(params string[] useCases) => JudgeYear(2026, useCases);

    public Verdict JudgeYear(int year, params string[] useCases) =>
        AsCatalogued(Certification.Judge.Run(Simulator.Journal.Query(), [.. useCases.Select(u => UseCaseCatalog.Find(u)!)], new SchoolYear(year)));

    /// <summary>
    /// Every finding of every scripted judgement is checked against the rule catalogue: its rule has a row, its severity is
    /// the row's, and it belongs to one of the row's use cases (or, when no judged use case is one of them, to any).
    /// </summary>
    private static Verdict AsCatalogued(Verdict verdict)
    {
        var judged = verdict.UseCases.Select(u => u.Id).ToList();
        foreach (var finding in verdict.Findings)
        {
            var entry = RuleCatalog.Find(finding.RuleId);
            entry.Should().NotBeNull("rule {0} reported a finding but has no row in the rule catalogue: {1}", finding.RuleId, finding);
            finding.Severity.Should().Be(entry!.Severity, "the catalogue gives {0} the severity of its source's words", finding.RuleId);
            if (entry.UseCases.Intersect(judged).Any())
                entry.UseCases.Should().Contain(finding.UseCaseId, "a finding of {0} belongs to a use case the catalogue lists for it", finding.RuleId);
        }
        return verdict;
    }

    public void Dispose()
    {
        Http.Dispose();
        Simulator.Dispose();
    }
}
