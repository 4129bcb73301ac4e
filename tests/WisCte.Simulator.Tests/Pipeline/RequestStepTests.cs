using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Journal;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Http;
using WisCte.Simulator.Journal;
using WisCte.Simulator.Pipeline;
using static WisCte.Simulator.Tests.Pipeline.StepHarness;

namespace WisCte.Simulator.Tests.Pipeline;

/// <summary>The steps every request passes: pipeline order, correlation id, journal, errors, faults, school year.</summary>
public sealed class RequestStepTests
{
    [Test]
    public async Task Steps_run_in_order_and_a_step_that_answers_stops_the_rest()
    {
        var seen = new List<string>();
        var pipeline = new RequestPipeline(
            [new Recording("first", seen, answer: false), new Recording("second", seen, answer: true), new Recording("third", seen, answer: false)],
            _ => throw new AssertionException("The handler must not run once a step answered."));

        var response = await pipeline.RunAsync(Context("GET", "/data/v3/ed-fi/students"));

        seen.Should().Equal("first", "second");
        response.Status.Should().Be(418);
    }

    [Test]
    public async Task The_correlation_id_is_the_clients_from_header_or_query_or_a_new_one()
    {
        var harness = new StepHarness();
        var fromHeader = Context("GET", "/data/v3/ed-fi/students", Headers(("correlation-id", "abc-123")));
        (await harness.Run(new CorrelationStep(), fromHeader)).Headers["correlation-id"].Should().Be("abc-123");

        var fromQuery = Context("GET", "/data/v3/ed-fi/students", query: new Dictionary<string, string>(StringComparer.Ordinal) { ["correlationId"] = "q-9" });
        await harness.Run(new CorrelationStep(), fromQuery);
        fromQuery.CorrelationId.Should().Be("q-9");

        var made = Context("GET", "/data/v3/ed-fi/students");
        await harness.Run(new CorrelationStep(), made);
        made.CorrelationId.Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Test]
    public async Task The_correlation_header_is_echoed_on_success_only_problems_carry_it_in_their_body()
    {
        var harness = new StepHarness { NextAnswer = SimResponse.Empty(404) };
        var response = await harness.Run(new CorrelationStep(), Context("GET", "/data/v3/ed-fi/students", Headers(("correlation-id", "abc"))));
        response.Headers.Should().NotContainKey("correlation-id");
    }

    [Test]
    public async Task The_journal_records_the_exchange_with_secrets_masked_and_the_client_a_step_found()
    {
        var harness = new StepHarness { NextAnswer = SimResponse.Empty(201, ("Location", "http://step/x")) };
        using var journal = new SimulatorJournal();
        var context = Context("POST", "/2026/data/v3/ed-fi/students", Headers(("Authorization", "Bearer secret-token-value")), "{\"client_secret\":\"hush\"}");
        context.CorrelationId = "corr-1";
        var step = new JournalStep(journal, TimeProvider.System, _ => "from-identify");
        await step.InvokeAsync(context, c =>
        {
            c.ClientId = "from-step";
            return Task.FromResult(harness.NextAnswer);
        });

        var entry = journal.Query().Single();
        entry.Should().BeEquivalentTo(new { Method = "POST", Path = "/2026/data/v3/ed-fi/students", Status = 201, ClientId = "from-step", CorrelationId = "corr-1", SchoolYear = 2026 });
        entry.RequestHeaders["Authorization"].Should().NotContain("secret-token-value");
        entry.RequestBody.Should().NotContain("hush");
        entry.ResponseHeaders["Location"].Should().Be("http://step/x");
    }

