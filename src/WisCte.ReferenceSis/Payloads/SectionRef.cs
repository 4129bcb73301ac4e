using System.Text.Json.Nodes;

namespace WisCte.ReferenceSis.Payloads;

/// <summary>A section as a studentSectionAssociation names it.</summary>
public sealed record SectionRef(string LocalCourseCode, long SchoolId, int SchoolYear, string SectionIdentifier, string SessionName)
{
    public JsonObject ToJson() => new()
    {
        ["localCourseCode"] = LocalCourseCode,
        ["schoolId"] = SchoolId,
        ["schoolYear"] = SchoolYear,
        ["sectionIdentifier"] = SectionIdentifier,
        ["sessionName"] = SessionName,
    };

    public override string ToString() => SectionIdentifier;
}
