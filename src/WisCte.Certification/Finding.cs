using System.Text.Json.Serialization;
using WisCte.Dpi.Waivers;

namespace WisCte.Certification;

public enum FindingSeverity
{
    /// <summary>The SIS does not conform: the use case fails.</summary>
    Error,

    /// <summary>Worth fixing; the use case still passes.</summary>
    Warning,

    /// <summary>Information only (what DPI derives): never reported as a finding.</summary>
    Info,
}

/// <summary>One thing the judgement found in the SIS's traffic, with the journal entries that show it.</summary>
/// <param name="RuleId">Stable id of the rule (CERT-…, or the WI-L1-… rule WISEdata refused the request under).</param>
public sealed record Finding(string UseCaseId, string RuleId, FindingSeverity Severity, string Message, IReadOnlyList<long> JournalEntries)
{
    /// <summary>What the vendor's engineer fixes: the rule's cause in <see cref="Rules.RuleCatalog"/> (a rule WISEdata quoted that the catalogue does not know: Content).</summary>
    public Rules.Cause Cause => Rules.RuleCatalog.Find(RuleId)?.Cause ?? Rules.Cause.Content;

    /// <summary>The exception DPI accepted for this finding: shown, not hidden, and not failing its use case.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Waiver? Waiver { get; init; }

    /// <summary>An error no waiver covers: it fails its use case.</summary>
    [JsonIgnore]
    public bool Fails => Severity == FindingSeverity.Error && Waiver is null;

    public override string ToString() =>
        $"[{UseCaseId}] {RuleId} ({Cause}): {Message} (journal {string.Join(", ", JournalEntries)}){(Waiver is null ? "" : $" ({Waiver})")}";
}
