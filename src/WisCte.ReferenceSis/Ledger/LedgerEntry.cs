namespace WisCte.ReferenceSis.Ledger;

/// <summary>One record a run created: enough to delete it later, from another process, children first.</summary>
public sealed record LedgerEntry(
    string RunId,
    long Sequence,
    DateTimeOffset Created,
    string BaseUrl,
    int SchoolYear,
    string Resource,
    string Id,
    string Description);
