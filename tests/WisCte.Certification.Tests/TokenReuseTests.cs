using FluentAssertions;
using NUnit.Framework;
using WisCte.Certification.UseCases;
using WisCte.EdFi.Model;
using WisCte.ScriptedSis;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;

namespace WisCte.Certification.Tests;

/// <summary>
/// CERT-TOKEN-REUSE with parallel workers: each worker may hold its own token; replacing a token that is still good
/// (per request, per record, midway) is caught, told apart by the journal's token fingerprints.
/// </summary>
public sealed class TokenReuseTests
{
    private const string Rule = "CERT-TOKEN-REUSE";

    [Test]
    public async Task A_correct_sync_from_8_workers_each_reusing_its_own_token_passes()
    {
        using var run = new ParallelRun(new SisBehaviour());
        await run.PlayAsync(workers: 8, "1.0", "7.0");

        var verdict = run.Judge("1.0", "7.0");
        verdict.Findings.Should().BeEmpty();
        verdict.Passed.Should().BeTrue();
        run.Simulator.Journal.Query().Count(e => e.Path.EndsWith("/oauth/token", StringComparison.Ordinal)).Should().Be(8, "eight workers, eight tokens");
    }

    [Test]
    public async Task A_correct_sync_from_8_workers_passes_every_use_case_through_the_drills()
    {
        using var run = new ParallelRun(new SisBehaviour(), "503:POST:studentSectionAssociations:4", "drop:POST:grades:2", "429:POST:studentSchoolAttendanceEvents:2:retry-after=1");
        var half = Plays.UseCases.Count / 2;
        await run.PlayAsync(workers: 8, [.. Plays.UseCases.Take(half)]);
        run.Simulator.ExpireTokens("vendor-sis"); // every worker's token expires midway
        await run.PlayAsync(workers: 8, [.. Plays.UseCases.Skip(half)]);

        var verdict = run.Judge([.. Plays.UseCases]);
        verdict.Findings.Should().BeEmpty();
        verdict.Passed.Should().BeTrue();
        run.Simulator.Journal.Query().Should().Contain(e => e.Fault == "503").And.Contain(e => e.Fault == "drop").And.Contain(e => e.Status == 401);
    }

    [Test]
    public async Task Eight_workers_each_fetching_a_token_per_record_are_caught()
    {
        using var run = new ParallelRun(new SisBehaviour { NewTokenEvery = 3 });
        await run.PlayAsync(workers: 8, "1.0", "7.0", "2.0", "15.1");

        // Up to 8 replaced tokens may be a pool of 8 workers handing over to another; the rest are replacements.
        run.Judge("1.0").Findings.Should().Contain(f => f.RuleId == Rule);
    }

    [Test]
    public void Workers_that_drop_and_fetch_their_tokens_in_step_are_each_counted()
    {
        // 8 workers, each fetching a new token every round, all at the same moments (as a loaded machine schedules them).
        var journal = new HandWrittenJournal();
        for (var round = 0; round < 4; round++)
        {
            for (var worker = 0; worker < 8; worker++)
                journal.Token($"r{round}w{worker}", at: (round * 100) + worker);
            for (var worker = 0; worker < 8; worker++)
                journal.Data($"r{round}w{worker}", at: (round * 100) + 10 + worker, status: 201);
        }

        var finding = Judge.Run(journal.Entries, [], new SchoolYear(2026)).Findings.Should().ContainSingle(f => f.RuleId == Rule).Subject;
        finding.Message.Should().Contain("fetched 16 new token(s)", "24 replacements, less one handover of the pool of 8");
    }