    [Test]
    public async Task The_journal_times_an_entry_when_the_request_arrived_not_when_it_was_answered()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));
        using var journal = new SimulatorJournal();
        await new JournalStep(journal, time, _ => null).InvokeAsync(Context("GET", "/data/v3/ed-fi/students"), _ =>
        {
            time.Advance(TimeSpan.FromSeconds(2)); // a slow answer
            return Task.FromResult(SimResponse.Empty(200));
        });

        // A judge reads a retry's wait as the gap from a failure's end (its time plus its duration) to the retry's arrival.
        journal.Query().Single().Timestamp.Should().Be(new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public async Task The_journal_names_the_client_from_the_request_when_no_step_did()
    {
        using var journal = new SimulatorJournal();
        await new StepHarness().Run(new JournalStep(journal, TimeProvider.System, _ => "from-identify"), Context("GET", "/data/v3/ed-fi/students"));
        journal.Query().Single().ClientId.Should().Be("from-identify");
    }

    [Test]
    public void A_dropped_connection_is_journaled_with_status_0_and_the_drop()
    {
        var context = Context("POST", "/data/v3/ed-fi/students", body: "{}");
        var entry = JournalRecord.Of(DateTimeOffset.UnixEpoch, context.Request, context.Route, "c", "id", response: null, TimeSpan.Zero);
        entry.Status.Should().Be(0);
        entry.Fault.Should().Be("drop");
        entry.RequestBody.Should().Be("{}");
    }

    [Test]
    public async Task An_exception_becomes_a_500_problem_naming_it()
    {
        var context = Context("GET", "/data/v3/ed-fi/students");
        var response = await new ErrorStep().InvokeAsync(context, _ => throw new InvalidOperationException("store on fire"));
        response.Status.Should().Be(500);
        Detail(response).Should().Contain("InvalidOperationException").And.Contain("store on fire");
    }

    [Test]
    public async Task A_503_fault_answers_instead_of_the_api_and_a_delay_answers_late()
    {
        var harness = new StepHarness();
        var faults = new FaultInjector(new Random(1));
        faults.Add(FaultInjector.Parse("503:POST:students:1"));
        faults.Add(FaultInjector.Parse("delay:GET:students:1:delay=5"));

        var refused = await harness.Run(new FaultStep(faults), Context("POST", "/data/v3/ed-fi/students", body: "{}"));
        refused.Status.Should().Be(503);
        refused.InjectedFault.Should().Be("503");
        harness.NextCalls.Should().Be(0);

        var late = await harness.Run(new FaultStep(faults), Context("GET", "/data/v3/ed-fi/students"));
        late.Status.Should().Be(200);
        late.InjectedFault.Should().Be("delay 5 ms");
        harness.NextCalls.Should().Be(1);

        (await harness.Run(new FaultStep(faults), Context("POST", "/data/v3/ed-fi/students", body: "{}"))).Status.Should().Be(200, "the rule was for one request");
    }

    [Test]
    public async Task Faults_leave_admin_routes_and_dropped_connections_alone()
    {
        var harness = new StepHarness();
        var faults = new FaultInjector(new Random(1));
        faults.Add(FaultInjector.Parse("500:GET:*:5"));
        (await harness.Run(new FaultStep(faults), Context("GET", "/__wiscte/journal"))).Status.Should().Be(200);

        faults.Clear();
        faults.Add(FaultInjector.Parse("drop:GET:students:1"));
        (await harness.Run(new FaultStep(faults), Context("GET", "/data/v3/ed-fi/students"))).Status.Should().Be(200, "the host drops connections before the pipeline");
    }

    [Test]
    public async Task A_school_year_not_served_is_404_and_a_served_one_gives_the_steps_after_its_store()
    {
        var harness = new StepHarness();
        var unserved = await harness.Run(new SchoolYearStep(harness.State), Context("GET", "/2019/data/v3/ed-fi/students"));
        unserved.Status.Should().Be(404);
        Detail(unserved).Should().Be("School year 2018-19 is not served here.");
        harness.NextCalls.Should().Be(0);

        var served = Context("POST", "/2025/oauth/token");
        await harness.Run(new SchoolYearStep(harness.State), served);
        served.Store!.Year.Should().Be(new WisCte.EdFi.Model.SchoolYear(2025));
        harness.NextCalls.Should().Be(1);
    }

    private sealed class Recording(string name, List<string> seen, bool answer) : IRequestStep
    {
        public Task<SimResponse> InvokeAsync(RequestContext context, RequestHandler next)
        {
            seen.Add(name);
            return answer ? Task.FromResult(SimResponse.Empty(418)) : next(context);
        }
    }
}
