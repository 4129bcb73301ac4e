using WisCte.EdFi;

namespace WisCte.ReferenceSis.Ledger;

public sealed record CleanupResult(IReadOnlyList<LedgerEntry> Deleted, IReadOnlyList<LedgerEntry> AlreadyGone, IReadOnlyList<(LedgerEntry Entry, string Problem)> Failed)
{
    public bool Succeeded => Failed.Count == 0;
}

/// <summary>
/// Deletes what a ledger names, and nothing else: newest first (children before the parents they reference). A record
/// still referenced by something created later (outside the ledger, or not yet deleted) is retried in a later pass.
/// </summary>
public static class LedgerCleanup
{
    public static async Task<CleanupResult> RunAsync(
        IReadOnlyList<LedgerEntry> entries, Func<int, EdFiClient> clientForYear, int passes = 3, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(clientForYear);
        var deleted = new List<LedgerEntry>();
        var gone = new List<LedgerEntry>();
        var pending = entries.OrderByDescending(e => e.Created).ThenByDescending(e => e.Sequence).ToList();
        var problems = new Dictionary<LedgerEntry, string>();

        for (var pass = 0; pass < passes && pending.Count > 0; pass++)
        {
            var retry = new List<LedgerEntry>();
            foreach (var entry in pending)
            {
                var response = await clientForYear(entry.SchoolYear).DeleteAsync(entry.Resource, entry.Id, cancellation).ConfigureAwait(false);
                switch (response.Status)
                {
                    case 204 or 200:
                        deleted.Add(entry);
                        problems.Remove(entry);
                        break;
                    case 404:
                        gone.Add(entry);
                        problems.Remove(entry);
                        break;
                    default:
                        var problem = response.Problem;
                        problems[entry] = $"{response.Status} {problem?.Type} {problem?.Detail}".Trim();
                        retry.Add(entry);
                        break;
                }
            }
            pending = retry;
        }
        return new CleanupResult(deleted, gone, [.. pending.Select(e => (e, problems[e]))]);
    }
}
