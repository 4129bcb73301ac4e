using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using WisCte.Dpi;
using WisCte.Dpi.L1;
using WisCte.Dpi.L2;
using WisCte.Dpi.Waivers;
using WisCte.EdFi;

namespace WisCte.Audit;

/// <summary>
/// Audit mode: DPI's L2 rules over the records an LEA has submitted for a school year, read from a real endpoint.
/// The key's own access decides which records are the LEA's, as it does on WISEdata.
/// </summary>
public static class LeaAudit
{
    /// <summary>Every resource DPI's L2 rules read (<see cref="EndpointDataSet.Records"/> fails for any other).</summary>
    public static IReadOnlyList<string> Resources { get; } =
    [
        "courses",
        "courseOfferings",
        "studentSchoolAssociations",
        "studentEducationOrganizationAssociations",
        ProgramReferences.StudentSectionAssociations,
        "grades",
        ProgramReferences.StudentCteProgramAssociations,
    ];

    public static async Task<AuditReport> RunAsync(EdFiClient client, long localEducationAgencyId, L2RuleSet? rules = null, int pageSize = EndpointDataSet.MaximumPageSize, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        rules ??= L2RuleSet.Dpi;
        var data = await EndpointDataSet.ReadAsync(client, Resources, pageSize, cancellation).ConfigureAwait(false);
        var findings = rules.Run(new L2Context(data, localEducationAgencyId, client.Target.SchoolYear));
        return new AuditReport(client.Target.BaseUrl, localEducationAgencyId, client.Target.SchoolYear, data.Counts, [.. rules.Rules.Select(r => r.Code)], findings);
    }
}

/// <summary>What an audit read and found.</summary>
public sealed record AuditReport(
    Uri BaseUrl, long LocalEducationAgencyId, SchoolYear SchoolYear, IReadOnlyList<(string Resource, int Count)> Read,
    IReadOnlyList<string> RulesRun, IReadOnlyList<ValidationResult> Findings)
{
    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>DPI's accepted exceptions this audit honours (by rule: an audit's findings belong to no use case).</summary>
    public WaiverFile Waivers { get; init; } = WaiverFile.None;

    public Waiver? WaiverOf(ValidationResult finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Waivers.For(finding.Code, null);
    }

    /// <summary>Conforms when nothing is an error but what a waiver covers; warnings and information are reported, not failed.</summary>
    public bool Conforms => !Findings.Any(f => f.Severity == Severity.Error && WaiverOf(f) is null);

    public JsonObject ToJson() => new()
    {
        ["baseUrl"] = BaseUrl.ToString(),
        ["localEducationAgencyId"] = LocalEducationAgencyId,
        ["schoolYear"] = SchoolYear.EndYear,
        ["conforms"] = Conforms,
        ["read"] = new JsonObject(Read.Select(r => KeyValuePair.Create(r.Resource, (JsonNode?)r.Count))),
        ["rulesRun"] = new JsonArray([.. RulesRun.Select(r => (JsonNode?)r)]),
        ["findings"] = new JsonArray([.. Findings.Select(f => (JsonNode?)WithWaiver(f))]),
    };

    private JsonObject WithWaiver(ValidationResult finding)
    {
        var json = finding.ToJson();
        if (WaiverOf(finding) is { } waiver)
            json["waiver"] = new JsonObject { ["reason"] = waiver.Reason, ["approvedBy"] = waiver.ApprovedBy, ["expires"] = waiver.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        return json;
    }
}
