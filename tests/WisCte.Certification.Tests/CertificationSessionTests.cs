using FluentAssertions;
using NUnit.Framework;
using WisCte.Certification.UseCases;
using WisCte.EdFi.Model;
using WisCte.ScriptedSis;
using WisCte.TestSupport;

namespace WisCte.Certification.Tests;

/// <summary>
/// The certification session on a clock the test moves: it judges once the expected traffic has arrived and stayed
/// quiet for the settle time (not before), and at the time-out otherwise. No test waits in real time.
/// </summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CertificationSessionTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    private readonly InstantClock _clock = new();
    private CertificationSession Session(ScriptedRun run) => new(
        new CertificationEndpoint(() => run.Simulator.Journal.Count, () => run.Simulator.Journal.Query()),
        [UseCaseCatalog.Find("1.0")!], new SchoolYear(2026), Settle, Timeout, _clock);

    [Test]
    public void Before_any_traffic_it_waits_for_every_expectation()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var look = Session(run).Look();

        look.State.Should().Be(SessionState.Waiting);
        look.Missing.Should().BeEquivalentTo("CERT-1.0-PARTICIPATION", "CERT-1.0-STATUS");
    }

    [Test]
    public async Task Once_the_expected_traffic_has_arrived_it_judges_only_after_the_settle_time()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var session = Session(run);
        await run.Plays.UseCase1Async();

        var arrived = session.Look();
        (arrived.State, arrived.Requests, arrived.Missing.Count).Should().Be((SessionState.Waiting, run.Simulator.Journal.Count, 0));
        _clock.Advance(Settle - TimeSpan.FromSeconds(1));
        session.Look().State.Should().Be(SessionState.Waiting, "the traffic has been quiet for 9 s of the 10 the session waits");
        _clock.Advance(TimeSpan.FromSeconds(1));
        session.Look().State.Should().Be(SessionState.Settled);
    }

    [Test]
    public async Task A_request_arriving_while_settling_starts_the_settle_time_again()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var session = Session(run);
        await run.Plays.UseCase1Async();
        session.Look();
        _clock.Advance(Settle - TimeSpan.FromSeconds(1));

        await run.Plays.UseCase1Async();
        session.Look().State.Should().Be(SessionState.Waiting);
        _clock.Advance(TimeSpan.FromSeconds(5));
        session.Look().State.Should().Be(SessionState.Waiting, "the last request came 5 s ago");
    }

    [Test]
    public async Task Without_the_expected_traffic_it_waits_until_the_time_out_and_names_what_is_missing()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var session = Session(run);
        await run.Plays.UseCase2Async(); // traffic, but not use case 1.0's

        _clock.Advance(Timeout - TimeSpan.FromSeconds(1));
        session.Look().State.Should().Be(SessionState.Waiting);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var look = session.Look();
        look.State.Should().Be(SessionState.TimedOut);
        look.Missing.Should().Contain("CERT-1.0-PARTICIPATION");
    }

    [Test]
    public async Task Waiting_says_what_it_sees_and_stops_when_the_traffic_settles_looking_every_quarter_second()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var session = Session(run);
        await run.Plays.UseCase1Async();
        var said = new List<string>();

        await session.WaitAsync(new TaskCompletionSource<bool>().Task, line => { said.Add(line); return Task.CompletedTask; }, CancellationToken.None);

        said[^1].Should().Be("The expected traffic arrived and stayed quiet for 10 s: judging.");
        said.Should().Contain(l => l.Contains("expected traffic arrived, settling", StringComparison.Ordinal));
        _clock.Waits.Should().OnlyContain(w => w == CertificationSession.LookEvery).And.HaveCount(40, "10 s of settling, looked at every 250 ms");
    }

    [Test]
    public async Task The_operator_pressing_enter_stops_the_wait_at_once()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var said = new List<string>();

        await Session(run).WaitAsync(Task.FromResult(true), line => { said.Add(line); return Task.CompletedTask; }, CancellationToken.None);

        said.Should().Equal("Operator confirmed: judging.");
        _clock.Waits.Should().BeEmpty();
    }
}