    [Test]
    public void A_renewal_after_a_401_is_never_taken_for_a_replacement_of_another_workers_finished_token()
    {
        // A pool of two: worker "a" renews after each 401 while workers b, c, d, e take turns, each finishing (its token
        // still good) before the next fetches. The handovers c, d and e are replacements the journal cannot tell from a
        // finished worker's, of which the pool of two is allowed two; a's renewals are not replacements at all.
        var journal = new HandWrittenJournal()
            .Token("a", 0).Token("b", 1).Data("a", 2, 201).Data("b", 3, 201)
            .Data("a", 10, 401).Token("a2", 11).Data("a2", 12, 201)
            .Token("c", 20).Data("c", 21, 201)
            .Data("a2", 30, 401).Token("a3", 31).Data("a3", 32, 201)
            .Token("d", 40).Data("d", 41, 201)
            .Data("a3", 50, 401).Token("a4", 51).Data("a4", 52, 201)
            .Token("e", 60).Data("e", 61, 201);
        var fetchOfE = journal.Entries[^2].Sequence;

        var finding = Judge.Run(journal.Entries, [], new SchoolYear(2026)).Findings.Should().ContainSingle(f => f.RuleId == Rule).Subject;

        finding.Message.Should().Contain("fetched 1 new token(s)");
        finding.JournalEntries.Should().Equal([fetchOfE], "the last handover is flagged, not a renewal");
    }

    [Test]
    public async Task One_worker_that_replaces_its_good_token_midway_is_caught_for_each_replacement()
    {
        using var run = new ParallelRun(new SisBehaviour { NewTokenEvery = 4 });
        await run.PlayAsync(workers: 1, "1.0");

        var tokens = run.Simulator.Journal.Query().Count(e => e.Path.EndsWith("/oauth/token", StringComparison.Ordinal));
        tokens.Should().BeGreaterThan(1);
        var finding = run.Judge("1.0").Findings.Should().ContainSingle(f => f.RuleId == Rule).Subject;
        finding.Message.Should().Contain($"fetched {tokens - 1} new token(s)");
    }

    [Test]
    public async Task Eight_workers_whose_journal_cannot_tell_tokens_apart_are_judged_as_one_client()
    {
        using var run = new ParallelRun(new SisBehaviour());
        await run.PlayAsync(workers: 8, "1.0");

        var withoutFingerprints = run.Simulator.Journal.Query().Select(e => e with { TokenFingerprint = null });
        var verdict = Judge.Run(withoutFingerprints, [UseCaseCatalog.Find("1.0")!], new SchoolYear(2026), runL2: false);
        verdict.Findings.Should().Contain(f => f.RuleId == Rule, "without fingerprints seven of the eight tokens look needless");
    }

    private sealed class ParallelRun(SisBehaviour behaviour, params string[] faults) : IDisposable
    {
        public WisedataSimulator Simulator { get; } = WisedataSimulator.Start(new SimulatorOptions
        {
            Clients = [new ApiClient("vendor-sis", "vendor-secret", 48856)],
            Faults = [.. faults.Select(WisCte.Simulator.Faults.FaultInjector.Parse)],
        });

        private HttpClient Http { get; } = new();

        /// <summary>
        /// Each worker is its own client object (its own token), playing the use cases for its own students. The workers
        /// live as long as the run: a second call plays on with the same workers and their tokens.
        /// </summary>
        public Task PlayAsync(int workers, params string[] useCases)
        {
            while (_workers.Count < workers)
            {
                // Another year's client is made for 2023-24's use cases; it fetches a token only if one is played.
                _workers.Add((new ScriptedSisClient(Http, Simulator.BaseUrl, "vendor-sis", "vendor-secret", behaviour),
                    new ScriptedSisClient(Http, Simulator.BaseUrl, "vendor-sis", "vendor-secret", behaviour, 2024)));
            }
            return Task.WhenAll(_workers.Take(workers).Select(async worker =>
            {
                foreach (var useCase in useCases)
                    await Plays.PlayDocumentedAsync(worker.Current, _ => worker.Earlier, useCase);
            }));
        }

        private readonly List<(ScriptedSisClient Current, ScriptedSisClient Earlier)> _workers = [];

        public Verdict Judge(params string[] useCases) =>
            Certification.Judge.Run(Simulator.Journal.Query(), [.. useCases.Select(u => UseCaseCatalog.Find(u)!)], new SchoolYear(2026));

        public void Dispose()
        {
            Http.Dispose();
            Simulator.Dispose();
        }
    }
}
