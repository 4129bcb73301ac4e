using System.Text.Json.Nodes;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.L1;

/// <summary>What DPI's rules need to know about reference data that is not in the record itself.</summary>
public interface IDpiReferenceData
{
    /// <summary>A school in the Parental Choice Program: DPI expects no CTE data from it.</summary>
    bool IsChoiceSchool(long educationOrganizationId);
}

/// <param name="Resource">The endpoint name, e.g. <c>studentCTEProgramAssociations</c>.</param>
/// <param name="Document">The body as bound: canonical property names (<c>_ext.WI</c>, <c>programTypeDescriptor</c>).</param>
public sealed record L1Request(string Resource, JsonObject Document, SchoolYear Year, IDpiReferenceData ReferenceData);

/// <summary>A rule a record breaks. <paramref name="RuleId"/> is the harness's code (WI-L1-…), not a DPI message code.</summary>
/// <param name="Path">JSON path of the offending value, as problem details' validationErrors key it.</param>
public sealed record RuleViolation(string RuleId, string Path, string Message)
{
    public override string ToString() => $"{Message} [{RuleId}]";
}
