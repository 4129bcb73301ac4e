using FluentAssertions;
using NUnit.Framework;
using WisCte.EdFi.Model;
using WisCte.Journal;

namespace WisCte.Certification.Tests;

/// <summary>
/// CERT-RENEW-AFTER-401 with parallel workers sharing one token: when it expires, the requests already on their way
/// with it come back 401 too; they are not a token kept in use. A request sent with it once the new token came back is.
/// Journals written by hand, so the interleaving is exact.
/// </summary>
public sealed class RenewAfterUnauthorizedTests
{
    private const string Rule = "CERT-RENEW-AFTER-401";

    [Test]
    public void Workers_whose_requests_were_on_their_way_when_the_shared_token_expired_are_not_caught()
    {
        var journal = new HandWrittenJournal()
            .Token("old", at: 0)
            .Data("old", at: 100, status: 401)   // worker 1 learns the token is gone at 105 ms
            .Data("old", at: 106, status: 401)   // worker 2 sent before the new token was at hand
            .Token("new", at: 107)               // worker 1 renews; the new token is at hand at 112 ms
            .Data("old", at: 110, status: 401)   // worker 3, still before 112 ms
            .Data("new", at: 113, status: 201)
            .Data("new", at: 114, status: 201);

        Findings(journal).Should().BeEmpty();
    }

    [Test]
    public void A_worker_that_sends_the_refused_token_after_the_new_one_came_back_is_caught()
    {
        var journal = new HandWrittenJournal()
            .Token("old", at: 0)
            .Data("old", at: 100, status: 401)
            .Token("new", at: 107)
            .Data("new", at: 113, status: 201)
            .Data("old", at: 200, status: 401); // the SIS has a good token, and sends the refused one

        Findings(journal).Should().ContainSingle().Which.JournalEntries.Should().Equal(2, 5);
    }

    [Test]
    public void A_sis_that_never_renews_is_caught_once_its_401_came_back()
    {
        var journal = new HandWrittenJournal()
            .Token("old", at: 0)
            .Data("old", at: 100, status: 401)
            .Data("old", at: 120, status: 401)
            .Data("old", at: 140, status: 401);

        Findings(journal).Should().ContainSingle().Which.JournalEntries.Should().Equal(2, 3);
    }

    private static List<Finding> Findings(HandWrittenJournal journal) =>
        [.. Judge.Run(journal.Entries, [], new SchoolYear(2026)).Findings.Where(f => f.RuleId == Rule)];
}
