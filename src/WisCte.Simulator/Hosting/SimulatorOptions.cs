using WisCte.Dpi;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Faults;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Hosting;

/// <summary>What the simulator plays.</summary>
public enum SimulatorProfile
{
    /// <summary>WISEdata: Ed-Fi ODS/API behaviour plus DPI's L1 rules, DPI-owned reference data and keys scoped to one LEA.</summary>
    Wisedata,

    /// <summary>A plain Ed-Fi ODS/API with a sandbox key: Ed-Fi's behaviour alone, every resource writable, no DPI rules.</summary>
    EdFiOds,
}

/// <summary>How a simulator instance runs. Every option has a default that works for tests.</summary>
public sealed record SimulatorOptions
{
    /// <summary>0 picks a free loopback port.</summary>
    public int Port { get; init; }

    /// <summary>The year served under /data/v3 and /oauth/token without a year in the route.</summary>
    public SchoolYear DefaultSchoolYear { get; init; } = new(2026);

    /// <summary>Every year served under /{schoolYear}/…; the default year is always among them.</summary>
    public IReadOnlyList<SchoolYear> SchoolYears { get; init; } = [.. Enumerable.Range(2021, 7).Select(y => new SchoolYear(y))];

    public IReadOnlyList<ApiClient> Clients { get; init; } = [];

    /// <summary>Token lifetime; the ODS default is 60 minutes.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>Write the journal to this NDJSON file as requests arrive; null keeps it in memory only.</summary>
    public string? JournalPath { get; init; }

    /// <summary>How many journal entries stay in memory for queries.</summary>
    public int JournalCapacity { get; init; } = 100_000;

    /// <summary>Larger request bodies are refused with 413.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Load fixtures/baseline (DPI's LEA, schools, calendar, courses, programs) into every year at start.</summary>
    public bool LoadBaseline { get; init; } = true;

    public IReadOnlyList<FaultRule> Faults { get; init; } = [];

    /// <summary>
    /// The token-expiry drill: the Nth data request to arrive finds every token issued so far expired (once), so a SIS
    /// meets a 401 in the middle of its sync, at a request decided here rather than by when someone looks. Null: never.
    /// </summary>
    public int? ExpireTokensAtDataRequest { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Seed for percentage faults, for repeatable runs; null = random.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Keep WireMock's own request log this long (its admin API's /__admin/requests); our journal keeps everything.</summary>
    public int WireMockLogCount { get; init; } = 1000;

    /// <summary>Proxy mode: forward every API request to this real base URL and journal the exchange; null answers locally.</summary>
    public Uri? ProxyTo { get; init; }

    /// <summary>WISEdata (DPI's rules, ownership and per-LEA keys) or a plain Ed-Fi ODS/API, which fidelity tests run against.</summary>
    public SimulatorProfile Profile { get; init; } = SimulatorProfile.Wisedata;

    public IEnumerable<SchoolYear> AllSchoolYears => SchoolYears.Append(DefaultSchoolYear).Distinct().Order();
}
